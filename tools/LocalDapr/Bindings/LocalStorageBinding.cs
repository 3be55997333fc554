using System.Text;
using System.Text.Json;
using ChatDapr.LocalDapr.Components;

namespace ChatDapr.LocalDapr.Bindings;

/// <summary>
/// bindings.localstorage: files under <c>rootPath</c>, addressed by request metadata <c>fileName</c>.
/// Data handling follows daprd so apps behave the same on both: a JSON string body is unquoted, and a body that
/// is valid base64 is decoded before it is written.
/// </summary>
public sealed class LocalStorageBinding : IOutputBinding
{
    public const string FileNameKey = "fileName";
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly string _root;

    public LocalStorageBinding(ComponentDefinition definition)
    {
        Name = definition.Name;
        _root = Path.GetFullPath(definition.Metadata.Require("rootPath"));
        Directory.CreateDirectory(_root);
    }

    public string Name { get; }
    public IReadOnlyList<string> Operations { get; } = ["create", "get", "delete", "list"];

    public Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken ct)
    {
        var fileName = request.Metadata.GetValueOrDefault(FileNameKey);
        return request.Operation switch
        {
            "create" => CreateAsync(string.IsNullOrEmpty(fileName) ? Guid.NewGuid().ToString() : fileName, request.Data, ct),
            "get" => GetAsync(fileName, ct),
            "delete" => Task.FromResult(Delete(fileName)),
            "list" => Task.FromResult(List(fileName)),
            _ => throw new ArgumentException($"unsupported operation {request.Operation}; bindings.localstorage supports {string.Join(", ", Operations)}"),
        };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<BindingResponse> CreateAsync(string fileName, byte[] data, CancellationToken ct)
    {
        var path = Resolve(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Decode(data), ct);
        var relative = Path.GetRelativePath(_root, path);
        return new BindingResponse(JsonSerializer.SerializeToUtf8Bytes(new { fileName = relative }),
            new Dictionary<string, string> { [FileNameKey] = relative });
    }

    private async Task<BindingResponse> GetAsync(string? fileName, CancellationToken ct) =>
        new(await File.ReadAllBytesAsync(Existing(fileName), ct), NoMetadata);

    private BindingResponse Delete(string? fileName)
    {
        File.Delete(Existing(fileName));
        return new BindingResponse([], NoMetadata);
    }

    /// <summary>Absolute paths of every file below the root (or below <paramref name="fileName"/>), as daprd lists them.</summary>
    private BindingResponse List(string? fileName)
    {
        var dir = string.IsNullOrEmpty(fileName) ? _root : Resolve(fileName);
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"unable to list files: {fileName} is not a directory");
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return new BindingResponse(JsonSerializer.SerializeToUtf8Bytes(files), NoMetadata);
    }

    private string Existing(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
            throw new ArgumentException($"metadata '{FileNameKey}' is required");
        var path = Resolve(fileName);
        return File.Exists(path) ? path : throw new FileNotFoundException($"file not found: {fileName}");
    }

    /// <summary>The file's absolute path; names that would leave the root (absolute, <c>..</c>) are refused.</summary>
    private string Resolve(string fileName)
    {
        var segments = fileName.Split('/', '\\');
        if (Path.IsPathRooted(fileName) || segments.Contains(".."))
            throw new ArgumentException($"fileName '{fileName}' must be a relative path inside the binding's rootPath");
        var full = Path.GetFullPath(Path.Combine(_root, fileName));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"fileName '{fileName}' must be a relative path inside the binding's rootPath");
    }

    private static byte[] Decode(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        if (text.StartsWith('"'))
        {
            try { text = JsonSerializer.Deserialize<string>(text) ?? text; data = Encoding.UTF8.GetBytes(text); }
            catch (JsonException) { }
        }
        // Go's base64 decoder (what daprd uses) rejects whitespace; Convert is lenient, so check first.
        var buffer = new byte[text.Length];
        return !text.Any(char.IsWhiteSpace) && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : data;
    }
}
