using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Seeder;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddDHubSeeding(_ => DemoDatabaseConnections.FromConfiguration(builder.Configuration));
builder.Services.AddHostedService<SeedWorker>();

builder.Build().Run();
