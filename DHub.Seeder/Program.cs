using DHub.Core.Databases;
using DHub.Core.Hosting;
using DHub.Seeder;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

builder.Services
    .AddDHubDatabases(_ => DatabaseConnections.FromConfiguration(builder.Configuration))
    .AddDHubSeeding();
builder.Services.AddHostedService<SeedWorker>();

builder.Build().Run();
