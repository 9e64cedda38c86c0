using DHub.Core.Databases;
using DHub.Seeder;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddSingleton(_ => DemoDatabaseConnections.FromConfiguration(builder.Configuration));
builder.Services.AddSingleton<DatabaseInventory>();
builder.Services.AddHostedService<SeedWorker>();

builder.Build().Run();
