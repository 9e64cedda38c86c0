namespace DHub.Tests.Infrastructure.Tiers;

/// <summary>Drives a headless browser through Playwright against a running AppHost.</summary>
public sealed class BrowserAttribute() : CategoryAttribute(Name)
{
    public const string Name = "Browser";
}
