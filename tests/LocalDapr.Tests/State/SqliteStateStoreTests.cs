using ChatDapr.Testing;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localdapr-sqlite-").FullName;

    [Fact]
    public async Task TrySaveStateAsync_TwoSidecarsOnOneFile_NoIncrementIsLost()
    {
        var file = Path.Combine(_dir, "shared.db");
        var appId = "counter-" + Guid.NewGuid().ToString("N")[..8];
        // Separate LocalSidecars have separate component pools: each opens the file with its own store and
        // connections, as two sidecar processes on one file do. The same app-id makes them share the key.
        await using var first = await StateTestHost.StartAsAsync(appId, Components.SqliteState(file, "counter"));
        await using var second = await StateTestHost.StartAsAsync(appId, Components.SqliteState(file, "counter"));
        ReferenceEquals(first.Store("counter"), second.Store("counter")).ShouldBeFalse();

        await Task.WhenAll(IncrementAsync(first, 25), IncrementAsync(second, 25)).WithTimeout("the increments finish", TimeSpan.FromSeconds(60));

        (await first.Client.GetStateAsync<int>("counter", "count", cancellationToken: first.Ct)).ShouldBe(50);
    }

    [Fact]
    public async Task Start_DataSourceStringInMissingDirectoryAndCustomTable_CreatesFileAndTable()
    {
        var file = Path.Combine(_dir, "nested", "deeper", "custom.db");
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: custom
            spec:
              type: state.sqlite
              version: v1
              metadata:
              - name: connectionString
                value: "Data Source={file}"
              - name: tableName
                value: chat_state
              - name: busyTimeout
                value: 5s
            """;
        await using var t = await StateTestHost.StartAsync(yaml);

        await t.Client.SaveStateAsync("custom", "k", "v", cancellationToken: t.Ct);

        File.Exists(file).ShouldBeTrue();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(t.Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM chat_state";
        (await command.ExecuteScalarAsync(t.Ct)).ShouldBe($"{t.AppId}||k");
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync(t.Ct)).ShouldBe("wal");
    }

    private static async Task IncrementAsync(StateTestHost sidecar, int times)
    {
        for (var done = 0; done < times;)
        {
            var (value, etag) = await sidecar.Client.GetStateAndETagAsync<int>("counter", "count", cancellationToken: sidecar.Ct);
            if (await TrySaveAsync(sidecar, value + 1, etag))
                done++;
        }
    }

    /// <summary>Compare-and-set: with the ETag read, or "only if absent" (first-write) when there was none.</summary>
    private static async Task<bool> TrySaveAsync(StateTestHost sidecar, int value, string etag)
    {
        if (!string.IsNullOrEmpty(etag))
            return await sidecar.Client.TrySaveStateAsync("counter", "count", value, etag, cancellationToken: sidecar.Ct);
        try
        {
            await sidecar.Client.SaveStateAsync("counter", "count", value,
                new StateOptions { Concurrency = ConcurrencyMode.FirstWrite }, cancellationToken: sidecar.Ct);
            return true;
        }
        catch (DaprException e) when (e.InnerException is RpcException { StatusCode: StatusCode.Aborted })
        {
            return false;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
