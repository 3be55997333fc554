using Microsoft.Data.Sqlite;

namespace ChatDapr.LocalDapr.Tests.State;

public sealed class SqliteStateConformanceTests : StateConformanceTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localdapr-sqlite-").FullName;

    private string File => Path.Combine(_dir, "state.db");

    protected override Task<string> ComponentYamlAsync() => Task.FromResult(Components.SqliteState(File, Store));

    protected override async Task<(byte[] Data, string ETag)?> ReadRawAsync(StateTestHost test, string fullKey)
    {
        await using var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync(test.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag FROM state WHERE key = $key";
        command.Parameters.AddWithValue("$key", fullKey);
        await using var reader = await command.ExecuteReaderAsync(test.Ct);
        return await reader.ReadAsync(test.Ct) ? (reader.GetFieldValue<byte[]>(0), reader.GetString(1)) : null;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
