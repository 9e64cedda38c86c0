using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.employee_assignments: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class EmployeeAssignmentsTable
{
    private static readonly string CustomerPortfolio = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "customer_portfolio");
    private static readonly string BranchCoverage = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "branch_coverage");
    private static readonly string Project = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "project");
    private const int ProjectCount = 8;

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<EmployeeAssignmentRow>(
        EmployeesDb.Database,
        "employee_assignments",
        EmployeeAssignmentRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("assignment_type", static (w, r) => w.Write(r.AssignmentType, NpgsqlDbType.Varchar)),
        ("related_entity_id", static (w, r) => w.Write(r.RelatedEntityId, NpgsqlDbType.Varchar)),
        ("start_date", static (w, r) => w.Write(r.StartDate, NpgsqlDbType.Date)),
        ("end_date", static (w, r) => w.WriteNullable(r.EndDate, NpgsqlDbType.Date)));

    private static IEnumerable<EmployeeAssignmentRow> EmployeeAssignmentRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("employee_assignments");
        var customers = ctx.Customers.Count;
        var twoYearsAgo = ctx.AsOf.AddDays(-730);
        var aMonthAgo = ctx.AsOf.AddDays(-30);

        // Portfolios of 60 % of customers. A customer with a relationship manager in its profile is in
        // that manager's current portfolio; one without was in a former manager's portfolio.
        var inPortfolio = new SelectionSample((int)(0.60 * customers), customers);
        for (var c = 0; c < customers; c++)
        {
            if (!inPortfolio.Next(random))
            {
                continue;
            }

            var joined = ctx.Customers.CreatedAt(c).Day();
            if (ctx.Profiles[c].AgentIndex is { } agent)
            {
                var from = joined.Max(ctx.Employees[agent].HireDate).Max(twoYearsAgo);
                yield return new EmployeeAssignmentRow(ctx.Ids.Employee(agent), CustomerPortfolio, ctx.Ids.Customer(c), random.DateBetween(from, aMonthAgo), null);
            }
            else
            {
                var start = random.DateBetween(joined.Max(twoYearsAgo), aMonthAgo.Max(joined).Min(ctx.AsOf.AddDays(-1)));
                var former = ctx.Employees.Pick(random, StaffPool.RelationshipManagers, start);
                var lastDay = ctx.Employees[former].TerminationDate ?? ctx.AsOf;
                var end = start < lastDay ? random.DateBetween(start.AddDays(1), lastDay) : start;
                yield return new EmployeeAssignmentRow(ctx.Ids.Employee(former), CustomerPortfolio, ctx.Ids.Customer(c), start, end);
            }
        }

        // Branch coverage (a fixed 10-20 rows, whatever the scale): staff covering another branch.
        for (var k = random.Number(10, 20); k > 0; k--)
        {
            var start = random.DateBetween(ctx.AsOf.AddDays(-365), aMonthAgo);
            var employee = ctx.Employees.Pick(random, StaffPool.BranchStaff, start);
            DateOnly? end = random.Chance(0.30) ? random.DateBetween(start.AddDays(1), ctx.AsOf) : null;
            yield return new EmployeeAssignmentRow(ctx.Ids.Employee(employee), BranchCoverage, SeedIds.Branch(random.Number(0, SeedIds.BranchCount - 1)), start, end);
        }

        // Internal projects PRJ-001..PRJ-008, so 'project' assignments exist; staffed by head-office roles.
        for (var k = random.Number(6, 12); k > 0; k--)
        {
            var start = random.DateBetween(ctx.AsOf.AddDays(-540), ctx.AsOf.AddDays(-14));
            var employee = ctx.Employees.Pick(random, StaffPool.ProjectStaff, start);
            DateOnly? end = random.Chance(0.40) && start.AddDays(30) <= ctx.AsOf ? random.DateBetween(start.AddDays(30), ctx.AsOf) : null;
            yield return new EmployeeAssignmentRow(ctx.Ids.Employee(employee), Project, SeedIds.Project(random.Number(0, ProjectCount - 1)), start, end);
        }
    }
}

internal readonly record struct EmployeeAssignmentRow(
    string EmployeeId,
    string AssignmentType,
    string RelatedEntityId,
    DateOnly StartDate,
    DateOnly? EndDate);
