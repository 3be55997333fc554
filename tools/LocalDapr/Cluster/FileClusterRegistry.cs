using System.Diagnostics;
using System.Text.Json;

namespace ChatDapr.LocalDapr.Cluster;

/// <summary>
/// The registry for standalone sidecars on one machine (separate processes): each instance keeps
/// <c>{instanceId}.json</c> in a shared directory fresh (heartbeat every second, atomic temp-file + rename);
/// readers trust files younger than <see cref="DefaultStaleAfter"/> whose process is alive, so a killed
/// sidecar drops out within seconds. A FileSystemWatcher plus a 1 s poll raise <see cref="Changed"/>.
/// </summary>
public sealed class FileClusterRegistry : IClusterRegistry
{
    public const string DirectoryVariable = "LOCALDAPR_REGISTRY_DIR";
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromSeconds(3);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ScanCoalesce = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _refresh;
    private readonly TimeSpan _staleAfter;
    private readonly Lock _ownGate = new();
    private readonly Lock _scanGate = new();
    private readonly Dictionary<string, SidecarInstance> _own = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher? _watcher;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _heartbeat;
    private Dictionary<string, Entry> _live = new(StringComparer.Ordinal);
    private int _scanPending;

    public FileClusterRegistry(string? directory = null, TimeSpan? refresh = null, TimeSpan? staleAfter = null)
    {
        Directory = directory ?? DefaultDirectory();
        _refresh = refresh ?? DefaultRefresh;
        _staleAfter = staleAfter ?? DefaultStaleAfter;
        System.IO.Directory.CreateDirectory(Directory);
        _watcher = TryWatch();
        Scan();
        _heartbeat = RunAsync(_stop.Token);
    }

    public string Directory { get; }

    public event Action? Changed;

    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".localdapr", "registry");

    public Task RegisterAsync(SidecarInstance self, CancellationToken ct)
    {
        lock (_ownGate)
        {
            _own[self.InstanceId] = self;
            Write(self);
        }
        Scan();
        return Task.CompletedTask;
    }

    public Task UnregisterAsync(string instanceId, CancellationToken ct)
    {
        lock (_ownGate)
        {
            _own.Remove(instanceId);
            TryDelete(PathOf(instanceId));
        }
        Scan();
        return Task.CompletedTask;
    }

    public IReadOnlyList<SidecarInstance> InstancesOf(string appId) =>
        _live.Values.Select(e => e.Instance).Where(i => i.AppId == appId).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

    public IReadOnlyList<SidecarInstance> HostsOf(string actorType) =>
        _live.Values.Select(e => e.Instance).Where(i => i.ActorTypes.Contains(actorType)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_refresh);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    lock (_ownGate)
                        foreach (var self in _own.Values)
                            Write(self);
                    Scan();
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // Keep the heartbeat alive (whatever failed, a disk hiccup or a Changed subscriber): a missed beat is retried in a second, a dead loop would make us stale.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Re-reads the directory; raises <see cref="Changed"/> when the live set differs from the last scan.</summary>
    private void Scan()
    {
        bool changed;
        lock (_scanGate)
        {
            var found = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var file in EnumerateRecords())
            {
                var record = Read(file);
                if (record is null)
                    continue;
                var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(record.HeartbeatUnixMs);
                if (age <= _staleAfter && IsAlive(record.Pid))
                    found[record.Instance.InstanceId] = new Entry(record.Instance, JsonSerializer.Serialize(record.Instance, Json));
                else if (age > _staleAfter * 10 && !IsAlive(record.Pid))
                    TryDelete(file); // a crashed sidecar's leftover
            }
            lock (_ownGate)
                foreach (var self in _own.Values)
                    found[self.InstanceId] = new Entry(self, JsonSerializer.Serialize(self, Json));
            changed = found.Count != _live.Count || found.Any(kv => !_live.TryGetValue(kv.Key, out var old) || old.Json != kv.Value.Json);
            _live = found;
        }
        if (changed)
            Changed?.Invoke();
    }

    /// <summary>
    /// Watcher events come in bursts (every heartbeat of every instance is a rename), so they are coalesced into
    /// one scan off the watcher's thread, where an exception would otherwise take the process down.
    /// </summary>
    private void ScanSoon()
    {
        if (Interlocked.Exchange(ref _scanPending, 1) != 0)
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(ScanCoalesce, _stop.Token);
                Interlocked.Exchange(ref _scanPending, 0);
                Scan();
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or UnauthorizedAccessException)
            {
                Interlocked.Exchange(ref _scanPending, 0);
            }
        });
    }

    private IEnumerable<string> EnumerateRecords()
    {
        try
        {
            return System.IO.Directory.GetFiles(Directory, "*.json");
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static FileRecord? Read(string file)
    {
        try
        {
            var record = JsonSerializer.Deserialize<FileRecord>(File.ReadAllBytes(file), Json);
            return record?.Instance?.InstanceId is { Length: > 0 } ? record : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null; // deleted meanwhile, or not ours
        }
    }

    private void Write(SidecarInstance self)
    {
        var record = new FileRecord(self, Environment.ProcessId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        // Readers must never see a half-written file: write aside, then rename over the old one (atomic on one volume).
        var temp = Path.Combine(Directory, $".{Sanitize(self.InstanceId)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(record, Json));
            File.Move(temp, PathOf(self.InstanceId), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp); // the next heartbeat tries again
        }
    }

    private string PathOf(string instanceId) => Path.Combine(Directory, Sanitize(instanceId) + ".json");

    private static string Sanitize(string instanceId)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(instanceId.Select(c => invalid.Contains(c) || c == '.' ? '_' : c));
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private FileSystemWatcher? TryWatch()
    {
        try
        {
            var watcher = new FileSystemWatcher(Directory, "*.json")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite,
            };
            watcher.Created += (_, _) => ScanSoon();
            watcher.Deleted += (_, _) => ScanSoon();
            watcher.Renamed += (_, _) => ScanSoon();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (IOException)
        {
            return null; // e.g. inotify limits reached: the 1 s poll still notices changes
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeat;
        _watcher?.Dispose();
        lock (_ownGate)
        {
            foreach (var id in _own.Keys)
                TryDelete(PathOf(id));
            _own.Clear();
        }
        _stop.Dispose();
    }

    private sealed record FileRecord(SidecarInstance Instance, int Pid, long HeartbeatUnixMs);

    private sealed record Entry(SidecarInstance Instance, string Json);
}
