namespace DHub.Core.Databases;

public sealed class UnknownDatabaseException(string database)
    : Exception($"Unknown database '{database}'. Expected one of: {string.Join(", ", DemoDatabases.All)}.")
{
    public string Database { get; } = database;
}
