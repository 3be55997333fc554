using System.Text.Json;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.PubSub;

/// <summary>Hands one stream entry to the subscription's handler and acknowledges it (XACK) on Success or Drop.</summary>
internal sealed class RedisEntryProcessor(
    IDatabase db, TimeSpan processingTimeout, string topic, string group,
    Func<BrokerMessage, CancellationToken, Task<DeliveryOutcome>> handler, ILogger logger)
{
    public async Task ProcessAsync(StreamEntry entry, string id, int attempt, CancellationToken ct)
    {
        var message = new BrokerMessage(topic, (byte[]?)entry["data"] ?? [], ReadMetadata(entry)) { BrokerId = id, Attempt = attempt };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // As in daprd, processingTimeout bounds one handling; the entry is then left for redelivery.
        if (processingTimeout > TimeSpan.Zero)
            timeout.CancelAfter(processingTimeout);
        DeliveryOutcome outcome;
        try
        {
            outcome = await handler(message, timeout.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // Unsubscribed: the entry stays pending and another consumer claims it.
        }
        catch (Exception e)
        {
            PubSubLog.HandlerFailed(logger, topic, group, id, e.Message);
            outcome = DeliveryOutcome.Retry;
        }
        if (outcome != DeliveryOutcome.Retry)
            await AckAsync(id);
    }

    private async Task AckAsync(string id)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.StreamAcknowledgeAsync(topic, group, id);
                return;
            }
            catch (Exception e) when ((e is RedisException or TimeoutException) && attempt < 5)
            {
                await Task.Delay(delay);
                delay *= 2;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Handled but not acknowledged: it will be delivered again (at-least-once).
                PubSubLog.AckFailed(logger, topic, group, id, e.Message);
                return;
            }
        }
    }

    private static Dictionary<string, string> ReadMetadata(StreamEntry entry)
    {
        var raw = entry["metadata"];
        if (raw.IsNullOrEmpty)
            return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>((string)raw!) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
