using ChatDapr.LocalDapr.Grpc;

namespace ChatDapr.LocalDapr.Http;

/// <summary><c>GET /v1.0/metadata</c> (the same content as gRPC GetMetadata) and <c>PUT /v1.0/metadata/{key}</c>.</summary>
public static class MetadataApi
{
    public static void MapMetadataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1.0/metadata", (SidecarMetadata metadata) =>
        {
            var s = metadata.Snapshot();
            return Results.Json(new
            {
                id = s.Id,
                runtimeVersion = s.RuntimeVersion,
                enabledFeatures = Array.Empty<string>(),
                actors = s.Actors.Select(a => new { type = a.Type, count = a.Count }),
                components = s.Components.Select(c => new { name = c.Name, type = c.Type, version = c.Version, capabilities = c.Capabilities }),
                extended = s.Extended,
            });
        });
        app.MapPut("/v1.0/metadata/{key}", async (string key, HttpRequest request, SidecarMetadata metadata) =>
        {
            // daprd takes the raw body as the value.
            using var reader = new StreamReader(request.Body);
            var value = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            return await HttpErrors.Run("ERR_METADATA_SET", () =>
            {
                metadata.SetExtended(key, value);
                return Task.FromResult(Results.NoContent());
            });
        });
    }
}
