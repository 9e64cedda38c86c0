using DHub.Api.Endpoints;
using DHub.Core.Databases;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddSingleton(_ => DemoDatabaseConnections.FromConfiguration(builder.Configuration));
builder.Services.AddSingleton<DatabaseInventory>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapDatabaseEndpoints();

app.Run();
