using System.Diagnostics;
using ChatDapr.ChatLoad.Load;

namespace ChatDapr.ChatLoad.Targets;

// Rooms for one scenario. ChatDapr joins members' connections to the room's group asynchronously (MemberJoined over
// pub/sub), so a room is ready only once a probe message has reached every member; a probe that some member missed is
// simply sent again.
public static class RoomSetup
{
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<LoadRoom>> CreateAsync(
        ILoadTarget target, IReadOnlyList<LoadClient> users, int size, LatencyRecorder recorder)
    {
        var groups = users.Chunk(size).Where(g => g.Length == size).ToList();
        if (groups.Count == 0)
            throw new ArgumentException($"{users.Count} users cannot fill a {size}-member room; raise --users");
        var rooms = new LoadRoom[groups.Count];
        // A few at a time: room creation is a chain of actor calls, and the launcher's sidecars share two cores.
        await Parallel.ForEachAsync(Enumerable.Range(0, groups.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var roomId = await target.CreateRoomAsync(groups[i]);
            await WaitUntilJoinedAsync(roomId, groups[i], recorder);
            rooms[i] = new LoadRoom(roomId, groups[i]);
        });
        return rooms;
    }

    private static async Task WaitUntilJoinedAsync(string roomId, IReadOnlyList<LoadClient> members, LatencyRecorder recorder)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var nonce = Guid.NewGuid().ToString("N");
            await members[0].SendAsync(roomId, LatencyRecorder.ProbeText(nonce)).WaitAsync(TimeSpan.FromSeconds(30));
            var probeDeadline = Stopwatch.GetTimestamp() + (long)(ProbeWait.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < probeDeadline)
            {
                if (recorder.ProbeCount(nonce) >= members.Count)
                    return;
                await Task.Delay(20);
            }
        }
        throw new TimeoutException($"room {roomId}: not every member received a probe within {ReadyTimeout.TotalSeconds:0} s");
    }
}
