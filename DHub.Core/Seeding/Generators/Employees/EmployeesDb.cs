namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>
/// employees_db: the staff, their departments and the training catalogue (phase 1), then training
/// records, performance reviews and assignments (phase 4).
/// </summary>
internal static class EmployeesDb
{
    internal const string Database = "employees_db";
}
