using DHub.Api.Databases;
using DHub.Api.Endpoints;
using DHub.Api.Errors;
using DHub.Api.Health;
using DHub.Api.Security;
using DHub.Api.Seeding;
using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Gms;
using DHub.Core.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// Requests are small JSON documents; anything bigger is a mistake or an attack.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 256 * 1024);

// Strict JSON: "5" is not a number. The web defaults would read numbers from strings.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.Configure<ApiKeyOptions>(builder.Configuration.GetSection(ApiKeyOptions.Section));

if (!QueryTimeoutSetting.TryRead(builder.Configuration, out var queryTimeout, out var problem))
{
    Console.Error.WriteLine($"error: {problem}");
    return 2;
}

if (!MaxResultBytesSetting.TryRead(builder.Configuration, out var maxResultBytes, out problem))
{
    Console.Error.WriteLine($"error: {problem}");
    return 2;
}

builder.Services.AddSingleton(queryTimeout);
builder.Services.AddSingleton(maxResultBytes);
// 13 pools (six databases as owner and as dhub_reader, plus postgres) must fit in the server's 100 connections.
builder.Services
    .AddDHubDatabases(_ => DatabaseConnections.FromConfiguration(builder.Configuration, builder.Configuration.GetValue("DHub:Api:MaxPoolSize", 6)))
    .AddDHubSeeding();
builder.Services.AddSingleton<SeedRunCoordinator>();
builder.Services.AddHostedService<PreparedTransactionRecoveryService>();
builder.Services.AddSingleton<ReaderConnectionProvider>();
builder.Services.AddHealthChecks().AddCheck<DemoDatabasesHealthCheck>("demo-databases");

builder.Services.AddSingleton(_ => DataHubCatalog.Load(builder.Configuration["DHub:DataHub:CatalogDirectory"]
    ?? DataHubCatalog.FindDirectory(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException($"No {DataHubCatalog.RelativeDirectory} folder found; set DHub:DataHub:CatalogDirectory.")));
builder.Services.AddDataHub(gms =>
{
    if (builder.Configuration["DHub:DataHub:GmsUrl"] is { Length: > 0 } server)
    {
        gms.Server = new Uri(server);
    }

    gms.Token = builder.Configuration["DHub:DataHub:Token"];
    gms.SystemClientId = builder.Configuration["DHub:DataHub:SystemClientId"];
    gms.SystemClientSecret = builder.Configuration["DHub:DataHub:SystemClientSecret"];
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app);
}

app.MapDefaultEndpoints();
app.MapDatabaseEndpoints();
app.MapSeedEndpoints();
app.MapDataHubEndpoints();

app.Run();
return 0;
