using ChatDapr.Contracts.Wire;
using ChatDapr.Reliability.Tests.Checking;

namespace ChatDapr.Reliability.Tests.Model;

/// <summary>
/// One room on one client's screen, as a real client keeps it: messages de-duplicated by seq and shown in seq order;
/// one that arrives ahead of a hole waits until the hole is filled (by a later delivery or a Sync).
/// </summary>
public sealed class RoomView(string client, string roomId, History history)
{
    private readonly SortedDictionary<long, Message> _waiting = [];
    private readonly Lock _gate = new();
    private long _contiguous;

    public string RoomId => roomId;

    /// <summary>Every seq up to this one is on screen: where a reconnecting client syncs from.</summary>
    public long Contiguous
    {
        get { lock (_gate) return _contiguous; }
    }

    public bool HasGap
    {
        get { lock (_gate) return _waiting.Count > 0; }
    }

    public void Accept(Message message, string connection, ReceiptSource source)
    {
        var cmid = History.ClientMessageIdOf(message.Text);
        lock (_gate)
        {
            // Recorded under the lock so the history's order of receipts and displays is the order they happened in.
            history.Add(new Received(history.Now, client, connection, roomId, message.Seq, message.MessageId, cmid, source));
            if (message.Seq <= _contiguous || !_waiting.TryAdd(message.Seq, message))
                return;
            while (_waiting.Remove(_contiguous + 1, out var next))
            {
                _contiguous = next.Seq;
                history.Add(new Displayed(history.Now, client, roomId, next.Seq, next.MessageId, History.ClientMessageIdOf(next.Text)));
            }
        }
    }
}
