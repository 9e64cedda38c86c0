namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// A data file under databases/datahub is missing, is not valid YAML or does not describe valid
/// metadata. The message names the file and lists every problem found, so one edit-and-retry fixes them all.
/// </summary>
public sealed class CatalogFileException : Exception
{
    public CatalogFileException(string file, IReadOnlyList<string> problems, Exception? inner = null)
        : base(Describe(file, problems), inner)
    {
        File = file;
        Problems = problems;
    }

    public string File { get; }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string file, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{file}: {problems[0]}"
            : $"{file}: {problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
