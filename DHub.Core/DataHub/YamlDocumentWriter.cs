using YamlDotNet.Serialization;

namespace DHub.Core.DataHub;

/// <summary>
/// Writes nested maps (<see cref="OrderedDictionary{TKey, TValue}"/>, written in insertion order so
/// recipes and descriptors read top-down as designed) and lists as block YAML. Strings that YAML
/// would read back as something else ("true", "5432", "null") are quoted.
/// </summary>
internal static class YamlDocumentWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    public static string Write(object document) => Serializer.Serialize(document).ReplaceLineEndings("\n");
}
