using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Seeder;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => DemoDatabaseConnections.FromConfiguration(builder.Configuration));
builder.Services.AddSingleton<DatabaseInventory>();
builder.Services.AddSingleton(SeedPipeline.Default);
builder.Services.AddSingleton<SeedOperations>();
builder.Services.AddHostedService<SeedWorker>();

builder.Build().Run();
