using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Hosting.Postgres;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Tests.AppHost;

/// <summary>
/// Container and External modes, proven on the resource graph without starting anything
/// (this machine has no container engine; a user's laptop usually has one).
/// </summary>
[Integration]
public sealed class AppModelTests
{
    [Fact]
    public async Task Container_mode_runs_the_postgres_image_with_the_init_scripts()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Container", "DHub:Postgres:Port=15432", "DHub:Postgres:Persistent=true");
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var server = Assert.Single(model.Resources.OfType<PostgresServerResource>());
        Assert.Equal("postgres", server.Name);
        Assert.True(server.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.EndsWith("postgres", image.Image, StringComparison.Ordinal);
        Assert.Equal(DemoPostgresBuilderExtensions.PasswordParameterName, server.PasswordParameter.Name);
        Assert.True(server.PasswordParameter.Secret);
        Assert.Equal(15432, server.Annotations.OfType<EndpointAnnotation>().Single().Port);

        var mount = Assert.Single(server.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Equal("dhub-postgres-data", mount.Source);
        Assert.StartsWith("/var/lib/postgresql", mount.Target, StringComparison.Ordinal);

        var initFiles = Assert.Single(server.Annotations.OfType<ContainerFileSystemCallbackAnnotation>(),
            a => a.DestinationPath == "/docker-entrypoint-initdb.d");
        var files = await initFiles.Callback(new() { Services = app.Services, Model = server }, TestContext.Current.CancellationToken);
        Assert.Equal(
            ["01_init_employees_db.sql", "02_init_customer_db.sql", "03_init_accounts_db.sql", "04_init_insurance_db.sql", "05_init_loans_db.sql", "06_init_compliance_db.sql", "07_reader_role.sql"],
            Flatten(files).Order(StringComparer.Ordinal));

        var args = (await ResourceConfiguration.EvaluateAsync(server)).Arguments.Select(a => a.Value?.ToString()).ToList();
        Assert.Contains("max_prepared_transactions=16", args);

        var databases = model.Resources.OfType<PostgresDatabaseResource>().ToList();
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.DatabaseName));
        Assert.All(databases, d => Assert.Same(server, d.Parent));

        await AssertServicesAreWiredAsync(model, databases);
    }

    [Fact]
    public async Task Container_mode_without_persistence_has_no_volume_and_a_random_port()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Container");
        var server = Assert.Single(app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<PostgresServerResource>());

        Assert.Empty(server.Annotations.OfType<ContainerMountAnnotation>());
        Assert.Null(server.Annotations.OfType<EndpointAnnotation>().Single().Port);
    }

    [Fact]
    public async Task External_mode_derives_the_six_databases_from_one_connection_string()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=External", "ConnectionStrings:postgres=Host=db.example.com;Port=6543;Username=dhub;Password=unused");
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        Assert.Empty(model.Resources.OfType<PostgresServerResource>());
        Assert.Empty(model.Resources.OfType<ContainerResource>());
        Assert.Empty(model.Resources.OfType<LocalPostgresResource>());

        var databases = model.Resources.OfType<DemoDatabaseResource>().ToList();
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.DatabaseName));
        var server = Assert.Single(databases.Select(d => d.Parent).Distinct());
        Assert.Equal("postgres", server.Name);

        // The server's value is only read when the app runs; the model must splice it with each database name.
        Assert.Equal("{postgres.connectionString};Database=employees_db", databases[0].ConnectionStringExpression.ValueExpression);

        await AssertServicesAreWiredAsync(model, databases);
    }

    [Fact]
    public async Task Local_mode_declares_an_executable_server_on_loopback()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Local", "DHub:Postgres:Port=25432");
        var server = Assert.Single(app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalPostgresResource>());

        Assert.Equal(25432, server.Cluster.Port);
        var args = (await ResourceConfiguration.EvaluateAsync(server)).Arguments.Select(a => a.Value?.ToString()).ToList();
        Assert.Contains("listen_addresses=127.0.0.1", args);
        Assert.Contains("25432", args);
        // Wrapped so DCP's SIGTERM becomes a fast shutdown; as root, setpriv (not runuser) makes the server that user.
        Assert.Equal("bash", server.Command);
        Assert.Contains(server.Cluster.Binaries.Postgres, args);
        Assert.Equal(OsCommand.IsRoot, args.Contains("setpriv"));
        Assert.True(server.Cluster.IsEphemeral);
    }

    [Fact]
    public async Task Seed_settings_flow_from_the_apphost_to_the_seeder()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0.5", "DHub:Seed:Seed=9");
        var seeder = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().Single(r => r.Name == "seeder");

        var environment = (await ResourceConfiguration.EvaluateAsync(seeder)).EnvironmentVariables.ToDictionary(kv => kv.Key, kv => kv.Value);

        Assert.Equal("0.5", environment["DHub__Seed__Scale"]);
        Assert.Equal("9", environment["DHub__Seed__Seed"]);
    }

    [Fact]
    public async Task A_configured_gms_adds_a_datahub_sync_that_runs_after_the_seeder()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Local", "DHub:DataHub:GmsUrl=http://gms.example:8080", "Parameters:datahub-token=t0ken");
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var sync = model.Resources.OfType<ProjectResource>().Single(r => r.Name == DHub.AppHost.DataHubSyncExtensions.ResourceName);
        var seeder = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "seeder");
        var api = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");

        Assert.Contains(sync.Annotations.OfType<WaitAnnotation>(), w => w.Resource == seeder && w.WaitType == WaitType.WaitForCompletion);
        Assert.Contains(sync.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == DHub.AppHost.DataHubSyncExtensions.SyncCommand);
        var configuration = await ResourceConfiguration.EvaluateAsync(sync);
        Assert.Equal(["datahub", "emit", "--gms", "http://gms.example:8080"], configuration.Arguments.Select(a => a.Value?.ToString()));
        Assert.Contains(configuration.EnvironmentVariables, kv => kv.Key == "DATAHUB_TOKEN");
        Assert.Contains(configuration.EnvironmentVariables, kv => kv.Key == "DHUB_CONNECTION");
        Assert.Contains((await ResourceConfiguration.EvaluateAsync(api)).EnvironmentVariables, kv => kv.Key == "DHub__DataHub__GmsUrl" && kv.Value == "http://gms.example:8080");
    }

    [Fact]
    public async Task Without_a_gms_there_is_no_datahub_sync()
    {
        await using var app = await BuildAsync("DHub:Postgres:Mode=Local");

        Assert.DoesNotContain(app.Services.GetRequiredService<DistributedApplicationModel>().Resources, r => r.Name == DHub.AppHost.DataHubSyncExtensions.ResourceName);
    }

    [Fact]
    public async Task An_unknown_mode_is_rejected_with_a_clear_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BuildAsync("DHub:Postgres:Mode=Kubernetes"));

        Assert.Contains("expected one of Auto, Container, Local, External", Unwrap(error).Message, StringComparison.Ordinal);
    }

    private static async Task AssertServicesAreWiredAsync(DistributedApplicationModel model, IEnumerable<IResource> databases)
    {
        var seeder = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "seeder");
        var api = model.Resources.OfType<ProjectResource>().Single(r => r.Name == "api");

        foreach (var service in new[] { seeder, api })
        {
            var waits = service.Annotations.OfType<WaitAnnotation>().ToList();
            Assert.All(databases, database => Assert.Contains(waits, w => w.Resource == database && w.WaitType == WaitType.WaitUntilHealthy));

            var environment = (await ResourceConfiguration.EvaluateAsync(service)).EnvironmentVariables;
            Assert.All(DemoDatabases.All, name => Assert.True(environment.Any(kv => kv.Key == $"ConnectionStrings__{name}"), $"{service.Name} lacks ConnectionStrings__{name}"));
        }

        Assert.Contains(api.Annotations.OfType<WaitAnnotation>(), w => w.Resource == seeder && w.WaitType == WaitType.WaitForCompletion);
    }

    private static IEnumerable<string> Flatten(IEnumerable<ContainerFileSystemItem> items) =>
        items.SelectMany(item => item is ContainerDirectory directory ? Flatten(directory.Entries) : [item.Name]);

    private static Exception Unwrap(Exception error) => error.InnerException is { } inner && error is AggregateException or System.Reflection.TargetInvocationException ? Unwrap(inner) : error;

    private static async Task<DistributedApplication> BuildAsync(params string[] settings) =>
        await (await AppHostFactory.CreateAsync(settings)).BuildAsync(TestContext.Current.CancellationToken);
}
