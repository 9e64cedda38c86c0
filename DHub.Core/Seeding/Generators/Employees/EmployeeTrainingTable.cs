using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.employee_training: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class EmployeeTrainingTable
{
    // Some people drop out, so 'dropped' shows up in the data.
    private static readonly WeightedChoice<string> TrainingStatuses = VocabularyChoice.Of(
        Vocabularies.EmployeeTrainingStatus, ("completed", 0.75), ("in_progress", 0.12), ("enrolled", 0.05), ("dropped", 0.08));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<EmployeeTrainingRow>(
        EmployeesDb.Database,
        "employee_training",
        EmployeeTrainingRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("program_id", static (w, r) => w.Write(r.ProgramId, NpgsqlDbType.Varchar)),
        ("enrollment_date", static (w, r) => w.Write(r.EnrollmentDate, NpgsqlDbType.Date)),
        ("completion_date", static (w, r) => w.WriteNullable(r.CompletionDate, NpgsqlDbType.Date)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("score", static (w, r) => w.WriteNullable(r.Score, NpgsqlDbType.Integer)));

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
}

internal readonly record struct EmployeeTrainingRow(
    string EmployeeId,
    string ProgramId,
    DateOnly EnrollmentDate,
    DateOnly? CompletionDate,
    string Status,
    int? Score);
