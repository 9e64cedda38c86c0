using DHub.Core.Databases;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DHub.Tests.Core.Databases;

/// <summary>
/// The one connection source, without a server: which connection string each database gets from the
/// two ways of configuring it, as another role, and with the API's pool cap. Creating a data source
/// opens no connection.
/// </summary>
public sealed class DatabaseConnectionsTests
{
    private const string Server = "Host=db.example;Port=6543;Username=owner;Password=secret";

    [Fact]
    public async Task From_one_server_connection_string_every_database_swaps_only_the_database()
    {
        await using var connections = DatabaseConnections.FromServer(Server);

        Assert.Equal(DemoDatabases.All.Order(StringComparer.Ordinal), connections.Names.Order(StringComparer.Ordinal));
        Assert.Equal("postgres", connections.MaintenanceDatabase);
        Assert.Equal("db.example:6543", connections.ServerDescription);
        foreach (var database in DemoDatabases.All.Append("a_users_db"))
        {
            var builder = Parse(connections.ForServerDatabase(database));
            Assert.Equal((database, "db.example", 6543, "owner"), (builder.Database, builder.Host, builder.Port, builder.Username));
        }

        Assert.Same(connections.For(DemoDatabases.Loans), connections.ForServerDatabase(DemoDatabases.Loans));
        Assert.Same(connections.ForServerDatabase("a_users_db"), connections.ForServerDatabase("a_users_db"));
        Assert.Equal("a_users_db", Assert.Throws<UnknownDatabaseException>(() => connections.For("a_users_db")).Database);
    }

    [Fact]
    public async Task A_server_connection_string_that_names_a_database_makes_it_the_maintenance_database()
    {
        await using var connections = DatabaseConnections.FromServer(Server + ";Database=employees_db");

        Assert.Equal(DemoDatabases.Employees, connections.MaintenanceDatabase);
        Assert.Equal(DemoDatabases.Customer, Parse(connections.For(DemoDatabases.Customer)).Database);
    }

    [Fact]
    public async Task Six_aspire_connection_strings_reach_other_databases_with_the_credentials_of_the_first()
    {
        var settings = DemoDatabases.All.ToDictionary(
            name => $"ConnectionStrings:{name}",
            name => (string?)$"Host=h-{name};Port=5432;Username=u-{name};Password=p;Database={name}");
        await using var connections = DatabaseConnections.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), maxPoolSize: 6);

        Assert.All(DemoDatabases.All, name => Assert.Equal((name, $"h-{name}", 6), (Parse(connections.For(name)).Database, Parse(connections.For(name)).Host, Parse(connections.For(name)).MaxPoolSize)));
        var maintenance = Parse(connections.ForServerDatabase(connections.MaintenanceDatabase));
        Assert.Equal(("postgres", $"h-{DemoDatabases.Employees}", $"u-{DemoDatabases.Employees}", 6), (maintenance.Database, maintenance.Host, maintenance.Username, maintenance.MaxPoolSize));
    }

    [Fact]
    public async Task Another_role_keeps_the_databases_and_the_pool_cap_and_changes_only_the_credentials()
    {
        await using var owner = DatabaseConnections.FromServer(Server, maxPoolSize: 4);
        await using var reader = owner.As(ReaderRole.Name, "pw");

        foreach (var source in DemoDatabases.All.Select(reader.For).Append(reader.ForServerDatabase("postgres")))
        {
            var builder = Parse(source);
            Assert.Equal((ReaderRole.Name, "db.example", 4), (builder.Username, builder.Host, builder.MaxPoolSize));
        }

        Assert.Equal(4, Parse(owner.For(DemoDatabases.Accounts)).MaxPoolSize);
        Assert.Equal("owner", Parse(owner.For(DemoDatabases.Accounts)).Username);
    }

    private static NpgsqlConnectionStringBuilder Parse(NpgsqlDataSource source) => new(source.ConnectionString);
}
