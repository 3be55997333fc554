using ChatDapr.LocalDapr.Components;
using ChatDapr.LocalDapr.State;
using Microsoft.Data.Sqlite;
using Shouldly;

namespace ChatDapr.LocalDapr.Tests.State;

/// <summary>Expired entries that nobody reads again are removed by the periodic sweep, not kept forever.</summary>
public sealed class TtlSweepTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("localdapr-sweep-").FullName;
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ComponentDefinition Definition(string type, params (string Key, string Value)[] metadata)
    {
        var at = new SourceLocation("test", 0);
        return new ComponentDefinition("store", type, "v1", new ComponentMetadata("store", at, metadata.ToDictionary(m => m.Key, m => m.Value)), [], at);
    }

    private static StateOperation Write(string key, int? ttlSeconds = null) =>
        new(StateOperationKind.Upsert, key, [1], Ttl: ttlSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

    [Fact]
    public async Task InMemory_ExpiredKeyNeverReadAgain_DroppedByALaterWrite()
    {
        await using var store = new InMemoryStateStore(Definition("state.in-memory"), _clock);
        await store.SetAsync(Write("expiring", ttlSeconds: 10), Ct);
        await store.SetAsync(Write("lasting"), Ct);

        _clock.Advance(InMemoryStateStore.SweepInterval + TimeSpan.FromSeconds(1));
        await store.SetAsync(Write("trigger"), Ct);

        store.Count.ShouldBe(2);
        (await store.GetAsync("lasting", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sqlite_ExpiredRowNeverReadAgain_DeletedByALaterWrite()
    {
        var file = Path.Combine(_dir, "sweep.db");
        await using var store = new SqliteStateStore(Definition("state.sqlite", ("connectionString", file)), _clock);
        await store.SetAsync(Write("expiring", ttlSeconds: 10), Ct);
        _clock.Advance(TimeSpan.FromSeconds(11));
        (await store.GetAsync("expiring", Ct)).ShouldBeNull();

        _clock.Advance(SqliteStateStore.SweepInterval);
        await store.SetAsync(Write("trigger"), Ct);

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(key) FROM state";
        (await command.ExecuteScalarAsync(Ct)).ShouldBe("trigger");
    }

    [Fact]
    public async Task Sqlite_ComponentDefaultTtl_AppliesUnlessRequestSaysNever()
    {
        await using var store = new SqliteStateStore(Definition("state.sqlite", ("connectionString", Path.Combine(_dir, "default.db")), ("ttlInSeconds", "5")), _clock);
        await store.SetAsync(Write("default-ttl"), Ct);
        await store.SetAsync(new StateOperation(StateOperationKind.Upsert, "never", [1], Ttl: TimeSpan.Zero), Ct);

        _clock.Advance(TimeSpan.FromSeconds(6));

        (await store.GetAsync("default-ttl", Ct)).ShouldBeNull();
        (await store.GetAsync("never", Ct)).ShouldNotBeNull();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
