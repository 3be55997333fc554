using ChatDapr.Contracts.Errors;
using ChatDapr.Contracts.Wire;
using ChatDapr.Reliability.Tests.Checking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatDapr.Reliability.Tests.Model;

/// <summary>
/// A client's outbox: one send at a time, retried with the same clientMessageId until acked, as a real client does
/// after a timeout, an error or a dropped connection. A share of acks is thrown away on purpose (seeded) so the
/// "ack lost on the way back" retry runs in every scenario, faults or not.
/// </summary>
public sealed class Sender(ReliableClient client, History history, Random random, double ackDropRate)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(4);

    /// <returns>false when <paramref name="giveUp"/> came before an ack, or the sender was refused as a non-member.</returns>
    public async Task<bool> SendAsync(string roomId, CancellationToken giveUp)
    {
        var cmid = Guid.NewGuid().ToString("N");
        for (var attempt = 1; !giveUp.IsCancellationRequested;)
        {
            if (client.Connection is not { } connection)
            {
                await Pause(attempt, giveUp);
                continue;
            }
            history.Add(new SendInvoked(history.Now, client.Name, roomId, cmid, attempt));
            try
            {
                var ack = await connection.InvokeAsync<SendAck>("SendMessage", new SendMessageRequest(roomId, cmid, History.TextOf(cmid)), giveUp)
                    .WaitAsync(AttemptTimeout, giveUp);
                if (random.NextDouble() >= ackDropRate)
                {
                    history.Add(new SendAcked(history.Now, client.Name, roomId, cmid, ack.MessageId, ack.Seq));
                    return true;
                }
                history.Add(new AckDropped(history.Now, client.Name, roomId, cmid, ack.MessageId, ack.Seq));
                attempt++;
                continue;
            }
            catch (HubException e) when (ChatError.TryParseCode(e.Message, out var code) && code == ChatErrorCodes.Forbidden)
            {
                // Not a member (any more): a final answer, as it is for a real client, which drops the room.
                history.Add(new SendFailed(history.Now, client.Name, roomId, cmid, e.Message[e.Message.IndexOf(ChatErrorCodes.Forbidden, StringComparison.Ordinal)..]));
                break;
            }
            catch (TimeoutException)
            {
                history.Add(new SendTimedOut(history.Now, client.Name, roomId, cmid));
            }
            catch (Exception e) when (!giveUp.IsCancellationRequested)
            {
                history.Add(new SendFailed(history.Now, client.Name, roomId, cmid, $"{e.GetType().Name}: {e.Message.Split('\n')[0]}"));
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await Pause(attempt++, giveUp);
        }
        return false;
    }

    private static Task Pause(int attempt, CancellationToken giveUp) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100 * attempt, 1000)), giveUp).ContinueWith(_ => { }, TaskScheduler.Default);
}
