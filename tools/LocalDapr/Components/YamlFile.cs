using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatDapr.LocalDapr.Components;

/// <summary>Loads a YAML file; any syntax error becomes a <see cref="ResourceLoadException"/> naming file and line.</summary>
public static class YamlFile
{
    public static YamlStream Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ResourceLoadException(new SourceLocation(file, (int)e.Start.Line), $"malformed YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unterminated flow collections,
            // e.g. "name: [oops" at the end of a file: report where parsing stopped.
            var line = (int)(parser.Current?.Start.Line ?? 1);
            throw new ResourceLoadException(new SourceLocation(file, line), "malformed YAML: unterminated [ ], { } or quote near here");
        }
        return stream;
    }
}
