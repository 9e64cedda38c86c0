using Microsoft.Playwright;

namespace DHub.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright. Tests never download a browser: CI installs the <c>chromium</c>
/// package (see .ci/run) and Playwright only brings its driver.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Tests run as root, hence no sandbox; the machine has no network but the loopback, so everything
    /// Chromium would fetch in the background (component updates, sync, QUIC probes) is switched off.
    /// </summary>
    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No browser at {ExecutablePath}: install Debian's Chromium (apt-get install chromium).");
        }

        return playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
    }
}
