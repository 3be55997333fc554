using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatDapr.Gateway.Chat;

// At most one typing notification per (user, room) per interval, on this instance.
public sealed class TypingThrottle(IOptions<TypingOptions> options, TimeProvider time)
{
    // Entries older than the interval are pruned once the map grows past this size.
    public const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<(string UserId, string RoomId), long> last = new();

    public bool TryEnter(string userId, string roomId)
    {
        var now = time.GetTimestamp();
        var interval = options.Value.Interval;
        var entered = false;
        last.AddOrUpdate((userId, roomId),
            _ => { entered = true; return now; },
            (_, previous) =>
            {
                entered = time.GetElapsedTime(previous, now) >= interval;
                return entered ? now : previous;
            });
        if (last.Count > PruneThreshold)
            Prune(now, interval);
        return entered;
    }

    private void Prune(long now, TimeSpan interval)
    {
        foreach (var (key, at) in last)
        {
            if (time.GetElapsedTime(at, now) >= interval)
                last.TryRemove(new KeyValuePair<(string, string), long>(key, at));
        }
    }
}
