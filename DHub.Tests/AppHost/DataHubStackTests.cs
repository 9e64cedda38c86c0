using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost;
using DHub.AppHost.DataHub;
using DHub.AppHost.Postgres;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DHub.Tests.AppHost;

/// <summary>
/// DataHub's quickstart as AppHost resources (<c>DHub:DataHub:Stack=Quickstart</c>), proven on the
/// resource graph against docs of the quickstart stack; nothing is started (no container engine here).
/// </summary>
[Integration]
public sealed class DataHubStackTests
{
    private const string Version = "v1.4.0.3";

    private static readonly string[] StackResources =
    [
        DataHubStorage.MySqlName, DataHubStorage.SearchName, DataHubStorage.KafkaName,
        DataHubSetupJobs.MySqlSetupName, DataHubSetupJobs.SearchSetupName, DataHubSetupJobs.KafkaSetupName, DataHubSetupJobs.SystemUpdateName,
        DataHubServices.GmsName, DataHubServices.FrontendName, DataHubServices.ActionsName,
    ];

    private sealed class FakeProbe(bool available) : IContainerRuntimeProbe
    {
        public bool IsAvailable() => available;
    }

    [Fact]
    public async Task Quickstart_adds_each_service_with_the_quickstart_image_and_tag()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        string[] expected =
        [
            "mysql:8.2", "opensearchproject/opensearch:2.11.0", "confluentinc/cp-kafka:8.0.0",
            $"acryldata/datahub-mysql-setup:{Version}", $"acryldata/datahub-elasticsearch-setup:{Version}", $"acryldata/datahub-kafka-setup:{Version}",
            $"acryldata/datahub-upgrade:{Version}", $"acryldata/datahub-gms:{Version}", $"acryldata/datahub-frontend-react:{Version}",
            $"acryldata/datahub-actions:{Version}-slim",
        ];
        Assert.Equal(expected, StackResources.Select(name => ImageOf(Container(model, name))));
    }

    [Fact]
    public async Task The_version_setting_pins_the_datahub_images_and_not_the_stores()
    {
        await using var app = await BuildAsync($"{DataHubStackSettings.VersionKey}=head");
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        Assert.Equal("acryldata/datahub-gms:head", ImageOf(Container(model, DataHubServices.GmsName)));
        Assert.Equal("acryldata/datahub-actions:head-slim", ImageOf(Container(model, DataHubServices.ActionsName)));
        Assert.Equal("mysql:8.2", ImageOf(Container(model, DataHubStorage.MySqlName)));
    }

    [Fact]
    public async Task Start_order_waits_for_healthy_stores_and_completed_setup_jobs()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        AssertWaits(model, DataHubSetupJobs.MySqlSetupName, (DataHubStorage.MySqlName, WaitType.WaitUntilHealthy));
        AssertWaits(model, DataHubSetupJobs.SearchSetupName, (DataHubStorage.SearchName, WaitType.WaitUntilHealthy));
        AssertWaits(model, DataHubSetupJobs.KafkaSetupName, (DataHubStorage.KafkaName, WaitType.WaitUntilHealthy));
        AssertWaits(
            model,
            DataHubSetupJobs.SystemUpdateName,
            (DataHubSetupJobs.MySqlSetupName, WaitType.WaitForCompletion),
            (DataHubSetupJobs.SearchSetupName, WaitType.WaitForCompletion),
            (DataHubSetupJobs.KafkaSetupName, WaitType.WaitForCompletion),
            (DataHubStorage.MySqlName, WaitType.WaitUntilHealthy),
            (DataHubStorage.SearchName, WaitType.WaitUntilHealthy),
            (DataHubStorage.KafkaName, WaitType.WaitUntilHealthy));
        AssertWaits(model, DataHubServices.GmsName, (DataHubSetupJobs.SystemUpdateName, WaitType.WaitForCompletion));
        AssertWaits(model, DataHubServices.FrontendName, (DataHubSetupJobs.SystemUpdateName, WaitType.WaitForCompletion));
        AssertWaits(model, DataHubServices.ActionsName, (DataHubServices.GmsName, WaitType.WaitUntilHealthy));
        AssertWaits(
            model,
            DataHubSyncExtensions.ResourceName,
            ("seeder", WaitType.WaitForCompletion),
            (DataHubServices.GmsName, WaitType.WaitUntilHealthy));
    }

    [Fact]
    public async Task Key_settings_follow_the_quickstart_with_the_stack_hostnames()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        var mysql = await EnvironmentOfAsync(Container(model, DataHubStorage.MySqlName));
        Assert.Equal("datahub", mysql["MYSQL_DATABASE"]);
        Assert.Equal("datahub", mysql["MYSQL_USER"]);
        Assert.Equal("%", mysql["MYSQL_ROOT_HOST"]);

        var search = await EnvironmentOfAsync(Container(model, DataHubStorage.SearchName));
        Assert.Equal("single-node", search["discovery.type"]);
        Assert.Equal("true", search["plugins.security.disabled"]);

        var kafka = await EnvironmentOfAsync(Container(model, DataHubStorage.KafkaName));
        Assert.Equal("controller, broker", kafka["KAFKA_PROCESS_ROLES"]);
        Assert.Equal($"BROKER://{DataHubStorage.KafkaName}:29092,EXTERNAL://localhost:9092", kafka["KAFKA_ADVERTISED_LISTENERS"]);
        Assert.Equal($"1@{DataHubStorage.KafkaName}:39092", kafka["KAFKA_CONTROLLER_QUORUM_VOTERS"]);

        var systemUpdate = Container(model, DataHubSetupJobs.SystemUpdateName);
        Assert.Equal(["-u", "SystemUpdate"], (await ResourceConfiguration.EvaluateAsync(systemUpdate)).Arguments.Select(a => a.Value?.ToString()));
        var upgrade = await EnvironmentOfAsync(systemUpdate);
        Assert.Equal($"{DataHubStorage.MySqlName}:3306", upgrade["EBEAN_DATASOURCE_HOST"]);
        Assert.Equal($"{DataHubStorage.KafkaName}:29092", upgrade["KAFKA_BOOTSTRAP_SERVER"]);
        Assert.Equal("true", upgrade["BACKFILL_BROWSE_PATHS_V2"]);

        var gms = await EnvironmentOfAsync(Container(model, DataHubServices.GmsName));
        Assert.Equal("true", gms["METADATA_SERVICE_AUTH_ENABLED"]);
        Assert.Equal(DataHubStorage.SearchName, gms["ELASTICSEARCH_HOST"]);
        Assert.Equal($"http://{DataHubServices.GmsName}:8080/schema-registry/api/", gms["KAFKA_SCHEMAREGISTRY_URL"]);
        Assert.Equal("-Xms1g -Xmx1g", gms["JAVA_OPTS"]);
        Assert.DoesNotContain("BACKFILL_BROWSE_PATHS_V2", gms.Keys);

        var frontend = await EnvironmentOfAsync(Container(model, DataHubServices.FrontendName));
        Assert.Equal(DataHubServices.GmsName, frontend["DATAHUB_GMS_HOST"]);
        Assert.Contains("-Dhttp.port=9002", (string)frontend["JAVA_OPTS"], StringComparison.Ordinal);

        var actions = await EnvironmentOfAsync(Container(model, DataHubServices.ActionsName));
        Assert.Equal("__datahub_system", actions["DATAHUB_SYSTEM_CLIENT_ID"]);
        Assert.Equal("http", actions["DATAHUB_GMS_PROTOCOL"]);
    }

    [Fact]
    public async Task Every_password_and_secret_is_a_generated_secret_parameter()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        string[] compoundLiterals = ["JohnSnowKnowsNothing", "YouKnowNothing"];

        var secretVariables = 0;
        foreach (var name in StackResources)
        {
            foreach (var (key, value) in await EnvironmentOfAsync(Container(model, name)))
            {
                var isSecret = key.EndsWith("PASSWORD", StringComparison.Ordinal) || key.EndsWith("SECRET", StringComparison.Ordinal);
                if (isSecret)
                {
                    var parameter = Assert.IsType<ParameterResource>(value);
                    Assert.True(parameter.Secret, $"{name}: {key} comes from {parameter.Name}, which is not secret");
                    secretVariables++;
                }
                else if (value is string text)
                {
                    Assert.DoesNotContain(compoundLiterals, literal => text.Contains(literal, StringComparison.Ordinal));
                }
            }
        }

        // mysql (2), mysql-setup, system-update (2), gms (2), frontend (2), actions.
        Assert.Equal(10, secretVariables);
        var frontendSecret = (ParameterResource)(await EnvironmentOfAsync(Container(model, DataHubServices.FrontendName)))["DATAHUB_SECRET"];
        Assert.Equal(DataHubStackSecrets.FrontendSecretName, frontendSecret.Name);
    }

    [Fact]
    public async Task Gms_and_the_frontend_listen_where_the_quickstart_does_and_are_health_checked()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var registrations = app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name).ToList();

        var gms = Container(model, DataHubServices.GmsName);
        var gmsEndpoint = Assert.Single(gms.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal((8080, 8080, "http"), (gmsEndpoint.Port, gmsEndpoint.TargetPort, gmsEndpoint.UriScheme));

        var frontend = Container(model, DataHubServices.FrontendName);
        var frontendEndpoint = Assert.Single(frontend.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal((9002, 9002), (frontendEndpoint.Port, frontendEndpoint.TargetPort));
        Assert.Contains(frontend.Annotations.OfType<ResourceUrlsCallbackAnnotation>(), _ => true);

        var kafkaEndpoint = Assert.Single(Container(model, DataHubStorage.KafkaName).Annotations.OfType<EndpointAnnotation>());
        Assert.Equal((9092, false), (kafkaEndpoint.Port, kafkaEndpoint.IsProxied));

        foreach (var name in new[] { DataHubStorage.MySqlName, DataHubStorage.SearchName, DataHubStorage.KafkaName, DataHubServices.GmsName, DataHubServices.FrontendName })
        {
            var check = Assert.Single(Container(model, name).Annotations.OfType<HealthCheckAnnotation>());
            Assert.Contains(check.Key, registrations);
        }

        Assert.Empty(Container(model, DataHubServices.ActionsName).Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task Datahub_sync_publishes_to_the_in_stack_gms()
    {
        await using var app = await BuildAsync();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var sync = model.Resources.OfType<ProjectResource>().Single(r => r.Name == DataHubSyncExtensions.ResourceName);

        var gmsArgument = Assert.IsType<EndpointReference>((await ArgumentsOfAsync(sync)).Last());
        Assert.Equal(DataHubServices.GmsName, gmsArgument.Resource.Name);
        Assert.Equal("http", gmsArgument.EndpointName);

        var environment = await EnvironmentOfAsync(sync);
        Assert.Equal(DataHubStackSecrets.SystemClientId, environment["DATAHUB_SYSTEM_CLIENT_ID"]);
        var secret = Assert.IsType<ParameterResource>(environment["DATAHUB_SYSTEM_CLIENT_SECRET"]);
        Assert.Equal(DataHubStackSecrets.SystemClientSecretName, secret.Name);
        Assert.True(secret.Secret);
    }

    [Fact]
    public async Task Volumes_only_when_persistent()
    {
        await using (var ephemeral = await BuildAsync())
        {
            var model = ephemeral.Services.GetRequiredService<DistributedApplicationModel>();
            Assert.All(StackResources.Where(n => n != DataHubServices.GmsName), name => Assert.Empty(Container(model, name).Annotations.OfType<ContainerMountAnnotation>()));
        }

        await using var persistent = await BuildAsync($"{DataHubStackSettings.PersistentKey}=true");
        var persistentModel = persistent.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.Equal("/var/lib/mysql", Assert.Single(Container(persistentModel, DataHubStorage.MySqlName).Annotations.OfType<ContainerMountAnnotation>()).Target);
        Assert.Equal("/var/lib/kafka/data", Assert.Single(Container(persistentModel, DataHubStorage.KafkaName).Annotations.OfType<ContainerMountAnnotation>()).Target);
        Assert.Single(Container(persistentModel, DataHubStorage.SearchName).Annotations.OfType<ContainerMountAnnotation>());
    }

    [Fact]
    public async Task Without_a_container_runtime_the_start_fails_with_one_line()
    {
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Container", $"{DataHubStackSettings.StackKey}=Quickstart");
        builder.Services.AddSingleton<IContainerRuntimeProbe>(new FakeProbe(available: false));
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(TestContext.Current.CancellationToken));

        var message = Unwrap(error).Message;
        Assert.Equal(DataHubRuntimeCheck.NoRuntimeMessage, message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("no container runtime", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_adds_no_datahub_resources()
    {
        await using var app = await (await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Container")).BuildAsync(TestContext.Current.CancellationToken);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();

        Assert.DoesNotContain(model.Resources, r => StackResources.Contains(r.Name) || r.Name.StartsWith("datahub-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_stack_is_rejected_with_a_clear_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BuildAsync($"{DataHubStackSettings.StackKey}=Full"));

        Assert.Contains("expected one of None, Quickstart", Unwrap(error).Message, StringComparison.Ordinal);
    }

    private static ContainerResource Container(DistributedApplicationModel model, string name) =>
        model.Resources.OfType<ContainerResource>().Single(r => r.Name == name);

    private static string ImageOf(ContainerResource container)
    {
        Assert.True(container.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        return $"{image.Image}:{image.Tag}";
    }

    private static void AssertWaits(DistributedApplicationModel model, string name, params (string Resource, WaitType Type)[] expected)
    {
        var waits = model.Resources.Single(r => r.Name == name).Annotations.OfType<WaitAnnotation>()
            .Select(w => (w.Resource.Name, w.WaitType))
            // PostgreSQL and the six databases every project resource waits for are AppModelTests' concern.
            .Where(w => w.Name != "postgres" && !w.Name.EndsWith("-db", StringComparison.Ordinal));
        Assert.Equal(expected.Order(), waits.Order());
    }

    /// <summary>The environment as declared: secrets stay the parameters they come from, so their kind can be checked.</summary>
    private static async Task<Dictionary<string, object>> EnvironmentOfAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), resource, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    private static async Task<IList<object>> ArgumentsOfAsync(IResource resource)
    {
        var context = new CommandLineArgsCallbackContext([], resource, TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.Args;
    }

    private static Exception Unwrap(Exception error) => error.InnerException is { } inner && error is AggregateException or System.Reflection.TargetInvocationException ? Unwrap(inner) : error;

    private static async Task<DistributedApplication> BuildAsync(params string[] settings)
    {
        var builder = await AppHostFactory.CreateAsync(["DHub:Postgres:Mode=Container", $"{DataHubStackSettings.StackKey}=Quickstart", .. settings]);
        builder.Services.AddSingleton<IContainerRuntimeProbe>(new FakeProbe(available: true));
        return await builder.BuildAsync(TestContext.Current.CancellationToken);
    }
}
