-- =============================================================================
-- DHub demo bank - 04_init_insurance_db.sql
-- Database insurance_db: insurance policies, beneficiaries, claims, premium
-- payments and policy lifecycle events.
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE insurance_db;
\c insurance_db

-- -----------------------------------------------------------------------------
-- policies
-- -----------------------------------------------------------------------------
CREATE TABLE policies (
    policy_id         VARCHAR(50)   PRIMARY KEY,
    policy_number     VARCHAR(30)   NOT NULL UNIQUE,
    customer_id       VARCHAR(50)   NOT NULL,
    policy_type       VARCHAR(50)   NOT NULL
                      CHECK (policy_type IN ('life', 'property', 'vehicle', 'health', 'travel')),
    policy_status     VARCHAR(20)   DEFAULT 'active'
                      CHECK (policy_status IN ('active', 'lapsed', 'cancelled', 'matured')),
    coverage_amount   DECIMAL(15,2) NOT NULL,
    premium_amount    DECIMAL(10,2) NOT NULL,
    premium_frequency VARCHAR(20)
                      CHECK (premium_frequency IN ('monthly', 'quarterly', 'annual')),
    start_date        DATE          NOT NULL,
    end_date          DATE,
    linked_account_id VARCHAR(50),
    agent_id          VARCHAR(50),
    created_at        TIMESTAMP     DEFAULT CURRENT_TIMESTAMP
);

COMMENT ON TABLE policies IS 'Insurance policies sold to bank customers: one row per policy, with coverage, premium terms and lifecycle status.';
COMMENT ON COLUMN policies.policy_id IS 'Unique identifier of the policy (primary key).';
COMMENT ON COLUMN policies.policy_number IS 'Customer-facing policy number printed on policy documents. Unique.';
COMMENT ON COLUMN policies.customer_id IS 'Policyholder. Logical reference to accounts_db.public.customers.customer_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN policies.policy_type IS 'Insurance product line. One of: life, property, vehicle, health, travel.';
COMMENT ON COLUMN policies.policy_status IS 'Lifecycle status of the policy. One of: active, lapsed, cancelled, matured. Defaults to active.';
COMMENT ON COLUMN policies.coverage_amount IS 'Maximum benefit payable under the policy (sum insured).';
COMMENT ON COLUMN policies.premium_amount IS 'Amount of each regular premium, due at the premium_frequency.';
COMMENT ON COLUMN policies.premium_frequency IS 'How often the premium is due. One of: monthly, quarterly, annual.';
COMMENT ON COLUMN policies.start_date IS 'Date cover starts.';
COMMENT ON COLUMN policies.end_date IS 'Expiry or maturity date of the policy. NULL for open-ended cover.';
COMMENT ON COLUMN policies.linked_account_id IS 'Bank account from which premiums are collected. Logical reference to accounts_db.public.accounts.account_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN policies.agent_id IS 'Insurance agent who sold the policy. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN policies.created_at IS 'Timestamp when the policy record was created.';

-- -----------------------------------------------------------------------------
-- beneficiaries
-- -----------------------------------------------------------------------------
CREATE TABLE beneficiaries (
    beneficiary_id   SERIAL       PRIMARY KEY,
    policy_id        VARCHAR(50)  NOT NULL REFERENCES policies(policy_id),
    beneficiary_name VARCHAR(200) NOT NULL,
    relationship     VARCHAR(50)
                     CHECK (relationship IN ('spouse', 'child', 'parent', 'sibling')),
    percentage       INTEGER      CHECK (percentage BETWEEN 0 AND 100),
    contact_info     TEXT
);

COMMENT ON TABLE beneficiaries IS 'Persons designated to receive the benefits of a policy, with their share.';
COMMENT ON COLUMN beneficiaries.beneficiary_id IS 'Auto-incremented identifier of the beneficiary designation (primary key).';
COMMENT ON COLUMN beneficiaries.policy_id IS 'Policy the beneficiary is designated on. References policies.policy_id.';
COMMENT ON COLUMN beneficiaries.beneficiary_name IS 'Full name of the beneficiary.';
COMMENT ON COLUMN beneficiaries.relationship IS 'Relationship of the beneficiary to the policyholder. One of: spouse, child, parent, sibling.';
COMMENT ON COLUMN beneficiaries.percentage IS 'Share of the benefit paid to this beneficiary, as a whole percentage from 0 to 100.';
COMMENT ON COLUMN beneficiaries.contact_info IS 'Contact details of the beneficiary (address, phone or e-mail) as free text.';

-- -----------------------------------------------------------------------------
-- claims
-- -----------------------------------------------------------------------------
CREATE TABLE claims (
    claim_id        VARCHAR(50)   PRIMARY KEY,
    policy_id       VARCHAR(50)   NOT NULL REFERENCES policies(policy_id),
    claim_number    VARCHAR(30)   NOT NULL UNIQUE,
    claim_type      VARCHAR(100)  NOT NULL
                    CHECK (claim_type IN ('death', 'accident', 'property_damage', 'medical')),
    claim_amount    DECIMAL(15,2) NOT NULL,
    claim_date      DATE          NOT NULL,
    status          VARCHAR(50)   DEFAULT 'submitted'
                    CHECK (status IN ('submitted', 'under_review', 'approved', 'rejected', 'paid')),
    approved_amount DECIMAL(15,2),
    settlement_date DATE,
    description     TEXT,
    processed_by    VARCHAR(50)
);

COMMENT ON TABLE claims IS 'Claims filed against insurance policies and their handling from submission to payment.';
COMMENT ON COLUMN claims.claim_id IS 'Unique identifier of the claim (primary key).';
COMMENT ON COLUMN claims.policy_id IS 'Policy the claim is made under. References policies.policy_id.';
COMMENT ON COLUMN claims.claim_number IS 'Customer-facing claim reference. Unique.';
COMMENT ON COLUMN claims.claim_type IS 'Kind of insured event claimed. One of: death, accident, property_damage, medical.';
COMMENT ON COLUMN claims.claim_amount IS 'Amount claimed by the policyholder.';
COMMENT ON COLUMN claims.claim_date IS 'Date the claim was filed.';
COMMENT ON COLUMN claims.status IS 'Processing status of the claim. One of: submitted, under_review, approved, rejected, paid. Defaults to submitted.';
COMMENT ON COLUMN claims.approved_amount IS 'Amount approved for payment. May differ from claim_amount. NULL until a decision is made.';
COMMENT ON COLUMN claims.settlement_date IS 'Date the approved amount was paid out. NULL until settled.';
COMMENT ON COLUMN claims.description IS 'Description of the insured event and the claim.';
COMMENT ON COLUMN claims.processed_by IS 'Claims handler. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- premium_payments
-- -----------------------------------------------------------------------------
CREATE TABLE premium_payments (
    payment_id      VARCHAR(50)   PRIMARY KEY,
    policy_id       VARCHAR(50)   NOT NULL REFERENCES policies(policy_id),
    payment_date    DATE          NOT NULL,
    amount          DECIMAL(10,2) NOT NULL,
    payment_method  VARCHAR(50)
                    CHECK (payment_method IN ('auto_debit', 'check', 'wire_transfer', 'online')),
    from_account_id VARCHAR(50),
    payment_status  VARCHAR(20)   DEFAULT 'completed'
                    CHECK (payment_status IN ('completed', 'pending', 'failed', 'reversed'))
);

COMMENT ON TABLE premium_payments IS 'Premium payments received (or attempted) for insurance policies.';
COMMENT ON COLUMN premium_payments.payment_id IS 'Unique identifier of the payment (primary key).';
COMMENT ON COLUMN premium_payments.policy_id IS 'Policy the premium is paid for. References policies.policy_id.';
COMMENT ON COLUMN premium_payments.payment_date IS 'Date of the payment.';
COMMENT ON COLUMN premium_payments.amount IS 'Amount paid.';
COMMENT ON COLUMN premium_payments.payment_method IS 'How the premium was paid. One of: auto_debit, check, wire_transfer, online.';
COMMENT ON COLUMN premium_payments.from_account_id IS 'Bank account debited for the payment. Logical reference to accounts_db.public.accounts.account_id (cross-database, not enforced by PostgreSQL). NULL when not paid from a bank account.';
COMMENT ON COLUMN premium_payments.payment_status IS 'Status of the payment. One of: completed, pending, failed, reversed. Defaults to completed.';

-- -----------------------------------------------------------------------------
-- policy_events
-- -----------------------------------------------------------------------------
CREATE TABLE policy_events (
    event_id     SERIAL      PRIMARY KEY,
    policy_id    VARCHAR(50) NOT NULL REFERENCES policies(policy_id),
    event_type   VARCHAR(50) NOT NULL
                 CHECK (event_type IN ('renewal', 'modification', 'cancellation', 'reinstatement')),
    event_date   DATE        NOT NULL,
    description  TEXT,
    performed_by VARCHAR(50)
);

COMMENT ON TABLE policy_events IS 'Lifecycle events of insurance policies (renewals, modifications, cancellations, reinstatements).';
COMMENT ON COLUMN policy_events.event_id IS 'Auto-incremented identifier of the event (primary key).';
COMMENT ON COLUMN policy_events.policy_id IS 'Policy concerned. References policies.policy_id.';
COMMENT ON COLUMN policy_events.event_type IS 'Kind of lifecycle event. One of: renewal, modification, cancellation, reinstatement.';
COMMENT ON COLUMN policy_events.event_date IS 'Date the event took effect.';
COMMENT ON COLUMN policy_events.description IS 'Details of the event, e.g. what was modified.';
COMMENT ON COLUMN policy_events.performed_by IS 'Employee who recorded the event. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL).';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_policies_customer ON policies(customer_id);
CREATE INDEX idx_claims_policy ON claims(policy_id);
CREATE INDEX idx_payments_policy ON premium_payments(policy_id);
