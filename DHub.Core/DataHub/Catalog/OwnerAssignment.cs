namespace DHub.Core.DataHub.Catalog;

/// <summary>One owner of an asset: a corpGroup or corpuser URN and the kind of ownership.</summary>
/// <param name="Type">TECHNICAL_OWNER, BUSINESS_OWNER, DATA_STEWARD or NONE.</param>
public sealed record OwnerAssignment(string OwnerUrn, string Type);
