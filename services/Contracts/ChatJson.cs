using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatDapr.Contracts;

/// <summary>The JSON shape of every contract type: camelCase names, absent optional fields omitted.</summary>
/// <remarks>
/// The wire DTOs (<c>ChatDapr.Contracts.Wire</c>) also carry <c>[DataMember(Name = "…")]</c> with the same camelCase
/// names, because the MessagePack hub protocol ignores System.Text.Json naming and honours data contracts instead.
/// </remarks>
public static class ChatJson
{
    /// <summary>Read-only options for System.Text.Json (web defaults: camelCase, case-insensitive reads).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the contract settings to options owned by a framework (SignalR, actors, Dapr client).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
