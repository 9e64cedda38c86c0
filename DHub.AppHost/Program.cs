using DHub.AppHost;
using DHub.AppHost.DataHub;
using DHub.AppHost.Postgres;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddDemoPostgres();

var seeder = builder.AddProject<Projects.DHub_Seeder>("seeder")
    .WithDemoDatabases(postgres)
    .WithSeedSettings(builder.Configuration)
    .WithSeedCommands(postgres);

// State-changing API endpoints require this key in X-Api-Key. Generated once, kept in user secrets.
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.DHub_Api>("api")
    .WithDemoDatabases(postgres)
    .WithEnvironment("DHub__Api__Key", apiKey)
    .WaitForCompletion(seeder);

if (builder.Configuration["DHub:Api:QueryTimeoutSeconds"] is { Length: > 0 } queryTimeout)
{
    api.WithEnvironment("DHub__Api__QueryTimeoutSeconds", queryTimeout);
}

if (builder.Configuration["DHub:Api:MaxResultBytes"] is { Length: > 0 } maxResultBytes)
{
    api.WithEnvironment("DHub__Api__MaxResultBytes", maxResultBytes);
}

if (builder.Configuration.GetValue<int?>("DHub:Api:Port") is { } apiPort)
{
    api.WithEndpoint("http", endpoint => endpoint.Port = apiPort);
}

var dataHub = builder.AddDataHubStack();
builder.AddDataHubSync(postgres, seeder, api, dataHub);
builder.AddReadySummary(postgres, seeder, api);
builder.AddQuietStop();

builder.Build().Run();
