using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>employees_db.employees: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class EmployeesTable
{
    private const string EmailDomain = "dhubbank.com";

    private static readonly WeightedChoice<string> EmploymentStatuses = VocabularyChoice.Of(
        Vocabularies.EmployeesEmploymentStatus, ("active", 0.90), ("on_leave", 0.04), ("terminated", 0.06));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<EmployeeRow>(
        EmployeesDb.Database,
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

    private static IEnumerable<EmployeeRow> EmployeeRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("employees");
        var random = ctx.RandomFor("employees");
        var registry = ctx.Employees;
        registry.Begin();

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

        registry.Complete();
    }
}

internal readonly record struct EmployeeRow(
    string EmployeeId,
    string EmployeeNumber,
    string FirstName,
    string LastName,
    string Email,
    string Phone,
    string Role,
    string Department,
    string BranchCode,
    string? ManagerId,
    DateOnly HireDate,
    DateOnly? TerminationDate,
    string EmploymentStatus,
    decimal Salary,
    DateTime CreatedAt);
