namespace DHub.Tests.Infrastructure;

/// <summary>
/// Golden files under a folder of the test project (Core/DataHub/Golden unless told). Run with
/// DHUB_UPDATE_GOLDEN=1 to (re)write them in the source tree from the current output, then review
/// the diff and commit.
/// </summary>
public static class GoldenFile
{
    public const string UpdateVariable = "DHUB_UPDATE_GOLDEN";

    public static void AssertMatches(string name, string actual) => AssertMatches(Path.Combine("Core", "DataHub", "Golden"), name, actual);

    /// <param name="folder">The folder of the golden file, relative to the test project.</param>
    public static void AssertMatches(string folder, string name, string actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var source = SourceDirectory(folder);
            File.WriteAllText(Path.Combine(source, name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, folder, name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing: run the test with {UpdateVariable}=1 to create it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail(
                $"{name} differs from the golden file at line {first + 1}:\n" +
                $"  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end of file>")}\n" +
                $"  actual:   {(first < actualLines.Length ? actualLines[first] : "<end of file>")}\n" +
                $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }

    private static string SourceDirectory(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "DHub.Tests", folder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"DHub.Tests/{folder} not found above the test output folder.");
    }
}
