using DHub.Core.Seeding.Generators.Accounts;
using DHub.Core.Seeding.Generators.Compliance;
using DHub.Core.Seeding.Generators.Customers;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Generators.Insurance;
using DHub.Core.Seeding.Generators.Loans;

namespace DHub.Core.Seeding;

/// <summary>
/// The seven phases of the seed pipeline and their tables, in load order. A table may only use
/// facts recorded by tables listed before it (e.g. departments name their head among the
/// employees, transactions replay the ledgers the accounts table planned).
/// </summary>
public static class SeedPhases
{
    public static IReadOnlyList<SeedPhase> All { get; } =
    [
        new(1, "foundation",
        [
            EmployeesDbGenerators.Employees,
            EmployeesDbGenerators.Departments,
            EmployeesDbGenerators.TrainingPrograms,
            AccountsDbGenerators.Customers,
            CustomerDbGenerators.CustomerProfiles,
        ]),
        new(2, "core banking",
        [
            AccountsDbGenerators.Accounts,
            AccountsDbGenerators.AccountRelationships,
            AccountsDbGenerators.Transactions,
        ]),
        new(3, "crm",
        [
            CrmGenerators.Campaigns,
            CrmGenerators.Interactions,
            CrmGenerators.SatisfactionSurveys,
            CrmGenerators.Complaints,
            CrmGenerators.CampaignResponses,
        ]),
        new(4, "employee development",
        [
            EmployeeDevelopmentGenerators.EmployeeTraining,
            EmployeeDevelopmentGenerators.PerformanceReviews,
            EmployeeDevelopmentGenerators.EmployeeAssignments,
        ]),
        new(5, "loans",
        [
            LoansDbGenerators.LoanApplications,
            LoansDbGenerators.Loans,
            LoansDbGenerators.Collateral,
            LoansDbGenerators.LoanGuarantors,
            LoansDbGenerators.RiskAssessments,
            // Last of loans_db: rebuilding its indexes, the biggest of all, then overlaps the insurance phase.
            LoansDbGenerators.RepaymentSchedule,
        ]),
        new(6, "insurance",
        [
            InsuranceDbGenerators.Policies,
            InsuranceDbGenerators.Beneficiaries,
            InsuranceDbGenerators.Claims,
            InsuranceDbGenerators.PremiumPayments,
            InsuranceDbGenerators.PolicyEvents,
        ]),
        new(7, "compliance",
        [
            ComplianceDbGenerators.ComplianceRules,
            ComplianceDbGenerators.KycRecords,
            AmlGenerators.AmlChecks,
            AmlGenerators.SuspiciousActivityReports,
            ComplianceDbGenerators.RegulatoryReports,
            AuditTrailGenerator.AuditTrails,
            ComplianceDbGenerators.RuleViolations,
        ]),
    ];
}
