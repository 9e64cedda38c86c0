using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>Phase 1 tables of employees_db: the staff, their departments and the training catalogue.</summary>
internal static class EmployeesDbGenerators
{
    private const string Database = "employees_db";
    private const string EmailDomain = "dhubbank.com";

    private static readonly WeightedChoice<string> EmploymentStatuses = VocabularyChoice.Of(
        Vocabularies.EmployeesEmploymentStatus, ("active", 0.90), ("on_leave", 0.04), ("terminated", 0.06));

    public static ITableLoad Employees(SeedContext ctx) => new TableLoad<EmployeeRow>(
        Database,
        "employees",
        EmployeeRows(ctx),
        ("employee_id", static (w, r) => w.Write(r.EmployeeId, NpgsqlDbType.Varchar)),
        ("employee_number", static (w, r) => w.Write(r.EmployeeNumber, NpgsqlDbType.Varchar)),
        ("first_name", static (w, r) => w.Write(r.FirstName, NpgsqlDbType.Varchar)),
        ("last_name", static (w, r) => w.Write(r.LastName, NpgsqlDbType.Varchar)),
        ("email", static (w, r) => w.Write(r.Email, NpgsqlDbType.Varchar)),
        ("phone", static (w, r) => w.Write(r.Phone, NpgsqlDbType.Varchar)),
        ("role", static (w, r) => w.Write(r.Role, NpgsqlDbType.Varchar)),
        ("department", static (w, r) => w.Write(r.Department, NpgsqlDbType.Varchar)),
        ("branch_code", static (w, r) => w.Write(r.BranchCode, NpgsqlDbType.Varchar)),
        ("manager_id", static (w, r) => w.WriteText(r.ManagerId)),
        ("hire_date", static (w, r) => w.Write(r.HireDate, NpgsqlDbType.Date)),
        ("termination_date", static (w, r) => w.WriteNullable(r.TerminationDate, NpgsqlDbType.Date)),
        ("employment_status", static (w, r) => w.Write(r.EmploymentStatus, NpgsqlDbType.Varchar)),
        ("salary", static (w, r) => w.Write(r.Salary, NpgsqlDbType.Numeric)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    public static ITableLoad Departments(SeedContext ctx) => new TableLoad<DepartmentRow>(
        Database,
        "departments",
        DepartmentRows(ctx),
        ("department_id", static (w, r) => w.Write(r.DepartmentId, NpgsqlDbType.Varchar)),
        ("department_name", static (w, r) => w.Write(r.DepartmentName, NpgsqlDbType.Varchar)),
        ("department_head_id", static (w, r) => w.WriteText(r.DepartmentHeadId)),
        ("budget", static (w, r) => w.Write(r.Budget, NpgsqlDbType.Numeric)));

    public static ITableLoad TrainingPrograms(SeedContext ctx) => new TableLoad<TrainingProgramRow>(
        Database,
        "training_programs",
        TrainingProgramRows(ctx),
        ("program_id", static (w, r) => w.Write(r.ProgramId, NpgsqlDbType.Varchar)),
        ("program_name", static (w, r) => w.Write(r.ProgramName, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("duration_hours", static (w, r) => w.Write(r.DurationHours, NpgsqlDbType.Integer)),
        ("certification", static (w, r) => w.Write(r.Certification, NpgsqlDbType.Boolean)));

    private static IEnumerable<EmployeeRow> EmployeeRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("employees");
        var random = ctx.RandomFor("employees");
        var registry = ctx.Employees;
        registry.Reset();

        var seats = StaffingPlan.Create(ctx.Options.EmployeeCount, random);
        var headOfDepartment = new Dictionary<int, int>();
        for (var i = 0; i < seats.Count; i++)
        {
            if (seats[i].IsHead)
            {
                headOfDepartment[seats[i].Profile.DepartmentIndex] = i;
            }
        }

        for (var i = 0; i < seats.Count; i++)
        {
            var (profile, isHead) = seats[i];
            var firstName = faker.Name.FirstName();
            var lastName = faker.Name.LastName();

            // Heads were hired 8-10 years ago and stay: every event of the generated history
            // (at most 7 years old) can then find someone of the right role in post.
            var hireDate = ctx.AsOf.AddDays(isHead ? -random.Number(8 * 365, 10 * 365) : -random.Number(30, 10 * 365));
            var status = isHead ? "active" : EmploymentStatuses.Pick(random);
            DateOnly? terminationDate = null;
            if (status == "terminated")
            {
                terminationDate = random.DateBetween(hireDate.AddDays(30), ctx.AsOf);
            }

            int? manager = !isHead && headOfDepartment.TryGetValue(profile.DepartmentIndex, out var head) ? head : null;
            var salary = isHead
                ? random.Money(profile.MaxSalary * 0.95m, profile.MaxSalary * 1.25m)
                : random.Money(profile.MinSalary, profile.MaxSalary);

            // Head-office roles sit at the main branch.
            var branch = SeedIds.Branch(profile.WorksInBranch ? random.Number(0, SeedIds.BranchCount - 1) : 0);
            var number = SeedIds.EmployeeNumber(i);

            registry.Add(new EmployeeFact(profile.Role, profile.DepartmentIndex, hireDate, terminationDate, status, manager, isHead, salary));
            yield return new EmployeeRow(
                ctx.Ids.Employee(i),
                number,
                firstName,
                lastName,
                ContactDetails.Email(firstName, lastName, "." + number[1..], EmailDomain),
                ContactDetails.Phone(random),
                profile.Title,
                profile.Department,
                branch,
                manager is { } m ? ctx.Ids.Employee(m) : null,
                hireDate,
                terminationDate,
                status,
                salary,
                // The HR record is opened during onboarding, shortly before the first day.
                random.TimeOn(hireDate.AddDays(-random.Number(1, 14))));
        }
    }

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

    private static IEnumerable<TrainingProgramRow> TrainingProgramRows(SeedContext ctx)
    {
        for (var i = 0; i < TrainingCatalog.All.Count; i++)
        {
            var program = TrainingCatalog.All[i];
            yield return new TrainingProgramRow(ctx.Ids.Program(i), program.Name, program.Description, program.DurationHours, program.Certification);
        }
    }
}
