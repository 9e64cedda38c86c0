namespace DHub.Core.Seeding;

/// <summary>What to generate. The same options (including <see cref="AsOf"/>) always produce the same data.</summary>
public sealed record SeedOptions
{
    public const int DefaultSeed = 42;
    public const double MaxScale = 1000;
    public const int BaseEmployees = 150;
    public const int BaseCustomers = 1200;

    // Below these the story breaks (no loan officers, no compliance officers, empty CRM tables).
    public const int MinEmployees = 10;
    public const int MinCustomers = 20;

    /// <summary>Multiplies the employee and customer base counts; fixed datasets do not scale.</summary>
    public double Scale { get; init; } = 1.0;

    public int Seed { get; init; } = DefaultSeed;

    public int? Customers { get; init; }

    public int? Employees { get; init; }

    /// <summary>The "today" of the generated bank: nothing lies after it except scheduled items. Defaults to today (UTC).</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public int EmployeeCount => Employees ?? Math.Max(MinEmployees, (int)(BaseEmployees * Scale));

    public int CustomerCount => Customers ?? Math.Max(MinCustomers, (int)(BaseCustomers * Scale));

    /// <summary>Every problem with these options, as sentences a user can act on; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(Scale) || Scale <= 0 || Scale > MaxScale)
        {
            problems.Add($"Scale must be a finite number greater than 0 and at most {MaxScale}; got {Scale}.");
        }

        if (Customers is { } customers && (customers < MinCustomers || customers > 10_000_000))
        {
            problems.Add($"Customers must be between {MinCustomers} and 10,000,000; got {customers}.");
        }

        if (Employees is { } employees && (employees < MinEmployees || employees > 1_000_000))
        {
            problems.Add($"Employees must be between {MinEmployees} and 1,000,000; got {employees}.");
        }

        return problems;
    }
}
