using DHub.Core.Databases;

namespace DHub.Core.References;

/// <summary>
/// The one catalog of logical cross-database references. The seed pipeline's tests prove every
/// link has zero orphans; the DataHub metadata publishes the same links as foreign keys and
/// structured properties. Add a link here and both follow.
/// </summary>
public static class CrossDatabaseReferences
{
    private const string Employees = "employees";
    private const string EmployeeId = "employee_id";
    private const string Customers = "customers";
    private const string CustomerId = "customer_id";
    private const string Accounts = "accounts";
    private const string AccountId = "account_id";

    public static IReadOnlyList<CrossDatabaseReference> All { get; } =
    [
        // The 27 links of the reference system's dataconnections.yaml.
        ToCustomer(DemoDatabases.Loans, "loan_applications", CustomerId, "Customer who applied for the loan"),
        ToEmployee(DemoDatabases.Loans, "loan_applications", "officer_id", "Loan officer handling the application"),
        ToCustomer(DemoDatabases.Loans, "loans", CustomerId, "Borrower (the applicant of the originating application)"),
        ToAccount(DemoDatabases.Loans, "loans", "linked_account_id", "Account used for disbursement and repayments"),
        ToEmployee(DemoDatabases.Loans, "loans", "approved_by", "Loan officer who approved the loan"),
        ToEmployee(DemoDatabases.Loans, "risk_assessments", "assessed_by", "Risk or compliance officer who assessed the risk"),
        ToCustomer(DemoDatabases.Insurance, "policies", CustomerId, "Policy holder"),
        ToAccount(DemoDatabases.Insurance, "policies", "linked_account_id", "Account premiums are collected from"),
        ToEmployee(DemoDatabases.Insurance, "policies", "agent_id", "Insurance agent who sold the policy"),
        ToEmployee(DemoDatabases.Insurance, "claims", "processed_by", "Employee who processed the claim"),
        ToEmployee(DemoDatabases.Insurance, "policy_events", "performed_by", "Employee who performed the policy event"),
        ToAccount(DemoDatabases.Insurance, "premium_payments", "from_account_id", "Account the premium was paid from"),
        ToEmployee(DemoDatabases.Customer, "customer_profiles", "assigned_agent_id", "Relationship manager of the customer"),
        ToEmployee(DemoDatabases.Customer, "interactions", "handled_by", "Employee who handled the interaction"),
        ToEmployee(DemoDatabases.Customer, "complaints", "assigned_to", "Employee the complaint is assigned to"),
        ToCustomer(DemoDatabases.Compliance, "kyc_records", CustomerId, "Customer whose identity was verified"),
        ToEmployee(DemoDatabases.Compliance, "kyc_records", "verified_by", "Compliance officer who verified the identity"),
        ToCustomer(DemoDatabases.Compliance, "aml_checks", CustomerId, "Customer screened"),
        new(DemoDatabases.Compliance, "aml_checks", "transaction_id", DemoDatabases.Accounts, "transactions", "transaction_id", "Transaction that triggered the screening"),
        ToEmployee(DemoDatabases.Compliance, "aml_checks", "reviewed_by", "Compliance officer who reviewed the check"),
        ToCustomer(DemoDatabases.Compliance, "suspicious_activity_reports", CustomerId, "Customer the report is about"),
        ToAccount(DemoDatabases.Compliance, "suspicious_activity_reports", AccountId, "Account where the activity happened"),
        ToEmployee(DemoDatabases.Compliance, "suspicious_activity_reports", "filed_by", "Compliance officer who filed the report"),
        ToEmployee(DemoDatabases.Compliance, "regulatory_reports", "prepared_by", "Employee who prepared the report"),
        ToEmployee(DemoDatabases.Compliance, "regulatory_reports", "approved_by", "Senior officer who approved the report"),
        ToEmployee(DemoDatabases.Compliance, "audit_trails", "performed_by", "Employee who performed the audited action"),
        ToEmployee(DemoDatabases.Compliance, "rule_violations", "resolved_by", "Compliance officer who resolved the violation"),

        // Links the reference system populated but never declared.
        ToCustomer(DemoDatabases.Customer, "customer_profiles", CustomerId, "CRM profile of the core-banking customer (same id, one to one)"),
        ToEmployee(DemoDatabases.Accounts, "transactions", "processed_by", "Employee who processed the transaction; NULL when automated"),
        new(DemoDatabases.Employees, "employee_assignments", "related_entity_id", DemoDatabases.Accounts, Customers, CustomerId,
            "Customer in the employee's portfolio", "assignment_type = 'customer_portfolio'"),

        // Polymorphic entity references of the compliance tables, one link per entity type.
        Entity("audit_trails", "account", DemoDatabases.Accounts, Accounts, AccountId),
        Entity("audit_trails", "customer", DemoDatabases.Accounts, Customers, CustomerId),
        Entity("audit_trails", "loan", DemoDatabases.Loans, "loans", "loan_id"),
        Entity("audit_trails", "transaction", DemoDatabases.Accounts, "transactions", "transaction_id"),
        Entity("rule_violations", "transaction", DemoDatabases.Accounts, "transactions", "transaction_id"),
        Entity("rule_violations", "account", DemoDatabases.Accounts, Accounts, AccountId),
        Entity("rule_violations", "customer", DemoDatabases.Accounts, Customers, CustomerId),
    ];

    /// <summary>The links whose source column lives in <paramref name="database"/>.</summary>
    public static IEnumerable<CrossDatabaseReference> From(string database) =>
        All.Where(link => link.SourceDatabase == database);

    private static CrossDatabaseReference ToEmployee(string database, string table, string column, string description) =>
        new(database, table, column, DemoDatabases.Employees, Employees, EmployeeId, description);

    private static CrossDatabaseReference ToCustomer(string database, string table, string column, string description) =>
        new(database, table, column, DemoDatabases.Accounts, Customers, CustomerId, description);

    private static CrossDatabaseReference ToAccount(string database, string table, string column, string description) =>
        new(database, table, column, DemoDatabases.Accounts, Accounts, AccountId, description);

    private static CrossDatabaseReference Entity(string table, string entityType, string targetDatabase, string targetTable, string targetColumn) =>
        new(DemoDatabases.Compliance, table, "entity_id", targetDatabase, targetTable, targetColumn,
            $"The {entityType} the {(table == "audit_trails" ? "audited action" : "violation")} concerns", $"entity_type = '{entityType}'");
}
