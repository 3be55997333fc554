using Shouldly;
using StackExchange.Redis;

namespace ChatDapr.LocalDapr.Tests.State;

public sealed class RedisStateConformanceTests(RedisFixture redis) : StateConformanceTests, IClassFixture<RedisFixture>
{
    protected override async Task<string> ComponentYamlAsync() => Components.RedisState((await redis.GetAsync()).Address, Store);

    // Dapr's layout: a hash per key with exactly the fields data and version (the ETag).
    protected override async Task<(byte[] Data, string ETag)?> ReadRawAsync(StateTestHost test, string fullKey)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync((await redis.GetAsync()).Address);
        var fields = await connection.GetDatabase().HashGetAllAsync(fullKey);
        if (fields.Length == 0)
            return null;
        fields.Select(f => f.Name.ToString()).ShouldBe(["data", "version"], ignoreOrder: true);
        var byName = fields.ToDictionary(f => f.Name.ToString(), f => f.Value);
        return ((byte[])byName["data"]!, byName["version"].ToString());
    }
}
