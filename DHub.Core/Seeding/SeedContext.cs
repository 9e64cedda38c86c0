using Bogus;
using DHub.Core.Seeding.Generators;
using DHub.Core.Seeding.Generators.Accounts;
using DHub.Core.Seeding.Generators.Compliance;
using DHub.Core.Seeding.Generators.Customers;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Generators.Insurance;
using DHub.Core.Seeding.Generators.Loans;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding;

/// <summary>
/// State shared between the tables of one run: the options, the bank's "today", and the compact
/// registries of ids that later tables reference. Each registry is filled by the table that
/// produces it (its type lives next to that table's generator). Only what later tables need is
/// kept, never whole rows of the big tables.
/// </summary>
public sealed class SeedContext(SeedOptions options)
{
    private SeedIds? _ids;

    public SeedOptions Options { get; } = options;

    public DateOnly AsOf => Options.AsOf;

    /// <summary>End of the as-of day: the latest instant a past event may have.</summary>
    public DateTime AsOfEndOfDay => AsOf.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>Id formats salted with this run's seed: row n of a table always has the same id.</summary>
    internal SeedIds Ids => _ids ??= new SeedIds(Options.Seed);

    /// <summary>Employees (phase 1): employee i has id <c>Ids.Employee(i)</c>.</summary>
    internal EmployeeRegistry Employees { get; } = new();

    /// <summary>Accounts (phase 2): account i has id <c>Ids.Account(i)</c>; a customer's accounts are contiguous.</summary>
    internal AccountRegistry Accounts { get; } = new();

    /// <summary>Customer master (phase 1, accounts_db.customers): customer i has id <c>Ids.Customer(i)</c>.</summary>
    internal CustomerRegistry Customers { get; } = new();

    /// <summary>CRM profiles (phase 1, customer_db.customer_profiles), one per customer, same index.</summary>
    internal ProducedFacts<ProfileFact> Profiles { get; } = new("customer_db.customer_profiles");

    /// <summary>Campaigns and the interactions followed by a survey (phase 3).</summary>
    internal CrmRegistry Crm { get; } = new();

    /// <summary>Loan applications and loans (phase 5).</summary>
    internal LoanRegistry Loans { get; } = new();

    /// <summary>Policies (phase 6): policy i has id <c>Ids.Policy(i)</c>.</summary>
    internal ProducedFacts<PolicyFact> Policies { get; } = new("insurance_db.policies");

    /// <summary>Compliance rules and raised AML flags (phase 7).</summary>
    internal ComplianceRegistry Compliance { get; } = new();

    /// <summary>The random stream of <paramref name="table"/> in this run.</summary>
    public SeedRandom RandomFor(string table) => SeedRandom.ForTable(Options.Seed, table);

    /// <summary>Names, addresses and companies for <paramref name="table"/>, from a stream of their own.</summary>
    public Faker FakerFor(string table) => SeedRandom.FakerFor(Options.Seed, table);
}
