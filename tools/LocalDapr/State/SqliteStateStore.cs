using ChatDapr.LocalDapr.Components;
using Microsoft.Data.Sqlite;

namespace ChatDapr.LocalDapr.State;

/// <summary>
/// state.sqlite: one table (key, value, etag, expiration_time). Every write runs in a <c>BEGIN IMMEDIATE</c>
/// transaction, which takes the file's write lock before the ETag is read, so check-and-write is atomic across
/// threads and processes sharing the file.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly SqliteDatabase _db;
    private readonly TimeProvider _clock;
    private readonly TimeSpan? _defaultTtl;
    private long _nextSweep;

    public SqliteStateStore(ComponentDefinition definition, TimeProvider? clock = null)
    {
        Name = definition.Name;
        IsActorStateStore = StateMetadata.IsActorStore(definition);
        KeyPrefix = StateMetadata.KeyPrefixOf(definition);
        _defaultTtl = StateMetadata.DefaultTtl(definition);
        _clock = clock ?? TimeProvider.System;
        _db = new SqliteDatabase(definition);
    }

    public string Name { get; }
    public bool IsActorStateStore { get; }
    public string KeyPrefix { get; }

    /// <summary>The database file (tests read raw rows from it).</summary>
    public string FilePath => _db.FilePath;

    public async Task<StateItem?> GetAsync(string key, CancellationToken ct) =>
        (await BulkGetAsync([key], ct)).GetValueOrDefault(key);

    public Task<IReadOnlyDictionary<string, StateItem>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        Guard<IReadOnlyDictionary<string, StateItem>>(async () =>
        {
            await using var connection = await _db.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT value, etag FROM "{_db.Table}" WHERE key = $key AND (expiration_time IS NULL OR expiration_time > $now)""";
            var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
            command.Parameters.AddWithValue("$now", Now());
            var found = new Dictionary<string, StateItem>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                keyParameter.Value = key;
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                    found[key] = new StateItem(reader.GetFieldValue<byte[]>(0), reader.GetString(1));
            }
            return found;
        });

    public Task SetAsync(StateOperation write, CancellationToken ct) => TransactAsync([write], ct);

    public Task DeleteAsync(StateOperation delete, CancellationToken ct) => TransactAsync([delete], ct);

    public Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct) =>
        Guard(async () =>
        {
            await using var connection = await _db.OpenAsync(ct);
            // Microsoft.Data.Sqlite starts non-deferred transactions with BEGIN IMMEDIATE.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var now = _clock.GetUtcNow();
            foreach (var op in operations)
            {
                ETagRules.Verify(op, await CurrentETagAsync(connection, op.Key, ct));
                if (op.Kind == StateOperationKind.Upsert)
                    await UpsertAsync(connection, op, StateMetadata.ExpiresAt(op, _defaultTtl, now), ct);
                else
                    await ExecuteAsync(connection, $"""DELETE FROM "{_db.Table}" WHERE key = $key""", op.Key, ct);
            }
            await SweepExpiredAsync(connection, ct);
            await transaction.CommitAsync(ct);
            return true;
        });

    public Task<IReadOnlyList<string>> KeysAsync(string prefix, CancellationToken ct) =>
        Guard<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await _db.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // substr, not LIKE: LIKE is case-insensitive and treats % and _ in keys as wildcards.
            command.CommandText = $"""
                SELECT key FROM "{_db.Table}"
                WHERE substr(key, 1, length($prefix)) = $prefix AND (expiration_time IS NULL OR expiration_time > $now)
                ORDER BY key
                """;
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$now", Now());
            var keys = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                keys.Add(reader.GetString(0));
            return keys;
        });

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _db.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""SELECT count(*) FROM "{_db.Table}" WHERE 0""";
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _db.ClosePool();
        return ValueTask.CompletedTask;
    }

    private async Task<string?> CurrentETagAsync(SqliteConnection connection, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT etag FROM "{_db.Table}" WHERE key = $key AND (expiration_time IS NULL OR expiration_time > $now)""";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task UpsertAsync(SqliteConnection connection, StateOperation op, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO "{_db.Table}" (key, value, etag, expiration_time, update_time) VALUES ($key, $value, $etag, $expires, $now)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag,
                expiration_time = excluded.expiration_time, update_time = excluded.update_time
            """;
        command.Parameters.AddWithValue("$key", op.Key);
        command.Parameters.Add("$value", SqliteType.Blob).Value = op.Value ?? [];
        command.Parameters.AddWithValue("$etag", Guid.NewGuid().ToString("N"));
        command.Parameters.AddWithValue("$expires", (object?)expiresAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Now());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Rows nobody reads again would stay forever; delete expired ones about once a minute, inside a write.</summary>
    private async Task SweepExpiredAsync(SqliteConnection connection, CancellationToken ct)
    {
        var now = Now();
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)SweepInterval.TotalMilliseconds, due) != due)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""DELETE FROM "{_db.Table}" WHERE expiration_time IS NOT NULL AND expiration_time <= $now""";
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    private long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private Task Guard(Func<Task<bool>> action) => Guard<bool>(action);

    /// <summary>Lock timeouts and I/O failures mean the store cannot serve now: report it as unavailable.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 or 8 or 10 or 13 or 14)
        {
            throw new StoreUnavailableException(Name, e);
        }
    }
}
