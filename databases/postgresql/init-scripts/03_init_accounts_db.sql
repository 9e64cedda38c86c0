-- =============================================================================
-- DHub demo bank - 03_init_accounts_db.sql
-- Database accounts_db: core banking (customer master, accounts, transactions,
-- account relationships). accounts_db.public.customers is the customer master
-- that the other databases refer to logically.
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE accounts_db;
\c accounts_db

-- -----------------------------------------------------------------------------
-- customers
-- -----------------------------------------------------------------------------
CREATE TABLE customers (
    customer_id   VARCHAR(50)  PRIMARY KEY,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    date_of_birth DATE,
    email         VARCHAR(150),
    phone         VARCHAR(20),
    created_at    TIMESTAMP    DEFAULT CURRENT_TIMESTAMP
);

COMMENT ON TABLE customers IS 'Core-banking customer master: one row per account holder. customer_id is the cross-system customer key used by customer_db, insurance_db, loans_db and compliance_db.';
COMMENT ON COLUMN customers.customer_id IS 'Unique identifier of the customer (primary key). Cross-system customer key: target of the logical references from customer_db.public.customer_profiles.customer_id (same value), insurance_db, loans_db and compliance_db.';
COMMENT ON COLUMN customers.first_name IS 'Customer''s first (given) name, as on official identity documents.';
COMMENT ON COLUMN customers.last_name IS 'Customer''s last (family) name, as on official identity documents.';
COMMENT ON COLUMN customers.date_of_birth IS 'Customer''s date of birth.';
COMMENT ON COLUMN customers.email IS 'Customer''s e-mail address.';
COMMENT ON COLUMN customers.phone IS 'Customer''s phone number.';
COMMENT ON COLUMN customers.created_at IS 'Timestamp when the customer record was created (start of the banking relationship).';

-- -----------------------------------------------------------------------------
-- accounts
-- -----------------------------------------------------------------------------
CREATE TABLE accounts (
    account_id     VARCHAR(50)   PRIMARY KEY,
    account_number VARCHAR(20)   NOT NULL UNIQUE,
    customer_id    VARCHAR(50)   NOT NULL REFERENCES customers(customer_id),
    account_type   VARCHAR(50)   NOT NULL
                   CHECK (account_type IN ('savings', 'checking', 'money_market', 'cd')),
    account_status VARCHAR(20)   DEFAULT 'active'
                   CHECK (account_status IN ('active', 'frozen', 'closed')),
    balance        DECIMAL(15,2) DEFAULT 0.00,
    currency       VARCHAR(3)    DEFAULT 'USD',
    opened_date    DATE          NOT NULL,
    closed_date    DATE,
    branch_code    VARCHAR(10)
);

COMMENT ON TABLE accounts IS 'Bank accounts (savings, checking, money market, certificates of deposit) owned by customers, with their current balance.';
COMMENT ON COLUMN accounts.account_id IS 'System identifier of the account (primary key). Target of the logical cross-database references from insurance_db, loans_db and compliance_db.';
COMMENT ON COLUMN accounts.account_number IS 'Account number printed on statements and used by customers. Unique.';
COMMENT ON COLUMN accounts.customer_id IS 'Owner of the account. References customers.customer_id.';
COMMENT ON COLUMN accounts.account_type IS 'Product type of the account. One of: savings, checking, money_market, cd (certificate of deposit).';
COMMENT ON COLUMN accounts.account_status IS 'Operational status of the account. One of: active, frozen, closed. Defaults to active.';
COMMENT ON COLUMN accounts.balance IS 'Current balance of the account, in the account currency. Defaults to 0.00.';
COMMENT ON COLUMN accounts.currency IS 'Currency of the account as an ISO 4217 three-letter code (e.g. USD, EUR, GBP, CAD). Defaults to USD.';
COMMENT ON COLUMN accounts.opened_date IS 'Date the account was opened.';
COMMENT ON COLUMN accounts.closed_date IS 'Date the account was closed. NULL while the account is open.';
COMMENT ON COLUMN accounts.branch_code IS 'Code of the branch where the account was opened (e.g. BR001). There is no branch lookup table.';

-- -----------------------------------------------------------------------------
-- transactions
-- -----------------------------------------------------------------------------
CREATE TABLE transactions (
    transaction_id       VARCHAR(50)   PRIMARY KEY,
    account_id           VARCHAR(50)   NOT NULL REFERENCES accounts(account_id),
    transaction_type     VARCHAR(50)   NOT NULL
                         CHECK (transaction_type IN ('deposit', 'withdrawal', 'transfer', 'payment', 'fee', 'interest')),
    transaction_amount   DECIMAL(15,2) NOT NULL,
    transaction_date     TIMESTAMP     DEFAULT CURRENT_TIMESTAMP,
    description          TEXT,
    balance_after        DECIMAL(15,2),
    counterparty_account VARCHAR(20),
    processed_by         VARCHAR(50)
);

COMMENT ON TABLE transactions IS 'Money movements on accounts: one row per posted transaction, with a signed amount and the running balance after it.';
COMMENT ON COLUMN transactions.transaction_id IS 'Unique identifier of the transaction (primary key). Target of the logical reference compliance_db.public.aml_checks.transaction_id.';
COMMENT ON COLUMN transactions.account_id IS 'Account the transaction is posted to. References accounts.account_id.';
COMMENT ON COLUMN transactions.transaction_type IS 'Kind of money movement. One of: deposit, withdrawal, transfer, payment, fee, interest.';
COMMENT ON COLUMN transactions.transaction_amount IS 'Signed amount in the account currency: positive = credit (money in: deposit, interest, incoming transfer), negative = debit (money out: withdrawal, payment, fee, outgoing transfer).';
COMMENT ON COLUMN transactions.transaction_date IS 'Date and time the transaction was processed.';
COMMENT ON COLUMN transactions.description IS 'Memo / description of the transaction as shown on the statement.';
COMMENT ON COLUMN transactions.balance_after IS 'Running balance of the account immediately after this transaction, in transaction_date order.';
COMMENT ON COLUMN transactions.counterparty_account IS 'Account NUMBER (not id) of the other party, for transfers and payments. NULL when there is no counterparty account.';
COMMENT ON COLUMN transactions.processed_by IS 'Employee who processed the transaction. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL). NULL for automated transactions.';

-- -----------------------------------------------------------------------------
-- account_relationships
-- -----------------------------------------------------------------------------
CREATE TABLE account_relationships (
    relationship_id    SERIAL      PRIMARY KEY,
    primary_account_id VARCHAR(50) NOT NULL REFERENCES accounts(account_id),
    related_account_id VARCHAR(50) NOT NULL REFERENCES accounts(account_id),
    relationship_type  VARCHAR(50) NOT NULL
                       CHECK (relationship_type IN ('joint_owner', 'beneficiary', 'authorized_user')),
    created_at         TIMESTAMP   DEFAULT CURRENT_TIMESTAMP
);

COMMENT ON TABLE account_relationships IS 'Links between two accounts, such as joint ownership, beneficiary designation or authorised use.';
COMMENT ON COLUMN account_relationships.relationship_id IS 'Auto-incremented identifier of the relationship (primary key).';
COMMENT ON COLUMN account_relationships.primary_account_id IS 'Main account of the relationship. References accounts.account_id.';
COMMENT ON COLUMN account_relationships.related_account_id IS 'Account linked to the primary account. References accounts.account_id.';
COMMENT ON COLUMN account_relationships.relationship_type IS 'Nature of the link between the two accounts. One of: joint_owner, beneficiary, authorized_user.';
COMMENT ON COLUMN account_relationships.created_at IS 'Timestamp when the relationship was created.';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_accounts_customer ON accounts(customer_id);
CREATE INDEX idx_transactions_account ON transactions(account_id);
CREATE INDEX idx_transactions_date ON transactions(transaction_date);
