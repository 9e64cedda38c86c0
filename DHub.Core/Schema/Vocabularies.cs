namespace DHub.Core.Schema;

/// <summary>
/// Every vocabulary column of the six databases. The generators draw from these lists and the init
/// scripts enforce them with CHECK constraints; a test compares the two, so they cannot drift apart.
/// </summary>
public static class Vocabularies
{
    public static readonly Vocabulary EmployeesDepartment = new("employees_db", "employees", "department", ["Retail Banking", "Lending", "Insurance", "Compliance & Risk", "Operations", "Customer Service", "Risk Management", "Information Technology", "Human Resources", "Finance", "Internal Audit", "Marketing"]);

    public static readonly Vocabulary EmployeesEmploymentStatus = new("employees_db", "employees", "employment_status", ["active", "on_leave", "terminated"]);

    public static readonly Vocabulary EmployeeTrainingStatus = new("employees_db", "employee_training", "status", ["enrolled", "in_progress", "completed", "dropped"]);

    public static readonly Vocabulary EmployeeAssignmentsAssignmentType = new("employees_db", "employee_assignments", "assignment_type", ["customer_portfolio", "project", "branch_coverage"]);

    public static readonly Vocabulary CustomerProfilesCustomerSegment = new("customer_db", "customer_profiles", "customer_segment", ["retail", "premium", "corporate", "private_banking"]);

    public static readonly Vocabulary CustomerProfilesCustomerStatus = new("customer_db", "customer_profiles", "customer_status", ["active", "dormant", "closed"]);

    public static readonly Vocabulary CustomerProfilesKycStatus = new("customer_db", "customer_profiles", "kyc_status", ["verified", "pending", "expired", "rejected"]);

    public static readonly Vocabulary CustomerProfilesRiskRating = new("customer_db", "customer_profiles", "risk_rating", ["low", "medium", "high"]);

    public static readonly Vocabulary InteractionsInteractionType = new("customer_db", "interactions", "interaction_type", ["call", "email", "chat", "branch_visit", "complaint"]);

    public static readonly Vocabulary InteractionsChannel = new("customer_db", "interactions", "channel", ["phone", "email", "web", "mobile_app", "branch"]);

    public static readonly Vocabulary InteractionsOutcome = new("customer_db", "interactions", "outcome", ["resolved", "escalated", "follow_up_needed"]);

    public static readonly Vocabulary ComplaintsComplaintType = new("customer_db", "complaints", "complaint_type", ["service", "fee", "product", "fraud", "other"]);

    public static readonly Vocabulary ComplaintsStatus = new("customer_db", "complaints", "status", ["open", "investigating", "resolved", "closed"]);

    public static readonly Vocabulary ComplaintsPriority = new("customer_db", "complaints", "priority", ["low", "medium", "high", "critical"]);

    public static readonly Vocabulary CampaignsCampaignType = new("customer_db", "campaigns", "campaign_type", ["email", "direct_mail", "digital", "cross_sell"]);

    public static readonly Vocabulary CampaignsTargetSegment = new("customer_db", "campaigns", "target_segment", ["retail", "premium", "corporate", "private_banking", "all"]);

    public static readonly Vocabulary CampaignResponsesResponseType = new("customer_db", "campaign_responses", "response_type", ["clicked", "opened", "unsubscribed", "purchased"]);

    public static readonly Vocabulary AccountsAccountType = new("accounts_db", "accounts", "account_type", ["savings", "checking", "money_market", "cd"]);

    public static readonly Vocabulary AccountsAccountStatus = new("accounts_db", "accounts", "account_status", ["active", "frozen", "closed"]);

    public static readonly Vocabulary TransactionsTransactionType = new("accounts_db", "transactions", "transaction_type", ["deposit", "withdrawal", "transfer", "payment", "fee", "interest"]);

    public static readonly Vocabulary AccountRelationshipsRelationshipType = new("accounts_db", "account_relationships", "relationship_type", ["joint_owner", "beneficiary", "authorized_user"]);

    public static readonly Vocabulary PoliciesPolicyType = new("insurance_db", "policies", "policy_type", ["life", "property", "vehicle", "health", "travel"]);

    public static readonly Vocabulary PoliciesPolicyStatus = new("insurance_db", "policies", "policy_status", ["active", "lapsed", "cancelled", "matured"]);

    public static readonly Vocabulary PoliciesPremiumFrequency = new("insurance_db", "policies", "premium_frequency", ["monthly", "quarterly", "annual"]);

    public static readonly Vocabulary BeneficiariesRelationship = new("insurance_db", "beneficiaries", "relationship", ["spouse", "child", "parent", "sibling"]);

    public static readonly Vocabulary ClaimsClaimType = new("insurance_db", "claims", "claim_type", ["death", "accident", "property_damage", "medical"]);

    public static readonly Vocabulary ClaimsStatus = new("insurance_db", "claims", "status", ["submitted", "under_review", "approved", "rejected", "paid"]);

    public static readonly Vocabulary PremiumPaymentsPaymentMethod = new("insurance_db", "premium_payments", "payment_method", ["auto_debit", "check", "wire_transfer", "online"]);

    public static readonly Vocabulary PremiumPaymentsPaymentStatus = new("insurance_db", "premium_payments", "payment_status", ["completed", "pending", "failed", "reversed"]);

    public static readonly Vocabulary PolicyEventsEventType = new("insurance_db", "policy_events", "event_type", ["renewal", "modification", "cancellation", "reinstatement"]);

    public static readonly Vocabulary LoanApplicationsLoanType = new("loans_db", "loan_applications", "loan_type", ["mortgage", "personal", "auto", "business", "education"]);

    public static readonly Vocabulary LoanApplicationsStatus = new("loans_db", "loan_applications", "status", ["pending", "approved", "rejected", "withdrawn"]);

    public static readonly Vocabulary LoansLoanType = new("loans_db", "loans", "loan_type", ["mortgage", "personal", "auto", "business", "education"]);

    public static readonly Vocabulary LoansLoanStatus = new("loans_db", "loans", "loan_status", ["active", "paid_off", "defaulted", "restructured"]);

    public static readonly Vocabulary CollateralCollateralType = new("loans_db", "collateral", "collateral_type", ["property", "vehicle", "equipment", "securities"]);

    public static readonly Vocabulary RepaymentSchedulePaymentStatus = new("loans_db", "repayment_schedule", "payment_status", ["pending", "paid", "late", "missed"]);

    public static readonly Vocabulary LoanGuarantorsRelationship = new("loans_db", "loan_guarantors", "relationship", ["spouse", "parent", "sibling", "child", "business_partner", "friend", "other"]);

    public static readonly Vocabulary RiskAssessmentsCreditGrade = new("loans_db", "risk_assessments", "credit_grade", ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D"]);

    public static readonly Vocabulary KycRecordsKycStatus = new("compliance_db", "kyc_records", "kyc_status", ["verified", "pending", "expired", "rejected"]);

    public static readonly Vocabulary KycRecordsDocumentType = new("compliance_db", "kyc_records", "document_type", ["passport", "drivers_license", "national_id"]);

    public static readonly Vocabulary KycRecordsRiskRating = new("compliance_db", "kyc_records", "risk_rating", ["low", "medium", "high"]);

    public static readonly Vocabulary AmlChecksCheckType = new("compliance_db", "aml_checks", "check_type", ["watchlist", "sanctions", "pep_screening", "transaction_monitoring"]);

    public static readonly Vocabulary AmlChecksRiskLevel = new("compliance_db", "aml_checks", "risk_level", ["low", "medium", "high"]);

    public static readonly Vocabulary SuspiciousActivityReportsActivityType = new("compliance_db", "suspicious_activity_reports", "activity_type", ["structuring", "unusual_pattern", "high_risk_country"]);

    public static readonly Vocabulary SuspiciousActivityReportsSarStatus = new("compliance_db", "suspicious_activity_reports", "sar_status", ["draft", "filed", "under_review", "closed"]);

    public static readonly Vocabulary SuspiciousActivityReportsRegulatoryTier = new("compliance_db", "suspicious_activity_reports", "regulatory_tier", ["tier1", "tier2", "tier3"]);

    public static readonly Vocabulary RegulatoryReportsReportType = new("compliance_db", "regulatory_reports", "report_type", ["capital_adequacy", "liquidity", "stress_test", "quarterly_filing"]);

    public static readonly Vocabulary RegulatoryReportsStatus = new("compliance_db", "regulatory_reports", "status", ["pending", "submitted", "accepted", "rejected"]);

    public static readonly Vocabulary AuditTrailsEntityType = new("compliance_db", "audit_trails", "entity_type", ["account", "customer", "loan", "transaction"]);

    public static readonly Vocabulary AuditTrailsAction = new("compliance_db", "audit_trails", "action", ["create", "update", "delete", "view"]);

    public static readonly Vocabulary ComplianceRulesRuleType = new("compliance_db", "compliance_rules", "rule_type", ["transaction_limit", "velocity_check", "geographic_restriction"]);

    public static readonly Vocabulary RuleViolationsEntityType = new("compliance_db", "rule_violations", "entity_type", ["transaction", "account", "customer"]);

    public static readonly Vocabulary RuleViolationsSeverity = new("compliance_db", "rule_violations", "severity", ["low", "medium", "high", "critical"]);

    public static readonly Vocabulary RuleViolationsStatus = new("compliance_db", "rule_violations", "status", ["open", "investigating", "resolved", "false_positive"]);

    public static IReadOnlyList<Vocabulary> All { get; } =
    [
        EmployeesDepartment,
        EmployeesEmploymentStatus,
        EmployeeTrainingStatus,
        EmployeeAssignmentsAssignmentType,
        CustomerProfilesCustomerSegment,
        CustomerProfilesCustomerStatus,
        CustomerProfilesKycStatus,
        CustomerProfilesRiskRating,
        InteractionsInteractionType,
        InteractionsChannel,
        InteractionsOutcome,
        ComplaintsComplaintType,
        ComplaintsStatus,
        ComplaintsPriority,
        CampaignsCampaignType,
        CampaignsTargetSegment,
        CampaignResponsesResponseType,
        AccountsAccountType,
        AccountsAccountStatus,
        TransactionsTransactionType,
        AccountRelationshipsRelationshipType,
        PoliciesPolicyType,
        PoliciesPolicyStatus,
        PoliciesPremiumFrequency,
        BeneficiariesRelationship,
        ClaimsClaimType,
        ClaimsStatus,
        PremiumPaymentsPaymentMethod,
        PremiumPaymentsPaymentStatus,
        PolicyEventsEventType,
        LoanApplicationsLoanType,
        LoanApplicationsStatus,
        LoansLoanType,
        LoansLoanStatus,
        CollateralCollateralType,
        RepaymentSchedulePaymentStatus,
        LoanGuarantorsRelationship,
        RiskAssessmentsCreditGrade,
        KycRecordsKycStatus,
        KycRecordsDocumentType,
        KycRecordsRiskRating,
        AmlChecksCheckType,
        AmlChecksRiskLevel,
        SuspiciousActivityReportsActivityType,
        SuspiciousActivityReportsSarStatus,
        SuspiciousActivityReportsRegulatoryTier,
        RegulatoryReportsReportType,
        RegulatoryReportsStatus,
        AuditTrailsEntityType,
        AuditTrailsAction,
        ComplianceRulesRuleType,
        RuleViolationsEntityType,
        RuleViolationsSeverity,
        RuleViolationsStatus,
    ];
}
