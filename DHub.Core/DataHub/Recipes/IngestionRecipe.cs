namespace DHub.Core.DataHub.Recipes;

/// <summary>One generated recipe: the suggested file name and its YAML text.</summary>
public sealed record IngestionRecipe(string FileName, string PipelineName, string Yaml);
