namespace DHub.Core.DataHub.Catalog;

/// <summary>One permitted value of a structured property, with what it means.</summary>
public sealed record AllowedValue(string Value, string? Description);
