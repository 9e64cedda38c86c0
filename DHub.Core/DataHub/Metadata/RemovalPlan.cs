namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// What <c>clear</c> does: soft-delete (status removed) every entity DHub created that has a status
/// aspect, and hard-delete the domains, which have none.
/// </summary>
/// <param name="SoftDeletes">status {removed: true} MCPs: datasets, containers, structured properties, tags, glossary terms and nodes.</param>
/// <param name="DomainUrns">Domains to delete, children before parents.</param>
public sealed record RemovalPlan(IReadOnlyList<MetadataChangeProposal> SoftDeletes, IReadOnlyList<string> DomainUrns);
