namespace DHub.Cli.Connection;

/// <summary>
/// Reads a <c>.env</c> file by the common dotenv rules, as far as the handful of variables dhub
/// uses need them: <c>KEY=VALUE</c> lines, <c>#</c> comments, an optional <c>export</c>
/// prefix and optional single or double quotes. Written here rather than taken from a package
/// because those rules fit in a screen of code, while a dependency would bring interpolation and
/// multi-line values that a connection setting never needs.
/// </summary>
public static class DotEnvFile
{
    public const string FileName = ".env";

    /// <summary>The variables of the file in <paramref name="directory"/>; empty when there is none.</summary>
    public static IReadOnlyDictionary<string, string> Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>();
    }

    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Not an assignment: dotenv files skip such lines rather than fail on them.
                continue;
            }

            variables[line[..equals].Trim()] = ParseValue(line[(equals + 1)..].Trim());
        }

        return variables;
    }

    private static string ParseValue(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\''))
        {
            var closing = value.IndexOf(value[0], 1);
            if (closing > 0)
            {
                return value[1..closing];
            }
        }

        // Unquoted: " #" starts a trailing comment, but a '#' inside a value (a password) is kept.
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? value[..comment].TrimEnd() : value;
    }
}
