namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The metadata DHub was about to publish is inconsistent: a data file names a column the live
/// database does not have, a proposal would be rejected by GMS... Nothing has been sent.
/// </summary>
public sealed class MetadataValidationException(IReadOnlyList<string> problems)
    : Exception($"The DataHub metadata is not valid ({problems.Count} problem(s)):{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
