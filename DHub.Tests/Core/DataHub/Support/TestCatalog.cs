using DHub.Core.DataHub.Catalog;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>The repository's real data files under databases/datahub, found from the test output folder.</summary>
public static class TestCatalog
{
    public static string Directory { get; } = DataHubCatalog.FindDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {DataHubCatalog.RelativeDirectory} above {AppContext.BaseDirectory}.");

    private static readonly Lazy<DataHubCatalog> Loaded = new(() => DataHubCatalog.Load(Directory));

    public static DataHubCatalog Load() => Loaded.Value;

    /// <summary>A temporary copy of the data files, to break one on purpose.</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), "dhub-datahub-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.yaml"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
