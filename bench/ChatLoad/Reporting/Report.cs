using System.Globalization;
using System.Text;
using ChatDapr.ChatLoad.Load;
using ChatDapr.ChatLoad.Measure;

namespace ChatDapr.ChatLoad.Reporting;

// The run's results as Markdown tables, ready for docs/benchmarks.md.
public sealed class Report(LoadSettings settings, IReadOnlyList<StepResult> results, IReadOnlyList<IdleMemoryResult> memory)
{
    private const string Chat = "ChatDapr";
    private const string Bare = "bare hub";
    private readonly StringBuilder _text = new();

    public string Render()
    {
        Steps();
        Summary();
        Cpu();
        Memory();
        return _text.ToString();
    }

    private void Steps()
    {
        Line("| target | room size | rooms | offered deliveries/s (sends/s) | attempt | delivered/s | delivered | p50 ms | p99 ms | p99.9 ms | max ms | send errors | CPU µs/delivery (target processes) |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results.OrderBy(r => r.RoomSize).ThenBy(r => r.Target != Chat).ThenBy(r => r.OfferedDeliveries))
        {
            var cpu = r.CpuMicros.Where(p => p.Key != OpenLoopStep.BenchProcess).Sum(p => p.Value) / Math.Max(1, r.Delivered);
            Line($"| {r.Target} | {r.RoomSize} | {r.Rooms} | {r.OfferedDeliveries:0} ({r.OfferedDeliveries / r.RoomSize:0.#}) | {r.Attempt} | {r.DeliveredPerSecond:0} | " +
                 $"{r.DeliveredShare:P1} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.P999Ms:0.0} | {r.MaxMs:0.0} | {r.SendErrors} | {cpu:0} |");
        }
        Line("");
    }

    private void Summary()
    {
        Line($"| room size | ChatDapr: highest offered deliveries/s with p99 ≤ {settings.P99LimitMs:0} ms | bare hub | ChatDapr ÷ bare | p50 ms at the highest rate both pass (ChatDapr / bare) | p99 ms there (ChatDapr / bare) |");
        Line("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in settings.Sizes)
        {
            var chat = Best(Chat, size);
            var bare = Best(Bare, size);
            var common = Common(size);
            var ratio = chat is null || bare is null ? "—" : $"{chat.OfferedDeliveries / bare.OfferedDeliveries:0.###}{(Capped(Bare, size) ? " (at most)" : "")}";
            var latency = common is null ? "— | —" :
                $"{common.Value.Chat.P50Ms:0.0} / {common.Value.Bare.P50Ms:0.0} | {common.Value.Chat.P99Ms:0.0} / {common.Value.Bare.P99Ms:0.0}";
            Line($"| {size} | {Rate(chat, Chat, size)} | {Rate(bare, Bare, size)} | {ratio} | {latency} |");
        }
        Line("");
        Line("\"≥\": the last --rates value passed, so the limit lies above it. The step search ends after two failed");
        Line("steps in a row (a shared machine fails single steps at random), so a passed step may lie above a failed one.");
        Line("");
    }

    private void Cpu()
    {
        var processes = results.Where(r => r.Target == Chat).SelectMany(r => r.CpuMicros.Keys).Where(k => k != OpenLoopStep.BenchProcess).Distinct().ToList();
        Line("CPU µs per delivered message, per process, at the highest rate both targets pass: the step's CPU (sending and");
        Line("draining) less what the process used per second with no load just before the scenario; in brackets without that subtraction.");
        Line("");
        Line($"| room size | offered deliveries/s | {string.Join(" | ", processes)} | ChatDapr total | bare hub | ChatDapr ÷ bare | load clients (ChatDapr step / bare step) |");
        Line($"| ---: | ---: |{string.Concat(Enumerable.Repeat(" ---: |", processes.Count))} ---: | ---: | ---: | ---: |");
        foreach (var size in settings.Sizes)
        {
            if (Common(size) is not var (chat, bare))
                continue;
            var cells = processes.Select(p => Cell(chat, [p]));
            var total = processes.Sum(chat.NetCpuMicrosPerDelivery);
            var bareCpu = bare.NetCpuMicrosPerDelivery(Bare);
            Line($"| {size} | {chat.OfferedDeliveries:0} | {string.Join(" | ", cells)} | {Cell(chat, processes)} | {Cell(bare, [Bare])} | ×{total / bareCpu:0.0} | " +
                 $"{chat.CpuMicrosPerDelivery(OpenLoopStep.BenchProcess):0} / {bare.CpuMicrosPerDelivery(OpenLoopStep.BenchProcess):0} |");
        }
        Line("");
    }

    private static string Cell(StepResult step, IReadOnlyList<string> processes) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{processes.Sum(step.NetCpuMicrosPerDelivery):0} ({processes.Sum(step.CpuMicrosPerDelivery):0})");

    private void Memory()
    {
        if (memory.Count == 0)
            return;
        Line("| target | process | idle connections | RSS before (MiB) | RSS after (MiB) | KiB per idle connection |");
        Line("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var m in memory)
            Line($"| {m.Target} | {m.Process} | {m.Connections} | {m.RssBeforeBytes / 1048576.0:0.0} | {m.RssAfterBytes / 1048576.0:0.0} | {m.BytesPerConnection / 1024:0.0} |");
        Line("");
    }

    private StepResult? Best(string target, int size) =>
        results.Where(r => r.Target == target && r.RoomSize == size && r.Passed(settings.P99LimitMs)).MaxBy(r => r.OfferedDeliveries);

    private bool Capped(string target, int size) => Best(target, size) is { } best && best.OfferedDeliveries == settings.Rates[^1];

    private string Rate(StepResult? best, string target, int size) =>
        best is null ? "none" : $"{(Capped(target, size) ? "≥ " : "")}{best.OfferedDeliveries:0}";

    private (StepResult Chat, StepResult Bare)? Common(int size)
    {
        var pairs = from chat in results
                    where chat.Target == Chat && chat.RoomSize == size && chat.Passed(settings.P99LimitMs)
                    join bare in results.Where(r => r.Target == Bare && r.RoomSize == size && r.Passed(settings.P99LimitMs))
                        on chat.OfferedDeliveries equals bare.OfferedDeliveries
                    orderby chat.OfferedDeliveries descending
                    select (chat, bare);
        return pairs.Cast<(StepResult, StepResult)?>().FirstOrDefault();
    }

    private void Line(string line) => _text.AppendLine(line);
}
