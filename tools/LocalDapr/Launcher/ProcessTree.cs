using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatDapr.LocalDapr.Launcher;

/// <summary>
/// Stops a child process and everything it started: SIGTERM to the whole tree (a shell or <c>dotnet run</c>
/// does not always pass it on), a grace period for clean shutdown, then SIGKILL for whatever is left.
/// </summary>
public static partial class ProcessTree
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    public static async Task TerminateAsync(Process root, TimeSpan grace)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (!root.HasExited)
                root.Kill(entireProcessTree: true);
            await root.WaitForExitAsync();
            return;
        }
        // Snapshot first: once a parent exits its children are re-parented and no longer found under it.
        var pids = root.HasExited ? Descendants(root.Id) : [root.Id, .. Descendants(root.Id)];
        foreach (var pid in pids)
            _ = Kill(pid, SigTerm);
        var deadline = DateTime.UtcNow + grace;
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        // Re-scan: a child may have started something after the snapshot.
        var late = root.HasExited ? [] : Descendants(root.Id);
        foreach (var pid in pids.Concat(late).Distinct().Where(IsAlive))
            _ = Kill(pid, SigKill);
        try
        {
            await root.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The process is gone, but a descendant that left the tree still holds its output pipe open.
        }
    }

    /// <summary>Running (not zombie) processes; zombies are dead, only not yet reaped by their parent.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static List<int> Descendants(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id))
                continue;
            try
            {
                // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                    children[parent] = list = [];
                list.Add(id);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        var result = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.TryDequeue(out var current))
            foreach (var child in children.GetValueOrDefault(current) ?? [])
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        return result;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
