namespace DHub.Core.Seeding.Generators.Employees;

/// <summary>A course of the training catalogue; <see cref="Audience"/> are the roles it is most relevant to.</summary>
internal sealed record TrainingProgram(string Name, int DurationHours, bool Certification, string Description, params StaffRole[] Audience);

/// <summary>The bank's 16 training programs (5 categories), each with its certification flag.</summary>
internal static class TrainingCatalog
{
    public static IReadOnlyList<TrainingProgram> All { get; } =
    [
        // compliance
        new("AML Training", 8, true, "Anti-money-laundering obligations: recognising structuring and unusual patterns, escalating alerts and filing suspicious activity reports.", StaffRole.ComplianceOfficer, StaffRole.CustomerServiceRepresentative, StaffRole.InternalAuditor),
        new("KYC Procedures", 4, true, "Customer due diligence: acceptable identity documents, verification steps, risk rating and periodic review.", StaffRole.ComplianceOfficer, StaffRole.CustomerServiceRepresentative),
        new("Regulatory Updates", 2, false, "Quarterly briefing on new banking, consumer-protection and reporting regulations.", StaffRole.ComplianceOfficer, StaffRole.RiskAnalyst, StaffRole.FinancialAnalyst),
        new("Ethics Training", 2, false, "Code of conduct, conflicts of interest, gifts and whistle-blowing channels.", StaffRole.InternalAuditor, StaffRole.HrSpecialist),

        // product
        new("Loan Products Overview", 8, false, "Mortgage, personal, auto, business and education loans: eligibility, pricing and documentation.", StaffRole.LoanOfficer, StaffRole.BranchManager),
        new("Insurance Fundamentals", 16, true, "Life, property, vehicle, health and travel cover; underwriting basics and claims handling.", StaffRole.InsuranceAgent),
        new("Investment Products", 24, true, "Money-market accounts, certificates of deposit and advisory products; suitability rules.", StaffRole.BranchManager, StaffRole.FinancialAnalyst),

        // customer service
        new("Customer Communication", 4, false, "Clear, empathetic communication across phone, chat, e-mail and branch conversations.", StaffRole.CustomerServiceRepresentative, StaffRole.MarketingSpecialist),
        new("Conflict Resolution", 8, false, "De-escalating complaints, finding fair remedies and documenting outcomes.", StaffRole.CustomerServiceRepresentative, StaffRole.BranchManager),
        new("Sales Techniques", 16, false, "Needs-based selling and cross-selling without pressure, within conduct rules.", StaffRole.InsuranceAgent, StaffRole.LoanOfficer, StaffRole.MarketingSpecialist),

        // technical
        new("Core Banking System", 24, false, "Accounts, transactions and branch operations in the core banking platform.", StaffRole.OperationsAnalyst, StaffRole.ItSpecialist, StaffRole.CustomerServiceRepresentative),
        new("CRM Software", 8, false, "Recording interactions, complaints and campaign responses in the CRM.", StaffRole.CustomerServiceRepresentative, StaffRole.MarketingSpecialist),
        new("Data Analytics", 40, true, "SQL, dashboards and statistics for risk, finance and marketing analysis.", StaffRole.RiskAnalyst, StaffRole.FinancialAnalyst, StaffRole.ItSpecialist),

        // leadership
        new("Team Management", 24, true, "Planning work, coaching and leading a team through change.", StaffRole.BranchManager),
        new("Performance Reviews", 4, false, "Setting goals, giving feedback and running fair annual reviews.", StaffRole.BranchManager, StaffRole.HrSpecialist),
        new("Strategic Planning", 16, false, "Budgeting, prioritisation and translating strategy into departmental plans.", StaffRole.FinancialAnalyst, StaffRole.OperationsAnalyst),
    ];
}
