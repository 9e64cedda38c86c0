using DHub.Core.Seeding;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Loading;

namespace DHub.Tests.Core.Seeding;

/// <summary>
/// Tables read the facts earlier tables recorded while their rows were generated. A table moved
/// before the one it depends on must fail loudly, naming the missing table and its phase, rather
/// than quietly generate from an empty registry.
/// </summary>
public sealed class SeedPhaseOrderTests
{
    private static readonly SeedOptions Tiny = new()
    {
        Employees = SeedOptions.MinEmployees,
        Customers = SeedOptions.MinCustomers,
        Seed = 7,
        AsOf = new DateOnly(2026, 6, 30),
    };

    private static IReadOnlyList<(SeedPhase Phase, Func<SeedContext, ITableLoad> Factory)> InLoadOrder =>
        [.. SeedPhases.All.SelectMany(p => p.Tables.Select(f => (p, f)))];

    [Fact]
    public void Accounts_generated_before_the_customers_fail_naming_the_customers_and_their_phase()
    {
        var context = new SeedContext(Tiny);
        var accounts = SeedPhases.All.Single(p => p.Name == "core banking").Tables[0](context);

        var error = Assert.Throws<InvalidOperationException>(() => Generate(accounts));

        Assert.Equal("accounts_db.accounts", $"{accounts.Database}.{accounts.Table}");
        Assert.Contains("accounts_db.customers", error.Message, StringComparison.Ordinal);
        Assert.Contains("phase 1 foundation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_whose_producer_stopped_part_way_fails_like_one_that_never_ran()
    {
        var context = new SeedContext(Tiny);
        var employees = (TableLoad<EmployeeRow>)InLoadOrder[0].Factory(context);
        _ = employees.Rows.Take(3).ToList();
        var departments = InLoadOrder[1].Factory(context);

        var error = Assert.Throws<InvalidOperationException>(() => Generate(departments));

        Assert.Contains("employees_db.employees", error.Message, StringComparison.Ordinal);
        Generate(employees);
        Assert.True(Generate(departments) > 0);
    }

    [Fact]
    public void Every_table_run_first_either_needs_nothing_or_names_a_table_loaded_before_it()
    {
        var order = InLoadOrder;
        var names = order.Select(t => Name(t.Factory(new SeedContext(Tiny)))).ToList();
        var independent = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var load = order[i].Factory(new SeedContext(Tiny));
            try
            {
                Generate(load);
                independent.Add(names[i]);
            }
            catch (InvalidOperationException error) when (error.Message.Contains("were read before", StringComparison.Ordinal))
            {
                var missing = names.FindIndex(n => error.Message.Contains(n + " ", StringComparison.Ordinal));
                Assert.True(missing >= 0 && missing < i, $"{names[i]} run first: {error.Message}");
                Assert.Contains($"({order[missing].Phase.SpanName})", error.Message, StringComparison.Ordinal);
            }
        }

        // Only the staff, the customer master and fixed catalogues stand alone.
        Assert.Equal(
            ["employees_db.employees", "employees_db.training_programs", "accounts_db.customers", "customer_db.campaigns", "compliance_db.compliance_rules"],
            independent);
    }

    private static long Generate(ITableLoad load) =>
        load.WriteTo(new BinaryCopyWriter(Stream.Null, load.Columns.Count), TestContext.Current.CancellationToken);

    private static string Name(ITableLoad load) => $"{load.Database}.{load.Table}";
}
