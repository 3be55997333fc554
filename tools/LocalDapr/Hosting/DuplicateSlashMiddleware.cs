namespace ChatDapr.LocalDapr.Hosting;

/// <summary>
/// The actor SDK joins an endpoint that ends in '/' with paths that start with '/', so requests arrive as
/// <c>//v1.0/actors/...</c>; routing does not match that, so collapse the slashes before routing.
/// </summary>
public sealed class DuplicateSlashMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
        {
            var chars = new System.Text.StringBuilder(path.Length);
            foreach (var c in path)
                if (c != '/' || chars.Length == 0 || chars[^1] != '/')
                    chars.Append(c);
            context.Request.Path = chars.ToString();
        }
        return next(context);
    }
}
