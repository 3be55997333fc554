namespace ChatDapr.LocalDapr.State;

/// <summary>
/// Lua run atomically inside Redis. Keys are hashes with fields <c>data</c> and <c>version</c> (Dapr's own layout,
/// so daprd can read what we write); the version is the ETag and goes up by one on every write.
/// </summary>
internal static class RedisScripts
{
    public const string MismatchError = "ETAG_MISMATCH";

    /// <summary>Values per operation in ARGV: kind (u/d), check (0 none, 1 etag, 2 must be absent), etag, data, ttl seconds.</summary>
    public const int ArgsPerOperation = 5;

    /// <summary>
    /// Applies all operations (KEYS[i] with its ARGV group) or none. The first pass checks every ETag against the
    /// version each key will have at that point of the transaction; only when all pass does the second pass write.
    /// </summary>
    public const string Transaction = """
        local versions = {}
        local n = #KEYS
        for i = 1, n do
          local key = KEYS[i]
          local b = (i - 1) * 5
          local v = versions[key]
          if v == nil then v = redis.call("HGET", key, "version") end
          if ARGV[b + 2] == "1" and v ~= ARGV[b + 3] then return redis.error_reply("ETAG_MISMATCH " .. key) end
          if ARGV[b + 2] == "2" and v then return redis.error_reply("ETAG_MISMATCH " .. key) end
          if ARGV[b + 1] == "u" then versions[key] = tostring((tonumber(v) or 0) + 1) else versions[key] = false end
        end
        for i = 1, n do
          local key = KEYS[i]
          local b = (i - 1) * 5
          if ARGV[b + 1] == "u" then
            redis.call("HSET", key, "data", ARGV[b + 4])
            redis.call("HINCRBY", key, "version", 1)
            local ttl = tonumber(ARGV[b + 5])
            if ttl > 0 then redis.call("EXPIRE", key, ttl) else redis.call("PERSIST", key) end
          else
            redis.call("DEL", key)
          end
        end
        return n
        """;
}
