namespace DHub.Tests.Infrastructure.Tiers;

/// <summary>Starts PostgreSQL, the AppHost or a program of the solution (seconds to minutes).</summary>
public sealed class IntegrationAttribute() : CategoryAttribute(Name)
{
    public const string Name = "Integration";
}
