-- =============================================================================
-- DHub demo bank - 05_init_loans_db.sql
-- Database loans_db: lending (loan applications, loans, collateral, repayment
-- schedules, guarantors and credit-risk assessments).
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE loans_db;
\c loans_db

-- -----------------------------------------------------------------------------
-- loan_applications
-- -----------------------------------------------------------------------------
CREATE TABLE loan_applications (
    application_id   VARCHAR(50)   PRIMARY KEY,
    customer_id      VARCHAR(50)   NOT NULL,
    loan_type        VARCHAR(50)   NOT NULL
                     CHECK (loan_type IN ('mortgage', 'personal', 'auto', 'business', 'education')),
    requested_amount DECIMAL(15,2) NOT NULL,
    application_date DATE          NOT NULL,
    status           VARCHAR(50)   DEFAULT 'pending'
                     CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    officer_id       VARCHAR(50),
    decision_date    DATE,
    approved_amount  DECIMAL(15,2),
    rejection_reason TEXT
);

COMMENT ON TABLE loan_applications IS 'Loan requests submitted by customers and the credit decision taken on them. Approved applications lead to a row in loans.';
COMMENT ON COLUMN loan_applications.application_id IS 'Unique identifier of the loan application (primary key).';
COMMENT ON COLUMN loan_applications.customer_id IS 'Applicant. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN loan_applications.loan_type IS 'Loan product requested. One of: mortgage, personal, auto, business, education.';
COMMENT ON COLUMN loan_applications.requested_amount IS 'Amount requested by the applicant.';
COMMENT ON COLUMN loan_applications.application_date IS 'Date the application was submitted.';
COMMENT ON COLUMN loan_applications.status IS 'Decision status of the application. One of: pending, approved, rejected, withdrawn. Defaults to pending.';
COMMENT ON COLUMN loan_applications.officer_id IS 'Loan officer handling the application. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN loan_applications.decision_date IS 'Date the application was approved or rejected. NULL while no decision has been made.';
COMMENT ON COLUMN loan_applications.approved_amount IS 'Amount granted. May be lower than requested_amount. NULL unless approved.';
COMMENT ON COLUMN loan_applications.rejection_reason IS 'Reason given for a rejection, e.g. Low credit score. NULL unless rejected.';

-- -----------------------------------------------------------------------------
-- loans
-- -----------------------------------------------------------------------------
CREATE TABLE loans (
    loan_id             VARCHAR(50)   PRIMARY KEY,
    application_id      VARCHAR(50)   REFERENCES loan_applications(application_id),
    loan_number         VARCHAR(30)   NOT NULL UNIQUE,
    customer_id         VARCHAR(50)   NOT NULL,
    linked_account_id   VARCHAR(50),
    loan_type           VARCHAR(50)   NOT NULL
                        CHECK (loan_type IN ('mortgage', 'personal', 'auto', 'business', 'education')),
    principal_amount    DECIMAL(15,2) NOT NULL,
    interest_rate       DECIMAL(5,4)  NOT NULL,
    term_months         INTEGER       NOT NULL,
    disbursement_date   DATE          NOT NULL,
    maturity_date       DATE          NOT NULL,
    loan_status         VARCHAR(50)   DEFAULT 'active'
                        CHECK (loan_status IN ('active', 'paid_off', 'defaulted', 'restructured')),
    outstanding_balance DECIMAL(15,2),
    default_status      BOOLEAN       DEFAULT FALSE,
    approved_by         VARCHAR(50)
);

COMMENT ON TABLE loans IS 'Disbursed loans, active and historical: one row per loan with its financial terms, status and outstanding balance.';
COMMENT ON COLUMN loans.loan_id IS 'Unique identifier of the loan (primary key).';
COMMENT ON COLUMN loans.application_id IS 'Application the loan originated from. References loan_applications.application_id. NULL when the loan has no recorded application.';
COMMENT ON COLUMN loans.loan_number IS 'Customer-facing loan number printed on contracts and statements. Unique.';
COMMENT ON COLUMN loans.customer_id IS 'Borrower. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN loans.linked_account_id IS 'Bank account used for disbursement and repayments. Logical reference to accounts_db.public.accounts.account_id (cross-database, not enforced by PostgreSQL). NULL when no account is linked.';
COMMENT ON COLUMN loans.loan_type IS 'Loan product (same vocabulary as loan_applications.loan_type). One of: mortgage, personal, auto, business, education.';
COMMENT ON COLUMN loans.principal_amount IS 'Principal amount disbursed to the borrower.';
COMMENT ON COLUMN loans.interest_rate IS 'Annual interest rate as a fraction (0.0525 = 5.25 percent).';
COMMENT ON COLUMN loans.term_months IS 'Duration of the loan, in months (number of monthly installments).';
COMMENT ON COLUMN loans.disbursement_date IS 'Date the funds were paid out to the borrower.';
COMMENT ON COLUMN loans.maturity_date IS 'Date the last payment is due.';
COMMENT ON COLUMN loans.loan_status IS 'Lifecycle status of the loan. One of: active, paid_off, defaulted, restructured. Defaults to active.';
COMMENT ON COLUMN loans.outstanding_balance IS 'Principal still to be repaid. 0 when the loan is paid off.';
COMMENT ON COLUMN loans.default_status IS 'TRUE when the loan is currently in default. Defaults to FALSE.';
COMMENT ON COLUMN loans.approved_by IS 'Employee who approved the loan. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- collateral
-- -----------------------------------------------------------------------------
CREATE TABLE collateral (
    collateral_id   VARCHAR(50)   PRIMARY KEY,
    loan_id         VARCHAR(50)   NOT NULL REFERENCES loans(loan_id),
    collateral_type VARCHAR(100)  NOT NULL
                    CHECK (collateral_type IN ('property', 'vehicle', 'equipment', 'securities')),
    description     TEXT,
    appraised_value DECIMAL(15,2) NOT NULL,
    appraisal_date  DATE,
    ltv_ratio       DECIMAL(5,4)
);

COMMENT ON TABLE collateral IS 'Assets pledged to secure loans, with their appraised value and loan-to-value ratio.';
COMMENT ON COLUMN collateral.collateral_id IS 'Unique identifier of the collateral item (primary key).';
COMMENT ON COLUMN collateral.loan_id IS 'Loan secured by this asset. References loans.loan_id.';
COMMENT ON COLUMN collateral.collateral_type IS 'Kind of asset pledged. One of: property, vehicle, equipment, securities.';
COMMENT ON COLUMN collateral.description IS 'Description of the asset, e.g. address of a property or make and model of a vehicle.';
COMMENT ON COLUMN collateral.appraised_value IS 'Value of the asset at its last appraisal.';
COMMENT ON COLUMN collateral.appraisal_date IS 'Date of the appraisal.';
COMMENT ON COLUMN collateral.ltv_ratio IS 'Loan-to-value ratio as a fraction: loan principal divided by appraised_value (0.8000 = 80 percent).';

-- -----------------------------------------------------------------------------
-- repayment_schedule
-- -----------------------------------------------------------------------------
CREATE TABLE repayment_schedule (
    schedule_id        SERIAL        PRIMARY KEY,
    loan_id            VARCHAR(50)   NOT NULL REFERENCES loans(loan_id),
    installment_number INTEGER       NOT NULL,
    due_date           DATE          NOT NULL,
    principal_amount   DECIMAL(15,2) NOT NULL,
    interest_amount    DECIMAL(15,2) NOT NULL,
    total_amount       DECIMAL(15,2) NOT NULL,
    payment_date       DATE,
    payment_status     VARCHAR(20)   DEFAULT 'pending'
                       CHECK (payment_status IN ('pending', 'paid', 'late', 'missed'))
);

COMMENT ON TABLE repayment_schedule IS 'Installment-by-installment repayment plan of each loan, with the actual payment outcome of each installment.';
COMMENT ON COLUMN repayment_schedule.schedule_id IS 'Auto-incremented identifier of the installment row (primary key).';
COMMENT ON COLUMN repayment_schedule.loan_id IS 'Loan the installment belongs to. References loans.loan_id.';
COMMENT ON COLUMN repayment_schedule.installment_number IS 'Sequence number of the installment within the loan, from 1 to loans.term_months.';
COMMENT ON COLUMN repayment_schedule.due_date IS 'Date the installment is due.';
COMMENT ON COLUMN repayment_schedule.principal_amount IS 'Principal part of the installment.';
COMMENT ON COLUMN repayment_schedule.interest_amount IS 'Interest part of the installment.';
COMMENT ON COLUMN repayment_schedule.total_amount IS 'Total installment amount (principal_amount + interest_amount).';
COMMENT ON COLUMN repayment_schedule.payment_date IS 'Date the installment was actually paid. NULL while unpaid.';
COMMENT ON COLUMN repayment_schedule.payment_status IS 'Payment status of the installment. One of: pending, paid, late, missed. Defaults to pending.';

-- -----------------------------------------------------------------------------
-- loan_guarantors
-- -----------------------------------------------------------------------------
CREATE TABLE loan_guarantors (
    guarantor_id     SERIAL        PRIMARY KEY,
    loan_id          VARCHAR(50)   NOT NULL REFERENCES loans(loan_id),
    guarantor_name   VARCHAR(200)  NOT NULL,
    relationship     VARCHAR(50)
                     CHECK (relationship IN ('spouse', 'parent', 'sibling', 'child', 'business_partner', 'friend', 'other')),
    contact_info     TEXT,
    guarantee_amount DECIMAL(15,2)
);

COMMENT ON TABLE loan_guarantors IS 'Third parties who guarantee repayment of a loan, with the amount they guarantee.';
COMMENT ON COLUMN loan_guarantors.guarantor_id IS 'Auto-incremented identifier of the guarantor (primary key).';
COMMENT ON COLUMN loan_guarantors.loan_id IS 'Guaranteed loan. References loans.loan_id.';
COMMENT ON COLUMN loan_guarantors.guarantor_name IS 'Full name of the guarantor.';
COMMENT ON COLUMN loan_guarantors.relationship IS 'Relationship of the guarantor to the borrower. One of: spouse, parent, sibling, child, business_partner, friend, other.';
COMMENT ON COLUMN loan_guarantors.contact_info IS 'Contact details of the guarantor (e-mail, phone) as free text.';
COMMENT ON COLUMN loan_guarantors.guarantee_amount IS 'Maximum amount the guarantor is liable for.';

-- -----------------------------------------------------------------------------
-- risk_assessments
-- -----------------------------------------------------------------------------
CREATE TABLE risk_assessments (
    assessment_id   SERIAL       PRIMARY KEY,
    loan_id         VARCHAR(50)  REFERENCES loans(loan_id),
    application_id  VARCHAR(50)  REFERENCES loan_applications(application_id),
    assessment_date DATE         NOT NULL,
    risk_score      INTEGER      CHECK (risk_score BETWEEN 0 AND 1000),
    pd_probability  DECIMAL(5,4),
    credit_grade    VARCHAR(10)
                    CHECK (credit_grade IN ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D')),
    assessed_by     VARCHAR(50)
);

COMMENT ON TABLE risk_assessments IS 'Credit-risk assessments, either of a loan application (before the decision) or of an existing loan (monitoring). Exactly one of loan_id and application_id is set on each row (a data convention, not enforced by a constraint).';
COMMENT ON COLUMN risk_assessments.assessment_id IS 'Auto-incremented identifier of the assessment (primary key).';
COMMENT ON COLUMN risk_assessments.loan_id IS 'Loan assessed, for monitoring assessments. References loans.loan_id (now an enforced foreign key). Exactly one of loan_id and application_id is set: NULL for application assessments.';
COMMENT ON COLUMN risk_assessments.application_id IS 'Loan application assessed, for pre-decision assessments. References loan_applications.application_id (now an enforced foreign key). Exactly one of loan_id and application_id is set: NULL for loan assessments.';
COMMENT ON COLUMN risk_assessments.assessment_date IS 'Date of the assessment.';
COMMENT ON COLUMN risk_assessments.risk_score IS 'Credit score on a 0 to 1000 scale (higher = lower risk).';
COMMENT ON COLUMN risk_assessments.pd_probability IS 'Estimated probability of default as a fraction (0.0500 = 5 percent).';
COMMENT ON COLUMN risk_assessments.credit_grade IS 'Credit grade, from best to worst. One of: AAA, AA, A, BBB, BB, B, CCC, CC, C, D.';
COMMENT ON COLUMN risk_assessments.assessed_by IS 'Employee (risk or compliance analyst) who performed the assessment. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_loans_customer ON loans(customer_id);
CREATE INDEX idx_applications_customer ON loan_applications(customer_id);
CREATE INDEX idx_schedule_loan ON repayment_schedule(loan_id);
