using System.Globalization;
using System.Text.RegularExpressions;
using ChatDapr.LocalDapr.Components;
using Microsoft.Data.Sqlite;

namespace ChatDapr.LocalDapr.State;

/// <summary>
/// The SQLite file behind a state.sqlite component: connection string, schema and per-connection settings.
/// WAL lets readers run beside the one writer, and the busy timeout makes writers from other threads or
/// processes wait for the lock instead of failing.
/// </summary>
internal sealed partial class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteDatabase(ComponentDefinition definition)
    {
        Table = definition.Metadata.Get("tableName") is { Length: > 0 } t ? t : "state";
        if (!Identifier().IsMatch(Table))
            throw new ResourceLoadException(definition.Source, $"component '{definition.Name}': tableName '{Table}' must be a plain SQL identifier");
        var busyTimeout = definition.Metadata.GetDuration("busyTimeout", TimeSpan.FromSeconds(2));
        _busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
        var builder = Parse(definition.Metadata.Require("connectionString"), definition);
        FilePath = Path.GetFullPath(builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        builder.DataSource = FilePath;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; keep that in line with busyTimeout.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        _connectionString = builder.ToString();
        CreateSchema();
    }

    public string Table { get; }
    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Pooled connections may be fresh or reused; the pragma is cheap, so set it every time.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs};");
            await pragma.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Drops pooled connections so the file handle closes when the component is disposed.</summary>
    public void ClosePool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void CreateSchema()
    {
        using var connection = OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        // journal_mode is stored in the file, so every process that opens it later gets WAL too.
        command.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS "{Table}" (
                key TEXT NOT NULL PRIMARY KEY,
                value BLOB NOT NULL,
                etag TEXT NOT NULL,
                expiration_time INTEGER NULL,
                update_time INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS "{Table}_expiration" ON "{Table}" (expiration_time) WHERE expiration_time IS NOT NULL;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>Accepts a path, Dapr's <c>file:path?options</c> form, or a full <c>Data Source=...</c> string.</summary>
    private static SqliteConnectionStringBuilder Parse(string raw, ComponentDefinition definition)
    {
        SqliteConnectionStringBuilder builder;
        if (raw.Contains('=') && !raw.StartsWith("file:", StringComparison.Ordinal))
            builder = new SqliteConnectionStringBuilder(raw);
        else
        {
            var path = raw.StartsWith("file:", StringComparison.Ordinal) ? raw["file:".Length..].Split('?')[0] : raw;
            builder = new SqliteConnectionStringBuilder { DataSource = path };
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource.Contains(":memory:", StringComparison.Ordinal))
            throw new ResourceLoadException(definition.Source,
                $"component '{definition.Name}': connectionString must name a database file (use state.in-memory for a store in memory)");
        return builder;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
