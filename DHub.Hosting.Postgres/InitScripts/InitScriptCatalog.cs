namespace DHub.Hosting.Postgres.InitScripts;

/// <summary>Loads the ordered <c>*.sql</c> init scripts from <c>databases/postgresql/init-scripts</c>.</summary>
public static class InitScriptCatalog
{
    public const string RelativeDirectory = "databases/postgresql/init-scripts";

    public static IReadOnlyList<InitScript> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Init script directory '{directory}' does not exist.");
        }

        return Directory.GetFiles(directory, "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(path => InitScript.Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
    }

    /// <summary>The databases <paramref name="scripts"/> create, in the order they run.</summary>
    public static IReadOnlyList<string> CreatedDatabases(IEnumerable<InitScript> scripts) =>
        [.. scripts.Select(script => script.CreatedDatabase).OfType<string>()];

    /// <summary>Walks up from <paramref name="start"/> to find the repository's init-script folder.</summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeDirectory);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
