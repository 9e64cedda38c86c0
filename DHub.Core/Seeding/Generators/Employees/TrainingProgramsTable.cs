using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.training_programs: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class TrainingProgramsTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<TrainingProgramRow>(
        EmployeesDb.Database,
        "training_programs",
        TrainingProgramRows(ctx),
        ("program_id", static (w, r) => w.Write(r.ProgramId, NpgsqlDbType.Varchar)),
        ("program_name", static (w, r) => w.Write(r.ProgramName, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("duration_hours", static (w, r) => w.Write(r.DurationHours, NpgsqlDbType.Integer)),
        ("certification", static (w, r) => w.Write(r.Certification, NpgsqlDbType.Boolean)));

    private static IEnumerable<TrainingProgramRow> TrainingProgramRows(SeedContext ctx)
    {
        for (var i = 0; i < TrainingCatalog.All.Count; i++)
        {
            var program = TrainingCatalog.All[i];
            yield return new TrainingProgramRow(ctx.Ids.Program(i), program.Name, program.Description, program.DurationHours, program.Certification);
        }
    }
}

internal readonly record struct TrainingProgramRow(string ProgramId, string ProgramName, string Description, int DurationHours, bool Certification);
