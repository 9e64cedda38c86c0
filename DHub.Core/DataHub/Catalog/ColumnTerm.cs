using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>A glossary term attached to a column (column-terms.yaml).</summary>
public sealed record ColumnTerm(QualifiedColumn Column, string TermId);
