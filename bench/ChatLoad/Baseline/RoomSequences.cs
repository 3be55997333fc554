using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ChatDapr.ChatLoad.Baseline;

// The baseline's seq per room, in memory: the least a hub must do to give messages the order ChatDapr gives them.
public sealed class RoomSequences
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _rooms = new(StringComparer.Ordinal);

    public long Next(string roomId) => Interlocked.Increment(ref _rooms.GetOrAdd(roomId, _ => new StrongBox<long>()).Value);
}
