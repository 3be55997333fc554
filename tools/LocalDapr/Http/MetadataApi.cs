namespace ChatDapr.LocalDapr.Http;

// Placeholder: GET /v1.0/metadata is wired here.
public static class MetadataApi
{
    public static void MapMetadataApi(this IEndpointRouteBuilder app) { }
}
