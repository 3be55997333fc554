using System.Text;
using ChatDapr.LocalDapr.Components;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.State;

/// <summary>
/// state.redis in Dapr's layout. The connection never gives up: while Redis is down every call fails fast with
/// <see cref="StoreUnavailableException"/> and the multiplexer keeps reconnecting in the background, so the
/// sidecar recovers without a restart.
/// </summary>
public sealed class RedisStateStore : IStateStore
{
    private static readonly RedisValue[] Fields = ["data", "version"];
    private readonly ConnectionMultiplexer _redis;
    private readonly TimeSpan? _defaultTtl;

    public RedisStateStore(ComponentDefinition definition)
    {
        Name = definition.Name;
        IsActorStateStore = StateMetadata.IsActorStore(definition);
        KeyPrefix = StateMetadata.KeyPrefixOf(definition);
        _defaultTtl = StateMetadata.DefaultTtl(definition);
        var options = ConfigurationOptions.Parse(definition.Metadata.Require("redisHost"));
        if (definition.Metadata.Get("redisPassword") is { Length: > 0 } password)
            options.Password = password;
        options.DefaultDatabase = definition.Metadata.GetInt("redisDB", 0);
        options.AbortOnConnectFail = false;
        // Fail commands at once while disconnected instead of queueing them until a timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2000;
        options.ReconnectRetryPolicy = new ExponentialRetry(100, 2000);
        options.ClientName = "localdapr";
        _redis = ConnectionMultiplexer.Connect(options);
    }

    public string Name { get; }
    public bool IsActorStateStore { get; }
    public string KeyPrefix { get; }

    private IDatabase Db => _redis.GetDatabase();

    // The hot paths await Redis directly (no LINQ, closures or extra async layers): a state call is one command.
    public async Task<StateItem?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            return ToItem(await Db.HashGetAsync(key, Fields));
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<IReadOnlyDictionary<string, StateItem>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var db = Db;
        // Issued together, the reads share one round trip (the multiplexer pipelines them).
        var reads = new Task<RedisValue[]>[keys.Count];
        try
        {
            for (var i = 0; i < keys.Count; i++)
                reads[i] = db.HashGetAsync(keys[i], Fields);
            await Task.WhenAll(reads);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
        var found = new Dictionary<string, StateItem>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
            if (ToItem(reads[i].Result) is { } item)
                found[keys[i]] = item;
        return found;
    }

    public Task SetAsync(StateOperation write, CancellationToken ct) => TransactAsync([write], ct);

    public Task DeleteAsync(StateOperation delete, CancellationToken ct) => TransactAsync([delete], ct);

    public async Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct)
    {
        var keys = new RedisKey[operations.Count];
        var args = new RedisValue[operations.Count * RedisScripts.ArgsPerOperation];
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            keys[i] = op.Key;
            var b = i * RedisScripts.ArgsPerOperation;
            args[b] = op.Kind == StateOperationKind.Upsert ? "u" : "d";
            args[b + 1] = op.ChecksETag ? "1" : op.RequiresAbsent ? "2" : "0";
            args[b + 2] = op.ETag ?? "";
            args[b + 3] = op.Value ?? [];
            args[b + 4] = TtlSeconds(op);
        }
        try
        {
            await Db.ScriptEvaluateAsync(RedisScripts.Transaction, keys, args);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public Task<IReadOnlyList<string>> KeysAsync(string prefix, CancellationToken ct) =>
        Guard<IReadOnlyList<string>>(async () =>
        {
            var server = _redis.GetServers().FirstOrDefault(s => s.IsConnected)
                ?? throw new StoreUnavailableException(Name, new InvalidOperationException("no connected Redis server"));
            var keys = new List<string>();
            await foreach (var key in server.KeysAsync(_redis.GetDatabase().Database, EscapeGlob(prefix) + "*", pageSize: 500).WithCancellation(ct))
                keys.Add(key.ToString());
            keys.Sort(StringComparer.Ordinal);
            return keys;
        });

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        if (!_redis.IsConnected)
            return false;
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.CloseAsync();
        _redis.Dispose();
    }

    private long TtlSeconds(StateOperation op) =>
        (op.Ttl ?? _defaultTtl) is { } ttl && ttl > TimeSpan.Zero ? (long)Math.Ceiling(ttl.TotalSeconds) : 0;

    private static string EscapeGlob(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static StateItem? ToItem(RedisValue[] fields) =>
        fields[1].IsNull ? null : new StateItem(fields[0].IsNull ? [] : (byte[])fields[0]!, fields[1].ToString());

    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The store's exception for a Redis failure: an ETag mismatch from the script, or unavailability; null for others.</summary>
    private Exception? Translate(Exception e)
    {
        if (e is RedisServerException && e.Message.Contains(RedisScripts.MismatchError, StringComparison.Ordinal))
        {
            var at = e.Message.IndexOf(RedisScripts.MismatchError, StringComparison.Ordinal) + RedisScripts.MismatchError.Length;
            return new ETagMismatchException(e.Message[at..].Trim());
        }
        return e is RedisConnectionException or RedisTimeoutException || IsTransient(e) ? new StoreUnavailableException(Name, e) : null;
    }

    /// <summary>Replies a restarting or overloaded server gives; the next attempt may succeed.</summary>
    private static bool IsTransient(Exception e) =>
        e is RedisServerException && (e.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || e.Message.StartsWith("BUSY", StringComparison.Ordinal)
            || e.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || e.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal));
}
