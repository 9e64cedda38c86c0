-- =============================================================================
-- DHub demo bank - 06_init_compliance_db.sql
-- Database compliance_db: regulatory compliance (KYC records, AML checks,
-- suspicious activity reports, regulatory reports, audit trail, compliance
-- rules and rule violations).
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE compliance_db;
\c compliance_db

-- -----------------------------------------------------------------------------
-- kyc_records
-- -----------------------------------------------------------------------------
CREATE TABLE kyc_records (
    kyc_id            VARCHAR(50)  PRIMARY KEY,
    customer_id       VARCHAR(50)  NOT NULL,
    verification_date DATE         NOT NULL,
    kyc_status        VARCHAR(20)  NOT NULL
                      CHECK (kyc_status IN ('verified', 'pending', 'expired', 'rejected')),
    document_type     VARCHAR(100)
                      CHECK (document_type IN ('passport', 'drivers_license', 'national_id')),
    document_number   VARCHAR(100),
    expiry_date       DATE,
    verified_by       VARCHAR(50),
    next_review_date  DATE,
    risk_rating       VARCHAR(20)
                      CHECK (risk_rating IN ('low', 'medium', 'high'))
);

COMMENT ON TABLE kyc_records IS 'Know Your Customer (KYC) identity-verification records: one row per verification of a customer identity document.';
COMMENT ON COLUMN kyc_records.kyc_id IS 'Unique identifier of the KYC record (primary key).';
COMMENT ON COLUMN kyc_records.customer_id IS 'Verified customer. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN kyc_records.verification_date IS 'Date the verification was performed.';
COMMENT ON COLUMN kyc_records.kyc_status IS 'Outcome / current state of the verification. One of: verified, pending, expired, rejected.';
COMMENT ON COLUMN kyc_records.document_type IS 'Type of identity document checked. One of: passport, drivers_license, national_id.';
COMMENT ON COLUMN kyc_records.document_number IS 'Number of the identity document checked. Sensitive personal data.';
COMMENT ON COLUMN kyc_records.expiry_date IS 'Expiry date of the identity document.';
COMMENT ON COLUMN kyc_records.verified_by IS 'Compliance employee who performed the verification. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN kyc_records.next_review_date IS 'Date by which the KYC information must be refreshed.';
COMMENT ON COLUMN kyc_records.risk_rating IS 'Customer risk rating assigned during the verification. One of: low, medium, high.';

-- -----------------------------------------------------------------------------
-- aml_checks
-- -----------------------------------------------------------------------------
CREATE TABLE aml_checks (
    check_id         VARCHAR(50) PRIMARY KEY,
    customer_id      VARCHAR(50),
    transaction_id   VARCHAR(50),
    check_date       TIMESTAMP   DEFAULT CURRENT_TIMESTAMP,
    check_type       VARCHAR(50) NOT NULL
                     CHECK (check_type IN ('watchlist', 'sanctions', 'pep_screening', 'transaction_monitoring')),
    aml_flag         BOOLEAN     DEFAULT FALSE,
    risk_level       VARCHAR(20)
                     CHECK (risk_level IN ('low', 'medium', 'high')),
    screening_result TEXT,
    reviewed_by      VARCHAR(50)
);

COMMENT ON TABLE aml_checks IS 'Anti-money-laundering (AML) screenings of customers and transactions (watchlists, sanctions, politically exposed persons, transaction monitoring).';
COMMENT ON COLUMN aml_checks.check_id IS 'Unique identifier of the AML check (primary key).';
COMMENT ON COLUMN aml_checks.customer_id IS 'Customer screened. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN aml_checks.transaction_id IS 'Transaction screened, for transaction-level checks. Logical reference to accounts_db.public.transactions.transaction_id (cross-database, not enforced by PostgreSQL). NULL for customer-level checks.';
COMMENT ON COLUMN aml_checks.check_date IS 'Date and time the check was run.';
COMMENT ON COLUMN aml_checks.check_type IS 'Kind of screening. One of: watchlist, sanctions, pep_screening (politically exposed persons), transaction_monitoring.';
COMMENT ON COLUMN aml_checks.aml_flag IS 'TRUE when the check raised a money-laundering concern. Defaults to FALSE.';
COMMENT ON COLUMN aml_checks.risk_level IS 'Risk level resulting from the check. One of: low, medium, high.';
COMMENT ON COLUMN aml_checks.screening_result IS 'Details of the screening result, e.g. matches found.';
COMMENT ON COLUMN aml_checks.reviewed_by IS 'Compliance employee who reviewed the result. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- suspicious_activity_reports
-- -----------------------------------------------------------------------------
CREATE TABLE suspicious_activity_reports (
    sar_id          VARCHAR(50)   PRIMARY KEY,
    customer_id     VARCHAR(50),
    account_id      VARCHAR(50),
    report_date     DATE          NOT NULL,
    activity_type   VARCHAR(100)  NOT NULL
                    CHECK (activity_type IN ('structuring', 'unusual_pattern', 'high_risk_country')),
    description     TEXT          NOT NULL,
    sar_status      VARCHAR(50)   DEFAULT 'draft'
                    CHECK (sar_status IN ('draft', 'filed', 'under_review', 'closed')),
    filed_date      DATE,
    regulatory_tier VARCHAR(20)
                    CHECK (regulatory_tier IN ('tier1', 'tier2', 'tier3')),
    filed_by        VARCHAR(50),
    amount_involved DECIMAL(15,2)
);

COMMENT ON TABLE suspicious_activity_reports IS 'Suspicious Activity Reports (SARs) prepared and filed with the regulator about customers or accounts.';
COMMENT ON COLUMN suspicious_activity_reports.sar_id IS 'Unique identifier of the SAR (primary key).';
COMMENT ON COLUMN suspicious_activity_reports.customer_id IS 'Customer the report is about. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN suspicious_activity_reports.account_id IS 'Account involved, if any. Logical reference to accounts_db.public.accounts.account_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN suspicious_activity_reports.report_date IS 'Date the report was created.';
COMMENT ON COLUMN suspicious_activity_reports.activity_type IS 'Kind of suspicious activity. One of: structuring, unusual_pattern, high_risk_country.';
COMMENT ON COLUMN suspicious_activity_reports.description IS 'Narrative describing the suspicious activity.';
COMMENT ON COLUMN suspicious_activity_reports.sar_status IS 'Filing status of the report. One of: draft, filed, under_review, closed. Defaults to draft.';
COMMENT ON COLUMN suspicious_activity_reports.filed_date IS 'Date the report was filed with the regulator. NULL until filed.';
COMMENT ON COLUMN suspicious_activity_reports.regulatory_tier IS 'Regulatory classification tier of the report. One of: tier1, tier2, tier3.';
COMMENT ON COLUMN suspicious_activity_reports.filed_by IS 'Employee who filed the report. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN suspicious_activity_reports.amount_involved IS 'Total amount of money involved in the suspicious activity.';

-- -----------------------------------------------------------------------------
-- regulatory_reports
-- -----------------------------------------------------------------------------
CREATE TABLE regulatory_reports (
    report_id              VARCHAR(50)  PRIMARY KEY,
    report_type            VARCHAR(100) NOT NULL
                           CHECK (report_type IN ('capital_adequacy', 'liquidity', 'stress_test', 'quarterly_filing')),
    reporting_period_start DATE         NOT NULL,
    reporting_period_end   DATE         NOT NULL,
    submission_date        DATE,
    status                 VARCHAR(50)  DEFAULT 'pending'
                           CHECK (status IN ('pending', 'submitted', 'accepted', 'rejected')),
    prepared_by            VARCHAR(50),
    approved_by            VARCHAR(50)
);

COMMENT ON TABLE regulatory_reports IS 'Periodic regulatory reports submitted to the supervisory authorities (capital adequacy, liquidity, stress tests, quarterly filings).';
COMMENT ON COLUMN regulatory_reports.report_id IS 'Unique identifier of the report (primary key).';
COMMENT ON COLUMN regulatory_reports.report_type IS 'Kind of regulatory report. One of: capital_adequacy, liquidity, stress_test, quarterly_filing.';
COMMENT ON COLUMN regulatory_reports.reporting_period_start IS 'First day of the period covered by the report.';
COMMENT ON COLUMN regulatory_reports.reporting_period_end IS 'Last day of the period covered by the report.';
COMMENT ON COLUMN regulatory_reports.submission_date IS 'Date the report was submitted to the authority. NULL until submitted.';
COMMENT ON COLUMN regulatory_reports.status IS 'Submission status of the report. One of: pending, submitted, accepted, rejected. Defaults to pending.';
COMMENT ON COLUMN regulatory_reports.prepared_by IS 'Employee who prepared the report. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN regulatory_reports.approved_by IS 'Senior officer who approved the report. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- audit_trails
-- -----------------------------------------------------------------------------
CREATE TABLE audit_trails (
    audit_id     BIGSERIAL   PRIMARY KEY,
    entity_type  VARCHAR(50) NOT NULL
                 CHECK (entity_type IN ('account', 'customer', 'loan', 'transaction')),
    entity_id    VARCHAR(50) NOT NULL,
    action       VARCHAR(50) NOT NULL
                 CHECK (action IN ('create', 'update', 'delete', 'view')),
    performed_by VARCHAR(50) NOT NULL,
    performed_at TIMESTAMP   DEFAULT CURRENT_TIMESTAMP,
    old_value    TEXT,
    new_value    TEXT,
    ip_address   VARCHAR(45)
);

COMMENT ON TABLE audit_trails IS 'Audit log of critical actions performed by employees on accounts, customers, loans and transactions.';
COMMENT ON COLUMN audit_trails.audit_id IS 'Auto-incremented 64-bit identifier of the audit entry (primary key).';
COMMENT ON COLUMN audit_trails.entity_type IS 'Kind of entity acted upon, which tells what entity_id points to. One of: account, customer, loan, transaction.';
COMMENT ON COLUMN audit_trails.entity_id IS 'Polymorphic identifier of the entity acted upon, depending on entity_type: account = accounts_db.public.accounts.account_id, customer = accounts_db.public.customers.customer_id, loan = loans_db.public.loans.loan_id, transaction = accounts_db.public.transactions.transaction_id. Logical reference (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN audit_trails.action IS 'Action performed. One of: create, update, delete, view.';
COMMENT ON COLUMN audit_trails.performed_by IS 'Employee who performed the action. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN audit_trails.performed_at IS 'Date and time the action was performed.';
COMMENT ON COLUMN audit_trails.old_value IS 'Value before the change (NULL for create and view actions).';
COMMENT ON COLUMN audit_trails.new_value IS 'Value after the change (NULL for delete and view actions).';
COMMENT ON COLUMN audit_trails.ip_address IS 'Source IP address of the action, as text (45 characters fit an IPv6 address).';

-- -----------------------------------------------------------------------------
-- compliance_rules
-- -----------------------------------------------------------------------------
CREATE TABLE compliance_rules (
    rule_id         VARCHAR(50)   PRIMARY KEY,
    rule_name       VARCHAR(200)  NOT NULL,
    rule_type       VARCHAR(50)   NOT NULL
                    CHECK (rule_type IN ('transaction_limit', 'velocity_check', 'geographic_restriction')),
    description     TEXT,
    threshold_value DECIMAL(15,2),
    is_active       BOOLEAN       DEFAULT TRUE,
    created_date    DATE          NOT NULL
);

COMMENT ON TABLE compliance_rules IS 'Automated compliance rules (limits, velocity checks, geographic restrictions) with their trigger thresholds.';
COMMENT ON COLUMN compliance_rules.rule_id IS 'Unique identifier of the rule (primary key).';
COMMENT ON COLUMN compliance_rules.rule_name IS 'Short name of the rule.';
COMMENT ON COLUMN compliance_rules.rule_type IS 'Kind of rule. One of: transaction_limit, velocity_check, geographic_restriction.';
COMMENT ON COLUMN compliance_rules.description IS 'Description of what the rule checks.';
COMMENT ON COLUMN compliance_rules.threshold_value IS 'Numeric threshold that triggers the rule (an amount or a count, depending on rule_type).';
COMMENT ON COLUMN compliance_rules.is_active IS 'TRUE when the rule is currently enforced. Defaults to TRUE.';
COMMENT ON COLUMN compliance_rules.created_date IS 'Date the rule was created.';

-- -----------------------------------------------------------------------------
-- rule_violations
-- -----------------------------------------------------------------------------
CREATE TABLE rule_violations (
    violation_id     VARCHAR(50) PRIMARY KEY,
    rule_id          VARCHAR(50) NOT NULL REFERENCES compliance_rules(rule_id),
    entity_type      VARCHAR(50) NOT NULL
                     CHECK (entity_type IN ('transaction', 'account', 'customer')),
    entity_id        VARCHAR(50) NOT NULL,
    violation_date   TIMESTAMP   DEFAULT CURRENT_TIMESTAMP,
    severity         VARCHAR(20)
                     CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    status           VARCHAR(50) DEFAULT 'open'
                     CHECK (status IN ('open', 'investigating', 'resolved', 'false_positive')),
    resolution_notes TEXT,
    resolved_by      VARCHAR(50),
    resolved_date    DATE
);

COMMENT ON TABLE rule_violations IS 'Violations of compliance rules detected on transactions, accounts or customers, and their investigation and resolution.';
COMMENT ON COLUMN rule_violations.violation_id IS 'Unique identifier of the violation (primary key).';
COMMENT ON COLUMN rule_violations.rule_id IS 'Rule that was violated. References compliance_rules.rule_id.';
COMMENT ON COLUMN rule_violations.entity_type IS 'Kind of entity that violated the rule, which tells what entity_id points to. One of: transaction, account, customer.';
COMMENT ON COLUMN rule_violations.entity_id IS 'Polymorphic identifier of the violating entity, depending on entity_type: transaction = accounts_db.public.transactions.transaction_id, account = accounts_db.public.accounts.account_id, customer = accounts_db.public.customers.customer_id. Logical reference (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN rule_violations.violation_date IS 'Date and time the violation was detected.';
COMMENT ON COLUMN rule_violations.severity IS 'Severity of the violation. One of: low, medium, high, critical.';
COMMENT ON COLUMN rule_violations.status IS 'Investigation status of the violation. One of: open, investigating, resolved, false_positive. Defaults to open.';
COMMENT ON COLUMN rule_violations.resolution_notes IS 'Notes explaining how the violation was resolved or why it was a false positive.';
COMMENT ON COLUMN rule_violations.resolved_by IS 'Employee who resolved the violation. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN rule_violations.resolved_date IS 'Date the violation was resolved. NULL while open.';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_kyc_customer ON kyc_records(customer_id);
CREATE INDEX idx_aml_customer ON aml_checks(customer_id);
CREATE INDEX idx_sar_customer ON suspicious_activity_reports(customer_id);
CREATE INDEX idx_audit_entity ON audit_trails(entity_type, entity_id);
