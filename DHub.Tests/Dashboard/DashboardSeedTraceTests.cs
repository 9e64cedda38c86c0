using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace DHub.Tests.Dashboard;

/// <summary>
/// End to end through the Aspire dashboard (issue #7 §5): after the seeder ran, its <c>seed</c> trace is on the
/// Traces page, and its detail lists the seven phase spans, as a person sees it in a browser.
/// </summary>
/// <remarks>
/// Saves a screenshot of the trace detail under <c>TestResults/Dashboard</c> in the test output folder (and as a
/// test attachment). With <c>DHUB_UPDATE_SCREENSHOT=1</c> it also replaces <c>docs/images/dashboard-seed-trace.png</c>,
/// the picture the README shows.
/// </remarks>
[Collection(DashboardCollection.Name)]
[Browser]
public sealed partial class DashboardSeedTraceTests
{
    public const string UpdateScreenshotVariable = "DHUB_UPDATE_SCREENSHOT";
    private const string ScreenshotName = "dashboard-seed-trace.png";

    private static readonly string[] PhaseSpans =
    [
        "phase 1 foundation",
        "phase 2 core banking",
        "phase 3 crm",
        "phase 4 employee development",
        "phase 5 loans",
        "phase 6 insurance",
        "phase 7 compliance",
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    // Telemetry reaches the dashboard in export batches, and this 2-core machine is slow when the suite runs in parallel.
    private const float TraceTimeoutMs = 120_000;
    // Generous: a Blazor page on two busy cores can take a minute to render.
    private const float UiTimeoutMs = 180_000;
    // Per attempt; a navigation is tried twice (see NavigateAsync).
    private const float NavigationTimeoutMs = 90_000;

    [Fact(Timeout = 10 * 60 * 1000)]
    public async Task The_seed_trace_and_its_seven_phases_are_shown_in_the_dashboard()
    {
        var ct = TestContext.Current.CancellationToken;

        // EnableDashboard runs the real dashboard next to the app: http on free loopback ports (ASPNETCORE_URLS and the
        // OTLP endpoint left empty, ASPIRE_ALLOW_UNSECURED_TRANSPORT=true), a browser token generated for this app
        // (AppHost:BrowserToken), and the resource service behind an API key.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DHub_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            ["DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0.1"],
            ct);
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Aspire.", LogLevel.Warning);
            logging.AddFilter("Microsoft.", LogLevel.Warning);
            logging.AddFilter("DHub.AppHost.Resources", LogLevel.Warning);
        });

        await using var app = await builder.BuildAsync(ct);
        try
        {
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            startTimeout.CancelAfter(StartTimeout);
            await app.StartAsync(startTimeout.Token);

            var seeder = await app.ResourceNotifications.WaitForResourceAsync(
                "seeder", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), startTimeout.Token);
            Assert.True(seeder.Snapshot.ExitCode == 0, $"The seeder ended {seeder.Snapshot.State?.Text} with exit code {seeder.Snapshot.ExitCode}.");

            // <dashboard>/login?t=<browser token>
            var loginUrl = await app.GetDashboardUrlAsync(startTimeout.Token);
            Assert.Equal(Uri.UriSchemeHttp, loginUrl.Scheme);
            Assert.Equal("/login", loginUrl.AbsolutePath);

            var screenshot = await CaptureSeedTraceAsync(loginUrl);

            TestContext.Current.AddAttachment(ScreenshotName, screenshot, "image/png");
            if (Environment.GetEnvironmentVariable(UpdateScreenshotVariable) == "1")
            {
                var docsCopy = Path.Combine(FindRepositoryRoot(), "docs", "images", ScreenshotName);
                Directory.CreateDirectory(Path.GetDirectoryName(docsCopy)!);
                await File.WriteAllBytesAsync(docsCopy, screenshot, ct);
                TestContext.Current.SendDiagnosticMessage($"Updated {docsCopy}");
            }
        }
        finally
        {
            // Stops postgres (and removes its ephemeral cluster), the dashboard and DCP before the app is disposed.
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Logs in, opens the <c>seed</c> trace and checks its phases; the browser is closed before the app stops.
    /// Returns the screenshot of the trace detail.
    /// </summary>
    private static async Task<byte[]> CaptureSeedTraceAsync(Uri loginUrl)
    {
        var artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "Dashboard");
        Directory.CreateDirectory(artifacts);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1600, Height = 1000 },
            ColorScheme = ColorScheme.Light,
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(UiTimeoutMs);

        try
        {
            // The token sets the auth cookie and redirects to the resources page.
            await NavigateAsync(page, loginUrl, () => page.WaitForURLAsync(
                url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal),
                new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeoutMs }));

            var seedTrace = page.GetByText("seeder: seed", new() { Exact = true });
            await NavigateAsync(page, new Uri(loginUrl, "/traces"), () =>
                Assertions.Expect(seedTrace).ToHaveCountAsync(1, new() { Timeout = TraceTimeoutMs }));
            await seedTrace.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/traces/detail/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(SpanCell(page, "seed")).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });

            // Npgsql's spans (connections, COPY) outnumber ours and the span list is virtualized: filter it down to the
            // phases (their ancestors and descendants stay) and fold each phase, so all seven fit on one screen.
            await page.Locator("fluent-text-input[name=spans-search] input").FillAsync("phase");
            foreach (var phase in PhaseSpans)
            {
                // Each folded phase pulls the next one up: a missing phase fails here.
                await CollapseAsync(SpanCell(page, phase));
            }

            await Assertions.Expect(SpanCell(page, "seed")).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
            foreach (var phase in PhaseSpans)
            {
                var cell = SpanCell(page, phase);
                await Assertions.Expect(cell).ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });
                await Assertions.Expect(cell.Locator(".span-name-container")).ToHaveTextAsync(phase, new() { Timeout = UiTimeoutMs });
            }

            await Assertions.Expect(page.Locator("td[role=gridcell][aria-label^='seeder: phase ']")).ToHaveCountAsync(PhaseSpans.Length, new() { Timeout = UiTimeoutMs });

            return await ScreenshotAsync(page, SpanCell(page, PhaseSpans[^1]), Path.Combine(artifacts, ScreenshotName));
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(artifacts, "failure.png") });
            await File.WriteAllTextAsync(Path.Combine(artifacts, "failure.html"), await page.ContentAsync(), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Opens <paramref name="url"/> and waits for what the test needs from it (<paramref name="shown"/>), not for the
    /// whole page: under load a Blazor page's load event can take minutes while the element is long there. A
    /// navigation that shows nothing in time is tried once more.
    /// </summary>
    private static async Task NavigateAsync(IPage page, Uri url, Func<Task> shown)
    {
        try
        {
            await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeoutMs });
            await shown();
        }
        catch (PlaywrightException)
        {
            await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeoutMs });
            await shown();
        }
    }

    /// <summary>The name cell of a span of the seeder in the trace detail; its accessible name is "resource: span".</summary>
    private static ILocator SpanCell(IPage page, string spanName) =>
        page.GetByRole(AriaRole.Gridcell, new() { Name = $"seeder: {spanName}", Exact = true });

    /// <summary>
    /// Folds a span row. A click that lands while Blazor re-renders the grid can be lost, so it is retried until the
    /// row shows as folded; a fold is never toggled back because the state is checked before each click.
    /// </summary>
    private static async Task CollapseAsync(ILocator cell)
    {
        var toggle = cell.Locator(".main-grid-expand-container");
        var deadline = DateTime.UtcNow.AddMilliseconds(UiTimeoutMs);
        while (!CollapsedClass().IsMatch(await toggle.GetAttributeAsync("class") ?? ""))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Could not fold the span row {await cell.GetAttributeAsync("aria-label")}.");
            }

            await cell.Locator(".main-grid-expand-button").ClickAsync();
            try
            {
                await Assertions.Expect(toggle).ToHaveClassAsync(CollapsedClass(), new() { Timeout = 5_000 });
            }
            catch (PlaywrightException)
            {
                // Not folded yet: look again and click again.
            }
        }
    }

    /// <summary>Shrinks the viewport to the folded trace (no empty half page) and saves the picture.</summary>
    private static async Task<byte[]> ScreenshotAsync(IPage page, ILocator lastRow, string path)
    {
        // No hover highlight, tooltip or focus ring in the picture.
        await page.Mouse.MoveAsync(1000, 990);
        await page.EvaluateAsync("() => document.activeElement instanceof HTMLElement && document.activeElement.blur()");

        var box = await lastRow.BoundingBoxAsync() ?? throw new InvalidOperationException("The last phase row has no box.");
        var height = (int)Math.Clamp(Math.Ceiling(box.Y + box.Height + 48), 400, 1000);
        await page.SetViewportSizeAsync(1600, height);
        await Assertions.Expect(lastRow).ToBeInViewportAsync(new() { Timeout = UiTimeoutMs });

        return await page.ScreenshotAsync(new() { Path = path });
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DHub.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bmain-grid-collapsed\b")]
    private static partial Regex CollapsedClass();
}

/// <summary>
/// Runs alone, after the parallel collections: a browser, the dashboard and a seeding app competing
/// with other test apps for two cores made page loads time out.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection
{
    public const string Name = "dashboard";
}
