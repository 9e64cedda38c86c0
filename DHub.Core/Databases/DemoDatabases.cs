namespace DHub.Core.Databases;

/// <summary>The six business databases of the demo bank, in the order their init scripts run.</summary>
public static class DemoDatabases
{
    public const string Employees = "employees_db";
    public const string Customer = "customer_db";
    public const string Accounts = "accounts_db";
    public const string Insurance = "insurance_db";
    public const string Loans = "loans_db";
    public const string Compliance = "compliance_db";

    public static IReadOnlyList<string> All { get; } = [Employees, Customer, Accounts, Insurance, Loans, Compliance];

    public static bool IsDemoDatabase(string name) => All.Contains(name, StringComparer.Ordinal);
}
