namespace DHub.Tests.Infrastructure.Tiers;

/// <summary>Starts servers and processes of its own to break them: kills, crashes, bad settings.</summary>
public sealed class FaultsAttribute() : CategoryAttribute(Name)
{
    public const string Name = "Faults";
}
