using DHub.Hosting.Postgres;
using DHub.Hosting.Postgres.InitScripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DHub.AppHost.Postgres;

/// <summary>Adds PostgreSQL in the configured mode, with the six demo databases as resources.</summary>
public static class DemoPostgresBuilderExtensions
{
    public const string ServerName = "postgres";
    public const string PasswordParameterName = "postgres-password";

    public static DemoPostgres AddDemoPostgres(this IDistributedApplicationBuilder builder, PostgresModeResolver? resolver = null)
    {
        var configuration = builder.Configuration;
        resolver ??= new PostgresModeResolver(new CliContainerRuntimeProbe(), () => PostgresBinaries.Find());
        var mode = resolver.Resolve(PostgresModeResolver.Parse(configuration["DHub:Postgres:Mode"]));
        var port = configuration.GetValue<int?>("DHub:Postgres:Port");
        var scripts = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", InitScriptCatalog.RelativeDirectory));
        // The databases are the ones the init scripts create, so the AppHost needs no list of its own.
        var databaseNames = InitScriptCatalog.CreatedDatabases(InitScriptCatalog.Load(scripts));

        return mode switch
        {
            PostgresMode.Container => builder.AddContainerPostgres(port, scripts, databaseNames, configuration.GetValue<bool>("DHub:Postgres:Persistent")),
            PostgresMode.Local => builder.AddLocalPostgres(port, scripts, databaseNames, configuration["DHub:Postgres:DataDir"]),
            PostgresMode.External => builder.AddExternalPostgres(scripts, databaseNames),
            _ => throw new PostgresUnavailableException($"Unsupported PostgreSQL mode '{mode}'."),
        };
    }

    /// <summary>Gives <paramref name="service"/> a connection string per database and makes it wait for all six.</summary>
    public static IResourceBuilder<T> WithDemoDatabases<T>(this IResourceBuilder<T> service, DemoPostgres postgres)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        foreach (var database in postgres.Databases)
        {
            service.WithReference(database.Resource, connectionName: database.DatabaseName).WaitFor(database.Resource);
        }

        return service;
    }

    private static IResourceBuilder<ParameterResource> AddPasswordParameter(IDistributedApplicationBuilder builder) =>
        // Generated once and persisted to the AppHost's user secrets, so a kept data directory keeps working.
        // No special characters: the value is spliced into connection strings.
        builder.AddParameter(PasswordParameterName, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);

    private static DemoPostgres AddContainerPostgres(
        this IDistributedApplicationBuilder builder, int? port, string scripts, IReadOnlyList<string> databaseNames, bool persistent)
    {
        var server = builder.AddPostgres(ServerName, password: AddPasswordParameter(builder), port: port)
            .WithInitFiles(scripts)
            // The entrypoint prefixes "postgres" to arguments that start with a dash.
            .WithArgs("-c", "max_prepared_transactions=16");
        if (persistent)
        {
            server.WithDataVolume("dhub-postgres-data");
        }

        // Aspire's CREATE DATABASE on ready finds the databases the init scripts made (42P04) and moves on.
        var databases = databaseNames
            .Select(name => new DemoPostgresDatabase(name, server.AddDatabase(DemoDatabaseNames.ResourceName(name), name)))
            .ToList();
        return new DemoPostgres(PostgresMode.Container, server, databases);
    }

    private static DemoPostgres AddLocalPostgres(
        this IDistributedApplicationBuilder builder, int? port, string scripts, IReadOnlyList<string> databaseNames, string? dataDirectory)
    {
        var binaries = PostgresBinaries.Find() ?? throw new PostgresUnavailableException(
            "DHub:Postgres:Mode is Local, but no PostgreSQL server binaries (postgres, initdb, pg_ctl) were found on PATH " +
            "or under /usr/lib/postgresql/*/bin. Install the PostgreSQL 15+ server (Debian/Ubuntu: 'sudo apt-get install postgresql').");
        var cluster = new LocalPostgresCluster(binaries, dataDirectory, port);
        var password = AddPasswordParameter(builder);
        var resource = new LocalPostgresResource(ServerName, cluster, password.Resource);

        var healthCheckKey = $"{ServerName}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new PostgresConnectHealthCheck(resource), null, null));

        var server = builder.AddResource(resource)
            .WithArgs(cluster.Arguments)
            .WithEndpoint(port: cluster.Port, targetPort: cluster.Port, scheme: "tcp", name: LocalPostgresResource.PrimaryEndpointName, isProxied: false)
            .WithHealthCheck(healthCheckKey);

        var stopRegistered = false;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (e, ct) =>
        {
            if (!stopRegistered)
            {
                // After DCP has stopped the resources (its SIGTERM is a fast shutdown, see PostgresCluster): make sure the
                // server is gone, so nothing outlives the AppHost, and remove an ephemeral cluster. Not on ApplicationStopping:
                // blocking there holds up the AppHost's own shutdown while the dashboard still runs, and the dashboard's
                // reconnects to the closing resource service end in gRPC stack traces (ENHANCE_YOUR_CALM) on the console.
                e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(cluster.Stop);
                stopRegistered = true;
            }

            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            await cluster.WaitForPreviousServerToExitAsync(TimeSpan.FromSeconds(30), ct);
            var created = await cluster.EnsureInitializedAsync((await password.Resource.GetValueAsync(ct))!, ct);
            logger.LogInformation(created ? "Created a new cluster in {DataDirectory}" : "Reusing the cluster in {DataDirectory}", cluster.DataDirectory);
        });

        var databases = AddDemoDatabaseResources(builder, resource, databaseNames);
        builder.Eventing.Subscribe<ResourceReadyEvent>(resource, (e, ct) =>
            DemoDatabaseInitializer.InitializeAsync(resource, databases.Select(d => d.Resource).ToList(), scripts, e.Services, ct));

        return new DemoPostgres(PostgresMode.Local, server, AsDemoDatabases(databases));
    }

    private static DemoPostgres AddExternalPostgres(this IDistributedApplicationBuilder builder, string scripts, IReadOnlyList<string> databaseNames)
    {
        var server = builder.AddConnectionString(ServerName);
        var databases = AddDemoDatabaseResources(builder, server.Resource, databaseNames);

        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            // In the background: the server may need a while, and the dashboard should come up meanwhile.
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(
                () => DemoDatabaseInitializer.InitializeAsync(server.Resource, [.. databases.Select(d => d.Resource)], scripts, e.Services, stopping),
                stopping);
            return Task.CompletedTask;
        });

        return new DemoPostgres(PostgresMode.External, server, AsDemoDatabases(databases));
    }

    private static List<DemoPostgresDatabase> AsDemoDatabases(List<IResourceBuilder<DemoDatabaseResource>> databases) =>
        [.. databases.Select(d => new DemoPostgresDatabase(d.Resource.DatabaseName, d))];

    private static List<IResourceBuilder<DemoDatabaseResource>> AddDemoDatabaseResources(
        IDistributedApplicationBuilder builder, IResourceWithConnectionString server, IReadOnlyList<string> databaseNames) =>
        databaseNames.Select(name =>
        {
            var database = new DemoDatabaseResource(name, server);
            var healthCheckKey = $"{database.Name}_check";
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new PostgresConnectHealthCheck(database), null, null));
            return builder.AddResource(database)
                .WithInitialState(new CustomResourceSnapshot
                {
                    ResourceType = "PostgresDatabase",
                    State = KnownResourceStates.Starting,
                    Properties = [],
                })
                .WithHealthCheck(healthCheckKey);
        }).ToList();
}
