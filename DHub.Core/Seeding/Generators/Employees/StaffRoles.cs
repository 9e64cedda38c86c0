using DHub.Core.Schema;

namespace DHub.Core.Seeding.Generators.Employees;

internal enum StaffRole
{
    CustomerServiceRepresentative,
    LoanOfficer,
    InsuranceAgent,
    ComplianceOfficer,
    BranchManager,
    RiskAnalyst,
    ItSpecialist,
    HrSpecialist,
    MarketingSpecialist,
    OperationsAnalyst,
    FinancialAnalyst,
    InternalAuditor,
}

/// <summary>A job of the bank: its title, the department it belongs to, its share of the headcount and its salary band.</summary>
internal sealed record RoleProfile(
    StaffRole Role,
    string Title,
    string Department,
    double Share,
    decimal MinSalary,
    decimal MaxSalary,
    bool WorksInBranch)
{
    /// <summary>Position of the department in <see cref="Vocabularies.EmployeesDepartment"/>, which is also the departments row index.</summary>
    public int DepartmentIndex { get; } = IndexOfDepartment(Department);

    private static int IndexOfDepartment(string department)
    {
        var index = Vocabularies.EmployeesDepartment.Values.ToList().IndexOf(department);
        return index >= 0 ? index : throw new InvalidOperationException($"'{department}' is not a department.");
    }
}

/// <summary>
/// The twelve roles, one per department, so that every department has people and a head
/// (operations, finance and internal audit included).
/// </summary>
internal static class StaffRoles
{
    /// <summary>
    /// In staffing priority: when there are fewer employees than roles, the first roles are filled
    /// first, because later tables need a loan officer, a compliance officer and an insurance agent.
    /// Shares follow a retail bank's staffing (customer service about 40 %, loan officers 20 %, …).
    /// </summary>
    public static IReadOnlyList<RoleProfile> ByPriority { get; } =
    [
        new(StaffRole.LoanOfficer, "Loan Officer", "Lending", 0.19, 50_000m, 80_000m, true),
        new(StaffRole.ComplianceOfficer, "Compliance Officer", "Compliance & Risk", 0.10, 60_000m, 95_000m, false),
        new(StaffRole.InsuranceAgent, "Insurance Agent", "Insurance", 0.14, 45_000m, 75_000m, true),
        new(StaffRole.CustomerServiceRepresentative, "Customer Service Representative", "Customer Service", 0.38, 35_000m, 55_000m, true),
        new(StaffRole.BranchManager, "Branch Manager", "Retail Banking", 0.05, 70_000m, 120_000m, true),
        new(StaffRole.RiskAnalyst, "Risk Analyst", "Risk Management", 0.03, 65_000m, 100_000m, false),
        new(StaffRole.OperationsAnalyst, "Operations Analyst", "Operations", 0.02, 50_000m, 80_000m, false),
        new(StaffRole.FinancialAnalyst, "Financial Analyst", "Finance", 0.01, 65_000m, 105_000m, false),
        new(StaffRole.InternalAuditor, "Internal Auditor", "Internal Audit", 0.01, 70_000m, 110_000m, false),
        new(StaffRole.ItSpecialist, "IT Specialist", "Information Technology", 0.03, 70_000m, 110_000m, false),
        new(StaffRole.HrSpecialist, "HR Specialist", "Human Resources", 0.02, 55_000m, 85_000m, false),
        new(StaffRole.MarketingSpecialist, "Marketing Specialist", "Marketing", 0.02, 60_000m, 90_000m, false),
    ];
}

/// <summary>A set of roles that may perform some kind of work (approve loans, review AML checks, …).</summary>
internal sealed class StaffPool(string name, params StaffRole[] roles)
{
    public string Name { get; } = name;

    public IReadOnlyList<StaffRole> Roles { get; } = roles;

    public static readonly StaffPool LoanOfficers = new("loan officers", StaffRole.LoanOfficer);

    public static readonly StaffPool InsuranceAgents = new("insurance agents", StaffRole.InsuranceAgent);

    public static readonly StaffPool ComplianceOfficers = new("compliance officers", StaffRole.ComplianceOfficer);

    /// <summary>Tellers and branch staff who serve customers face to face.</summary>
    public static readonly StaffPool FrontOffice = new("front office", StaffRole.CustomerServiceRepresentative, StaffRole.BranchManager);

    /// <summary>Staff who can own a customer relationship (customer_profiles.assigned_agent_id, portfolios).</summary>
    public static readonly StaffPool RelationshipManagers = new(
        "relationship managers", StaffRole.CustomerServiceRepresentative, StaffRole.BranchManager, StaffRole.LoanOfficer, StaffRole.InsuranceAgent);

    public static readonly StaffPool RiskAssessors = new("risk assessors", StaffRole.RiskAnalyst, StaffRole.ComplianceOfficer);

    public static readonly StaffPool Auditors = new("auditors", StaffRole.InternalAuditor, StaffRole.ComplianceOfficer);

    public static readonly StaffPool ReportPreparers = new("report preparers", StaffRole.ComplianceOfficer, StaffRole.RiskAnalyst, StaffRole.FinancialAnalyst);

    public static readonly StaffPool ProjectStaff = new(
        "project staff", StaffRole.ItSpecialist, StaffRole.OperationsAnalyst, StaffRole.RiskAnalyst, StaffRole.MarketingSpecialist, StaffRole.FinancialAnalyst, StaffRole.InternalAuditor);

    public static readonly StaffPool BranchStaff = new(
        "branch staff", StaffRole.BranchManager, StaffRole.CustomerServiceRepresentative, StaffRole.LoanOfficer, StaffRole.InsuranceAgent);

    public override string ToString() => Name;
}
