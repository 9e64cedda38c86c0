using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DHub.AppHost;

/// <summary>
/// A stop is not an error. When the AppHost stops while a browser has the dashboard open, the
/// dashboard's client of the resource service can report the streams the shutdown cuts (gRPC
/// <c>ENHANCE_YOUR_CALM</c>) as failures with stack traces, on the user's console. Once the stop has
/// begun, the dashboard's lines are dropped; before it they are kept, since then they are real errors.
/// </summary>
public static class QuietStopExtensions
{
    /// <summary>The dashboard's log categories, as the AppHost relays them (e.g. <c>...Dashboard.ServiceClient.DashboardClient</c>).</summary>
    public const string DashboardCategoryPrefix = "Aspire.Hosting.Dashboard";

    public static IDistributedApplicationBuilder AddQuietStop(this IDistributedApplicationBuilder builder)
    {
        // A rule for the dashboard's own prefix, so it is the one the logger picks for those categories
        // (the most specific rule wins); it keeps the default Information level while the AppHost runs.
        builder.Services.AddSingleton<IConfigureOptions<LoggerFilterOptions>>(services => new ConfigureOptions<LoggerFilterOptions>(options =>
            options.AddFilter(DashboardCategoryPrefix, level => level >= LogLevel.Information && !IsStopping(services))));
        return builder;
    }

    // Resolved at the first dashboard line, not while logging is built: the lifetime itself depends on logging.
    private static bool IsStopping(IServiceProvider services) =>
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
}
