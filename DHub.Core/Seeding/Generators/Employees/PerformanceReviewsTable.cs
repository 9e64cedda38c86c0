using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.performance_reviews: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class PerformanceReviewsTable
{
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

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<PerformanceReviewRow>(
        EmployeesDb.Database,
        "performance_reviews",
        PerformanceReviewRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("review_date", static (w, r) => w.Write(r.ReviewDate, NpgsqlDbType.Date)),
        ("reviewer_id", static (w, r) => w.Write(r.ReviewerId, NpgsqlDbType.Varchar)),
        ("rating", static (w, r) => w.Write(r.Rating, NpgsqlDbType.Integer)),
        ("goals_met", static (w, r) => w.Write(r.GoalsMet, NpgsqlDbType.Integer)),
        ("comments", static (w, r) => w.Write(r.Comments, NpgsqlDbType.Text)));

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
}

internal readonly record struct PerformanceReviewRow(
    string EmployeeId,
    DateOnly ReviewDate,
    string ReviewerId,
    int Rating,
    int GoalsMet,
    string Comments);
