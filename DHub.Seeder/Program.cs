using DHub.Core.Databases;
using DHub.Core.Hosting;
using DHub.Seeder;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

builder.Services
    .AddDHubDatabases(_ => DatabaseConnections.FromConfiguration(builder.Configuration))
    .AddDHubSeeding();
// The AppHost's "Clear data" command starts a second resource of this project with the argument "clear".
builder.Services.AddSingleton(SeederMode.FromArgs(args));
builder.Services.AddHostedService<SeedWorker>();

builder.Build().Run();
