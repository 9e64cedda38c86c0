namespace DHub.Core.Seeding.Generators.Employees;

// One record per employees_db table; property names are the column names in PascalCase, in column order
// (SERIAL keys omitted: the database numbers those rows).

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

internal readonly record struct DepartmentRow(string DepartmentId, string DepartmentName, string? DepartmentHeadId, decimal Budget);

internal readonly record struct TrainingProgramRow(string ProgramId, string ProgramName, string Description, int DurationHours, bool Certification);

internal readonly record struct EmployeeTrainingRow(
    string EmployeeId,
    string ProgramId,
    DateOnly EnrollmentDate,
    DateOnly? CompletionDate,
    string Status,
    int? Score);

internal readonly record struct PerformanceReviewRow(
    string EmployeeId,
    DateOnly ReviewDate,
    string ReviewerId,
    int Rating,
    int GoalsMet,
    string Comments);

internal readonly record struct EmployeeAssignmentRow(
    string EmployeeId,
    string AssignmentType,
    string RelatedEntityId,
    DateOnly StartDate,
    DateOnly? EndDate);
