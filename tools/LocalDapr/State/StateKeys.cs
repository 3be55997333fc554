namespace ChatDapr.LocalDapr.State;

/// <summary>
/// Dapr's key layout, so the same data is readable by real daprd on the same store:
/// <c>{prefix}||{key}</c> for state, <c>{appId}||{actorType}||{actorId}||{key}</c> for actor state.
/// </summary>
public static class StateKeys
{
    public const string Separator = "||";

    public static string ForApp(IStateStore store, string appId, string ns, string key) =>
        store.KeyPrefix.ToLowerInvariant() switch
        {
            "" or "appid" => $"{appId}{Separator}{key}",
            "name" => $"{store.Name}{Separator}{key}",
            "namespace" => $"{ns}.{appId}{Separator}{key}",
            "none" => key,
            _ => $"{store.KeyPrefix}{Separator}{key}",
        };

    public static string StripForApp(IStateStore store, string appId, string ns, string fullKey)
    {
        var prefix = ForApp(store, appId, ns, "");
        return fullKey.StartsWith(prefix, StringComparison.Ordinal) ? fullKey[prefix.Length..] : fullKey;
    }

    public static string ForActor(string appId, string actorType, string actorId, string key) =>
        $"{appId}{Separator}{actorType}{Separator}{actorId}{Separator}{key}";
}
