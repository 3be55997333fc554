using ChatDapr.Reliability.Tests.Checking;
using ChatDapr.Reliability.Tests.Model;
using ChatDapr.Testing;
using ChatDapr.Testing.Chat;
using ChatDapr.Testing.Systems;

namespace ChatDapr.Reliability.Tests.Scenarios;

/// <summary>
/// One reliability run against a started system: clients and rooms set up, steady traffic while a scenario injects
/// its faults, then sends drained, every client's final Sync from 0, and the checker's verdict.
/// </summary>
public sealed class ChatRun : IAsyncDisposable
{
    private readonly RunShape _shape;
    private readonly ITestOutputHelper _output;
    private readonly List<ReliableClient> _clients;
    private readonly List<RunRoom> _rooms = [];

    private ChatRun(RunShape shape, ITestOutputHelper output, Random schedule, History history, List<ReliableClient> clients)
    {
        _shape = shape;
        _output = output;
        Schedule = schedule;
        History = history;
        _clients = clients;
    }

    public History History { get; }

    /// <summary>Seeded: scenarios draw their fault times and targets from it.</summary>
    public Random Schedule { get; }

    public IReadOnlyList<ReliableClient> Clients => _clients;

    /// <summary>The rooms as set up, before any membership change of the run.</summary>
    public IReadOnlyList<RunRoom> Rooms => _rooms;

    public int Acked => History.Events.Count(e => e is SendAcked);

    public static async Task<ChatRun> StartAsync(ChatSystem system, RunShape shape, int seed, ITestOutputHelper output)
    {
        var history = new History();
        var users = await Task.WhenAll(Enumerable.Range(0, shape.Clients).Select(i => ChatAccounts.RegisterAsync(system.Gateways[i % system.Gateways.Count], $"rel{i}_")));
        // The first SlowConsumers clients are the slow ones, each with its own seeded pace.
        var clients = users.Select((u, i) => new ReliableClient($"c{i}", u, system.Gateways, i % system.Gateways.Count, history,
            i < shape.SlowConsumers ? new ReceiveDelay(new Random(unchecked((seed * 31) + i)), shape.SlowReceiveMin, shape.SlowReceiveMax) : null)).ToList();
        var run = new ChatRun(shape, output, new Random(seed), history, clients);
        try
        {
            await Task.WhenAll(clients.Select(c => c.ConnectAsync()));
            // Overlapping rooms: room k holds MembersPerRoom consecutive clients starting at k * step, wrapping around.
            var step = (int)Math.Ceiling(shape.Clients / (double)shape.Rooms);
            for (var k = 0; k < shape.Rooms; k++)
            {
                var members = Enumerable.Range(k * step, shape.MembersPerRoom).Select(i => clients[i % shape.Clients]).Distinct().ToList();
                var room = await members[0].CreateGroupAsync($"rel-{k}", [.. members.Skip(1).Select(m => m.User.UserId)]);
                foreach (var member in members)
                    member.Join(room);
                run._rooms.Add(new RunRoom(room, members[0], members));
            }
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
        return run;
    }

    /// <summary>Polls the run's progress: faults strike after a number of acked sends, not after a fixed time.</summary>
    public Task AckedAtLeastAsync(int count) =>
        Poll.UntilAsync(() => Acked >= count, $"{count} sends are acked", TimeSpan.FromSeconds(120));

    /// <summary>Marks a fault window in the history (time_to_recover is measured from its end).</summary>
    public void BeginFault(string fault) => History.Add(new FaultStarted(History.Now, fault));

    public void EndFault(string fault) => History.Add(new FaultEnded(History.Now, fault));

    /// <summary>Polls until the fault has lasted <paramref name="atLeast"/> and some send has felt it (timed out or failed).</summary>
    public Task FaultFeltAsync(TimeSpan since, TimeSpan atLeast) =>
        Poll.UntilAsync(() => History.Now - since >= atLeast && History.Events.Any(e => e.At >= since && e is SendTimedOut or SendFailed),
            $"the fault has lasted {atLeast.TotalSeconds:0.#} s and a send timed out or failed", atLeast + TimeSpan.FromSeconds(60));

    public async Task<CheckReport> RunAsync(Func<ChatRun, Task> faults)
    {
        try
        {
            return await RunCheckedAsync(faults);
        }
        catch (Exception e)
        {
            _output.WriteLine($"the run failed: {e.GetType().Name}: {e.Message}");
            await DumpHistoryAsync();
            throw;
        }
    }

    private async Task<CheckReport> RunCheckedAsync(Func<ChatRun, Task> faults)
    {
        using var stopNew = new CancellationTokenSource();
        using var giveUp = new CancellationTokenSource();
        var senders = _clients.Select(c => SendLoopAsync(c, _shape.SendInterval, new Sender(c, History, new Random(Schedule.Next()), _shape.AckDropRate), stopNew.Token, giveUp.Token)).ToList();
        try
        {
            await faults(this);
            await AckedAtLeastAsync(_shape.TargetAcks);
        }
        finally
        {
            stopNew.Cancel();
            // Sends under way keep retrying (same clientMessageId) until acked; a bound keeps a dead system from hanging the test.
            giveUp.CancelAfter(TimeSpan.FromSeconds(60));
            await Task.WhenAll(senders);
        }
        await Task.WhenAll(_clients.Select(c => c.FinalSyncAsync()));
        var report = Checker.Check(History);
        _output.WriteLine(report.ToString());
        if (report.Anomalies.Count > 0)
            await DumpHistoryAsync();
        return report;
    }

    // The whole history, one event a line, for the evidence behind an anomaly or a failed run.
    private async Task DumpHistoryAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chatdapr-reliability-{Guid.NewGuid():N}.history.txt");
        await File.WriteAllLinesAsync(file, History.Events.Select(e => e.ToString()));
        _output.WriteLine($"history: {file}");
    }

    // Round robin over the rooms the client is a member of now; a client in none waits for the next tick.
    private static async Task SendLoopAsync(ReliableClient client, TimeSpan interval, Sender sender, CancellationToken stopNew, CancellationToken giveUp)
    {
        await Task.Yield();
        using var pace = new PeriodicTimer(interval);
        for (var i = 0; !stopNew.IsCancellationRequested; i++)
        {
            if (client.SendingTo is { Count: > 0 } rooms)
                await sender.SendAsync(rooms[i % rooms.Count], giveUp);
            if (!await pace.WaitForNextTickAsync(stopNew).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
    }
}
