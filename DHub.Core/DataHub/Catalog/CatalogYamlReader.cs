using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// Reads one data file into its file-format class. Keys are snake_case; unknown keys and duplicate
/// keys are errors (a typo must not silently drop metadata). Every failure becomes a
/// <see cref="CatalogFileException"/> naming the file, with YamlDotNet's line and column.
/// </summary>
internal static class CatalogYamlReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static T Read<T>(string path)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new CatalogFileException(path, ["the file does not exist"]);
        }

        try
        {
            using var reader = new StreamReader(path);
            return Deserializer.Deserialize<T?>(reader) ?? throw new CatalogFileException(path, ["the file is empty"]);
        }
        catch (YamlException ex)
        {
            throw new CatalogFileException(path, [$"line {ex.Start.Line}, column {ex.Start.Column}: {Innermost(ex).Message}"], ex);
        }
    }

    /// <summary>A scalar as the files mean it: trimmed, with blank treated as absent.</summary>
    public static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // YamlDotNet wraps the useful message ("Property 'nmae' not found on type ...") in outer layers.
    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
