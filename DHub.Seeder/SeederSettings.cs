using DHub.Core.Seeding;

namespace DHub.Seeder;

/// <summary>The <c>DHub:Seed</c> configuration section, as set by the AppHost.</summary>
public sealed class SeederSettings
{
    public const string Section = "DHub:Seed";

    public double Scale { get; set; } = 1.0;

    public int Seed { get; set; } = SeedOptions.DefaultSeed;

    public int? Customers { get; set; }

    public int? Employees { get; set; }

    public DateOnly? AsOf { get; set; }

    public SeedOptions ToOptions()
    {
        var options = new SeedOptions { Scale = Scale, Seed = Seed, Customers = Customers, Employees = Employees };
        return AsOf is { } asOf ? options with { AsOf = asOf } : options;
    }
}
