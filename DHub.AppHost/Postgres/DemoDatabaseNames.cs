namespace DHub.AppHost.Postgres;

/// <summary>
/// Aspire resource names allow only letters, digits and hyphens, while the databases (and the
/// connection string names services read) use underscores: resource <c>employees-db</c> is
/// database <c>employees_db</c>, and services receive <c>ConnectionStrings__employees_db</c>.
/// </summary>
public static class DemoDatabaseNames
{
    public static string ResourceName(string databaseName) => databaseName.Replace('_', '-');
}
