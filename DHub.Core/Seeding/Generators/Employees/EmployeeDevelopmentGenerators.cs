using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>Phase 4 tables of employees_db: training records, performance reviews and assignments.</summary>
internal static class EmployeeDevelopmentGenerators
{
    private const string Database = "employees_db";

    // The reference never wrote 'dropped'.
    private static readonly WeightedChoice<string> TrainingStatuses = VocabularyChoice.Of(
        Vocabularies.EmployeeTrainingStatus, ("completed", 0.75), ("in_progress", 0.12), ("enrolled", 0.05), ("dropped", 0.08));

    private static readonly WeightedChoice<int> Ratings = new((1, 0.02), (2, 0.08), (3, 0.35), (4, 0.40), (5, 0.15));

    private static readonly string[][] ReviewComments =
    [
        [],
        ["Performance well below expectations; improvement plan agreed.", "Missed most objectives; needs close supervision.", "Significant gaps in core responsibilities."],
        ["Below expectations in several areas.", "Some objectives met; reliability must improve.", "Needs further training to meet the role's standards."],
        ["Meets expectations.", "Solid, dependable contribution this year.", "Met the core objectives; room to grow."],
        ["Exceeds expectations in most areas.", "Strong results and good teamwork.", "Consistently delivers above target."],
        ["Outstanding performance across all objectives.", "Role model for the team; ready for more responsibility.", "Exceptional results this year."],
    ];

    private static readonly string CustomerPortfolio = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "customer_portfolio");
    private static readonly string BranchCoverage = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "branch_coverage");
    private static readonly string Project = VocabularyChoice.Value(Vocabularies.EmployeeAssignmentsAssignmentType, "project");
    private const int ProjectCount = 8;

    public static ITableLoad EmployeeTraining(SeedContext ctx) => new TableLoad<EmployeeTrainingRow>(
        Database,
        "employee_training",
        EmployeeTrainingRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("program_id", static (w, r) => w.Write(r.ProgramId, NpgsqlDbType.Varchar)),
        ("enrollment_date", static (w, r) => w.Write(r.EnrollmentDate, NpgsqlDbType.Date)),
        ("completion_date", static (w, r) => w.WriteNullable(r.CompletionDate, NpgsqlDbType.Date)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("score", static (w, r) => w.WriteNullable(r.Score, NpgsqlDbType.Integer)));

    public static ITableLoad PerformanceReviews(SeedContext ctx) => new TableLoad<PerformanceReviewRow>(
        Database,
        "performance_reviews",
        PerformanceReviewRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("review_date", static (w, r) => w.Write(r.ReviewDate, NpgsqlDbType.Date)),
        ("reviewer_id", static (w, r) => w.Write(r.ReviewerId, NpgsqlDbType.Varchar)),
        ("rating", static (w, r) => w.Write(r.Rating, NpgsqlDbType.Integer)),
        ("goals_met", static (w, r) => w.Write(r.GoalsMet, NpgsqlDbType.Integer)),
        ("comments", static (w, r) => w.Write(r.Comments, NpgsqlDbType.Text)));

    public static ITableLoad EmployeeAssignments(SeedContext ctx) => new TableLoad<EmployeeAssignmentRow>(
        Database,
        "employee_assignments",
        EmployeeAssignmentRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("assignment_type", static (w, r) => w.Write(r.AssignmentType, NpgsqlDbType.Varchar)),
        ("related_entity_id", static (w, r) => w.Write(r.RelatedEntityId, NpgsqlDbType.Varchar)),
        ("start_date", static (w, r) => w.Write(r.StartDate, NpgsqlDbType.Date)),
        ("end_date", static (w, r) => w.WriteNullable(r.EndDate, NpgsqlDbType.Date)));

    private static IEnumerable<EmployeeTrainingRow> EmployeeTrainingRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("employee_training");
        var programs = TrainingCatalog.All;
        for (var e = 0; e < ctx.Employees.Count; e++)
        {
            var employee = ctx.Employees[e];

            // Enrolments of the last two years of employment (older ones for people who left long ago).
            var lastDay = employee.TerminationDate ?? ctx.AsOf;
            var firstDay = employee.HireDate.Max(lastDay.AddDays(-730));

            // Programs aimed at the employee's role are three times as likely.
            var weights = programs.Select(p => p.Audience.Contains(employee.Role) ? 3.0 : 1.0).ToArray();
            foreach (var program in DistinctWeighted(random, weights, random.Number(2, 4)))
            {
                var enrolled = random.DateBetween(firstDay, lastDay);
                var status = TrainingStatuses.Pick(random);
                DateOnly? completed = null;
                int? score = null;
                if (status == "completed")
                {
                    var completion = enrolled.AddDays(random.Number(7, 56));
                    if (completion <= lastDay)
                    {
                        completed = completion;
                        score = random.Number(65, 100);
                    }
                    else
                    {
                        status = "in_progress";
                    }
                }

                // Someone who left the bank did not finish what they had started.
                if (employee.TerminationDate is not null && status is "in_progress" or "enrolled")
                {
                    status = "dropped";
                }

                yield return new EmployeeTrainingRow(ctx.Ids.Employee(e), ctx.Ids.Program(program), enrolled, completed, status, score);
            }
        }
    }

    private static IEnumerable<int> DistinctWeighted(SeedRandom random, double[] weights, int count)
    {
        var remaining = (double[])weights.Clone();
        for (var k = 0; k < count; k++)
        {
            var x = random.Double() * remaining.Sum();
            var chosen = Array.FindLastIndex(remaining, w => w > 0);
            for (var i = 0; i < remaining.Length; i++)
            {
                x -= remaining[i];
                if (remaining[i] > 0 && x < 0)
                {
                    chosen = i;
                    break;
                }
            }

            remaining[chosen] = 0;
            yield return chosen;
        }
    }

    private static IEnumerable<PerformanceReviewRow> PerformanceReviewRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("performance_reviews");
        var employees = ctx.Employees;
        for (var e = 0; e < employees.Count; e++)
        {
            var employee = employees[e];
            var lastDay = employee.TerminationDate ?? ctx.AsOf;
            var firstReview = employee.HireDate.AddDays(90); // after probation
            var reviewer = employee.ManagerIndex ?? ReviewerOfHead(ctx, e);

            // One review per year of the last 1-3 years, oldest first.
            for (var yearsBack = random.Number(1, 3) - 1; yearsBack >= 0; yearsBack--)
            {
                var windowEnd = lastDay.AddDays(-365 * yearsBack);
                var windowStart = lastDay.AddDays((-365 * (yearsBack + 1)) + 1).Max(firstReview);
                if (windowStart > windowEnd)
                {
                    continue;
                }

                var rating = Ratings.Pick(random);
                yield return new PerformanceReviewRow(
                    ctx.Ids.Employee(e),
                    random.DateBetween(windowStart, windowEnd),
                    ctx.Ids.Employee(reviewer),
                    rating,
                    Math.Clamp(45 + (rating * 10) + random.Number(-5, 5), 0, 100),
                    random.ArrayElement(ReviewComments[rating]));
            }
        }
    }

    // Department heads are reviewed by the head of Human Resources (who is reviewed by the head of Retail Banking).
    private static int ReviewerOfHead(SeedContext ctx, int head)
    {
        foreach (var department in new[] { "Human Resources", "Retail Banking" })
        {
            var index = Vocabularies.EmployeesDepartment.Values.ToList().IndexOf(department);
            if (ctx.Employees.HeadOf(index) is { } reviewer && reviewer != head)
            {
                return reviewer;
            }
        }

        return (head + 1) % ctx.Employees.Count;
    }

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

        // Branch coverage (fixed 10-20 rows, as in the reference): staff covering another branch.
        for (var k = random.Number(10, 20); k > 0; k--)
        {
            var start = random.DateBetween(ctx.AsOf.AddDays(-365), aMonthAgo);
            var employee = ctx.Employees.Pick(random, StaffPool.BranchStaff, start);
            DateOnly? end = random.Chance(0.30) ? random.DateBetween(start.AddDays(1), ctx.AsOf) : null;
            yield return new EmployeeAssignmentRow(ctx.Ids.Employee(employee), BranchCoverage, SeedIds.Branch(random.Number(0, SeedIds.BranchCount - 1)), start, end);
        }

        // Internal projects PRJ-001..PRJ-008 (new: the reference never wrote 'project'), staffed by head-office roles.
        for (var k = random.Number(6, 12); k > 0; k--)
        {
            var start = random.DateBetween(ctx.AsOf.AddDays(-540), ctx.AsOf.AddDays(-14));
            var employee = ctx.Employees.Pick(random, StaffPool.ProjectStaff, start);
            DateOnly? end = random.Chance(0.40) && start.AddDays(30) <= ctx.AsOf ? random.DateBetween(start.AddDays(30), ctx.AsOf) : null;
            yield return new EmployeeAssignmentRow(ctx.Ids.Employee(employee), Project, SeedIds.Project(random.Number(0, ProjectCount - 1)), start, end);
        }
    }
}
