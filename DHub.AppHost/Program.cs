using DHub.AppHost;
using DHub.AppHost.Postgres;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddDemoPostgres();

var seeder = builder.AddProject<Projects.DHub_Seeder>("seeder")
    .WithDemoDatabases(postgres)
    .WithSeedSettings(builder.Configuration);

var api = builder.AddProject<Projects.DHub_Api>("api")
    .WithDemoDatabases(postgres)
    .WaitForCompletion(seeder);

if (builder.Configuration.GetValue<int?>("DHub:Api:Port") is { } apiPort)
{
    api.WithEndpoint("http", endpoint => endpoint.Port = apiPort);
}

builder.Build().Run();
