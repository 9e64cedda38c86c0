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
/// employees, transactions replay the ledgers the accounts table planned); reading facts whose
/// table has not been generated yet throws, naming that table and its phase.
/// </summary>
public static class SeedPhases
{
    public static IReadOnlyList<SeedPhase> All { get; } =
    [
        new(1, "foundation",
        [
            EmployeesTable.Load,
            DepartmentsTable.Load,
            TrainingProgramsTable.Load,
            CustomersTable.Load,
            CustomerProfilesTable.Load,
        ]),
        new(2, "core banking",
        [
            AccountsTable.Load,
            AccountRelationshipsTable.Load,
            TransactionsTable.Load,
        ]),
        new(3, "crm",
        [
            CampaignsTable.Load,
            InteractionsTable.Load,
            SatisfactionSurveysTable.Load,
            ComplaintsTable.Load,
            CampaignResponsesTable.Load,
        ]),
        new(4, "employee development",
        [
            EmployeeTrainingTable.Load,
            PerformanceReviewsTable.Load,
            EmployeeAssignmentsTable.Load,
        ]),
        new(5, "loans",
        [
            LoanApplicationsTable.Load,
            LoansTable.Load,
            CollateralTable.Load,
            LoanGuarantorsTable.Load,
            RiskAssessmentsTable.Load,
            // Last of loans_db: rebuilding its indexes, the biggest of all, then overlaps the insurance phase.
            RepaymentScheduleTable.Load,
        ]),
        new(6, "insurance",
        [
            PoliciesTable.Load,
            BeneficiariesTable.Load,
            ClaimsTable.Load,
            PremiumPaymentsTable.Load,
            PolicyEventsTable.Load,
        ]),
        new(7, "compliance",
        [
            ComplianceRulesTable.Load,
            KycRecordsTable.Load,
            AmlChecksTable.Load,
            SuspiciousActivityReportsTable.Load,
            RegulatoryReportsTable.Load,
            AuditTrailsTable.Load,
            RuleViolationsTable.Load,
        ]),
    ];
}
