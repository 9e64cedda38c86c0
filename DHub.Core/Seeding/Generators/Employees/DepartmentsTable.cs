using DHub.Core.Schema;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.departments: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class DepartmentsTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<DepartmentRow>(
        EmployeesDb.Database,
        "departments",
        DepartmentRows(ctx),
        ("department_id", static (w, r) => w.Write(r.DepartmentId, NpgsqlDbType.Varchar)),
        ("department_name", static (w, r) => w.Write(r.DepartmentName, NpgsqlDbType.Varchar)),
        ("department_head_id", static (w, r) => w.WriteText(r.DepartmentHeadId)),
        ("budget", static (w, r) => w.Write(r.Budget, NpgsqlDbType.Numeric)));

    private static IEnumerable<DepartmentRow> DepartmentRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("departments");
        var employees = ctx.Employees;
        var payroll = new decimal[Vocabularies.EmployeesDepartment.Values.Count];
        for (var i = 0; i < employees.Count; i++)
        {
            if (employees[i].Status != "terminated")
            {
                payroll[employees[i].DepartmentIndex] += employees[i].Salary;
            }
        }

        for (var d = 0; d < payroll.Length; d++)
        {
            // The budget covers the department's payroll plus running costs.
            var budget = Math.Max(500_000m, Math.Round(payroll[d] * random.Decimal(1.4m, 2.2m) / 1000m) * 1000m);
            yield return new DepartmentRow(
                ctx.Ids.Department(d),
                Vocabularies.EmployeesDepartment.Values[d],
                employees.HeadOf(d) is { } head ? ctx.Ids.Employee(head) : null,
                budget);
        }
    }
}

internal readonly record struct DepartmentRow(string DepartmentId, string DepartmentName, string? DepartmentHeadId, decimal Budget);
