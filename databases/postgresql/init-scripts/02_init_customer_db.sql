-- =============================================================================
-- DHub demo bank - 02_init_customer_db.sql
-- Database customer_db: CRM data (customer profiles, interactions, satisfaction
-- surveys, complaints, marketing campaigns and campaign responses).
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE customer_db;
\c customer_db

-- -----------------------------------------------------------------------------
-- customer_profiles
-- -----------------------------------------------------------------------------
CREATE TABLE customer_profiles (
    customer_id       VARCHAR(50)  PRIMARY KEY,
    full_name         VARCHAR(200) NOT NULL,
    email             VARCHAR(150),
    phone             VARCHAR(20),
    address           TEXT,
    city              VARCHAR(100),
    country           VARCHAR(100),
    customer_segment  VARCHAR(50)
                      CHECK (customer_segment IN ('retail', 'premium', 'corporate', 'private_banking')),
    customer_status   VARCHAR(20)  DEFAULT 'active'
                      CHECK (customer_status IN ('active', 'dormant', 'closed')),
    onboarding_date   DATE         NOT NULL,
    assigned_agent_id VARCHAR(50),
    kyc_status        VARCHAR(20)
                      CHECK (kyc_status IN ('verified', 'pending', 'expired', 'rejected')),
    risk_rating       VARCHAR(20)
                      CHECK (risk_rating IN ('low', 'medium', 'high')),
    created_at        TIMESTAMP    DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP    DEFAULT CURRENT_TIMESTAMP
);

COMMENT ON TABLE customer_profiles IS 'CRM view of each customer: contact details, segment, lifecycle status, relationship manager, KYC status and risk rating. One row per customer, keyed by the same customer_id as the core-banking customer master accounts_db.public.customers.';
COMMENT ON COLUMN customer_profiles.customer_id IS 'Customer identifier shared by all systems (primary key). Logical reference to accounts_db.public.customers.customer_id, same id value, one profile per customer (cross-database, not enforced by PostgreSQL).';
COMMENT ON COLUMN customer_profiles.full_name IS 'Customer''s full name (first and last name).';
COMMENT ON COLUMN customer_profiles.email IS 'Main e-mail address used for communication and alerts.';
COMMENT ON COLUMN customer_profiles.phone IS 'Main contact phone number.';
COMMENT ON COLUMN customer_profiles.address IS 'Full home address (street, city, state, postal code).';
COMMENT ON COLUMN customer_profiles.city IS 'City of residence.';
COMMENT ON COLUMN customer_profiles.country IS 'Country of residence.';
COMMENT ON COLUMN customer_profiles.customer_segment IS 'Commercial segment of the customer. One of: retail, premium, corporate, private_banking.';
COMMENT ON COLUMN customer_profiles.customer_status IS 'Lifecycle status of the customer relationship. One of: active, dormant, closed. Defaults to active.';
COMMENT ON COLUMN customer_profiles.onboarding_date IS 'Date the customer relationship started.';
COMMENT ON COLUMN customer_profiles.assigned_agent_id IS 'Relationship manager. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL). NULL when no manager is assigned.';
COMMENT ON COLUMN customer_profiles.kyc_status IS 'Know Your Customer (identity verification) status. One of: verified, pending, expired, rejected.';
COMMENT ON COLUMN customer_profiles.risk_rating IS 'Customer risk rating used for compliance and credit decisions. One of: low, medium, high.';
COMMENT ON COLUMN customer_profiles.created_at IS 'Timestamp when the profile was created.';
COMMENT ON COLUMN customer_profiles.updated_at IS 'Timestamp of the last update of the profile. Set on insert only (no trigger maintains it).';

-- -----------------------------------------------------------------------------
-- interactions
-- -----------------------------------------------------------------------------
CREATE TABLE interactions (
    interaction_id   VARCHAR(50) PRIMARY KEY,
    customer_id      VARCHAR(50) NOT NULL REFERENCES customer_profiles(customer_id),
    interaction_type VARCHAR(50) NOT NULL
                     CHECK (interaction_type IN ('call', 'email', 'chat', 'branch_visit', 'complaint')),
    channel          VARCHAR(50)
                     CHECK (channel IN ('phone', 'email', 'web', 'mobile_app', 'branch')),
    interaction_date TIMESTAMP   DEFAULT CURRENT_TIMESTAMP,
    duration_minutes INTEGER,
    notes            TEXT,
    handled_by       VARCHAR(50),
    outcome          VARCHAR(50)
                     CHECK (outcome IN ('resolved', 'escalated', 'follow_up_needed'))
);

COMMENT ON TABLE interactions IS 'Contact events between the bank and a customer on any channel (calls, e-mails, chats, branch visits, complaints).';
COMMENT ON COLUMN interactions.interaction_id IS 'Unique identifier of the interaction (primary key).';
COMMENT ON COLUMN interactions.customer_id IS 'Customer involved. References customer_profiles.customer_id.';
COMMENT ON COLUMN interactions.interaction_type IS 'Kind of interaction. One of: call, email, chat, branch_visit, complaint.';
COMMENT ON COLUMN interactions.channel IS 'Channel through which the interaction happened. One of: phone, email, web, mobile_app, branch.';
COMMENT ON COLUMN interactions.interaction_date IS 'Date and time of the interaction.';
COMMENT ON COLUMN interactions.duration_minutes IS 'Duration of the interaction, in minutes.';
COMMENT ON COLUMN interactions.notes IS 'Free-text notes written by the employee who handled the interaction.';
COMMENT ON COLUMN interactions.handled_by IS 'Employee who handled the interaction. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL). NULL when not handled by a person.';
COMMENT ON COLUMN interactions.outcome IS 'Result of the interaction. One of: resolved, escalated, follow_up_needed.';

-- -----------------------------------------------------------------------------
-- satisfaction_surveys
-- -----------------------------------------------------------------------------
CREATE TABLE satisfaction_surveys (
    survey_id           SERIAL      PRIMARY KEY,
    customer_id         VARCHAR(50) NOT NULL REFERENCES customer_profiles(customer_id),
    interaction_id      VARCHAR(50) REFERENCES interactions(interaction_id),
    nps_score           INTEGER     CHECK (nps_score BETWEEN 0 AND 10),
    satisfaction_rating INTEGER     CHECK (satisfaction_rating BETWEEN 1 AND 5),
    survey_date         DATE        NOT NULL,
    comments            TEXT
);

COMMENT ON TABLE satisfaction_surveys IS 'Customer satisfaction survey answers (Net Promoter Score and 1-5 star rating), optionally linked to the interaction that was surveyed.';
COMMENT ON COLUMN satisfaction_surveys.survey_id IS 'Auto-incremented identifier of the survey answer (primary key).';
COMMENT ON COLUMN satisfaction_surveys.customer_id IS 'Customer who answered. References customer_profiles.customer_id.';
COMMENT ON COLUMN satisfaction_surveys.interaction_id IS 'Interaction the survey is about. References interactions.interaction_id. NULL for surveys not tied to an interaction.';
COMMENT ON COLUMN satisfaction_surveys.nps_score IS 'Net Promoter Score answer, from 0 (would not recommend) to 10 (would certainly recommend). 9-10 = promoter, 7-8 = passive, 0-6 = detractor.';
COMMENT ON COLUMN satisfaction_surveys.satisfaction_rating IS 'Overall satisfaction on a 1 to 5 star scale (5 = very satisfied).';
COMMENT ON COLUMN satisfaction_surveys.survey_date IS 'Date the survey was answered.';
COMMENT ON COLUMN satisfaction_surveys.comments IS 'Free-text feedback given by the customer.';

-- -----------------------------------------------------------------------------
-- complaints
-- -----------------------------------------------------------------------------
CREATE TABLE complaints (
    complaint_id          VARCHAR(50)  PRIMARY KEY,
    customer_id           VARCHAR(50)  NOT NULL REFERENCES customer_profiles(customer_id),
    complaint_type        VARCHAR(100) NOT NULL
                          CHECK (complaint_type IN ('service', 'fee', 'product', 'fraud', 'other')),
    description           TEXT,
    status                VARCHAR(50)  DEFAULT 'open'
                          CHECK (status IN ('open', 'investigating', 'resolved', 'closed')),
    priority              VARCHAR(20)
                          CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    filed_date            TIMESTAMP    DEFAULT CURRENT_TIMESTAMP,
    resolved_date         TIMESTAMP,
    resolution_time_hours INTEGER,
    assigned_to           VARCHAR(50)
);

COMMENT ON TABLE complaints IS 'Formal customer complaints and the tracking of their resolution.';
COMMENT ON COLUMN complaints.complaint_id IS 'Unique identifier of the complaint (primary key).';
COMMENT ON COLUMN complaints.customer_id IS 'Customer who filed the complaint. References customer_profiles.customer_id.';
COMMENT ON COLUMN complaints.complaint_type IS 'Subject of the complaint. One of: service, fee, product, fraud, other.';
COMMENT ON COLUMN complaints.description IS 'Description of the complaint as reported by the customer.';
COMMENT ON COLUMN complaints.status IS 'Processing status of the complaint. One of: open, investigating, resolved, closed. Defaults to open.';
COMMENT ON COLUMN complaints.priority IS 'Handling priority of the complaint. One of: low, medium, high, critical.';
COMMENT ON COLUMN complaints.filed_date IS 'Date and time the complaint was filed.';
COMMENT ON COLUMN complaints.resolved_date IS 'Date and time the complaint was resolved. NULL while unresolved.';
COMMENT ON COLUMN complaints.resolution_time_hours IS 'Time from filing to resolution, in hours. NULL while unresolved.';
COMMENT ON COLUMN complaints.assigned_to IS 'Employee in charge of the complaint. Logical reference to employees_db.public.employees.employee_id (cross-database, not enforced by PostgreSQL). NULL when unassigned.';

-- -----------------------------------------------------------------------------
-- campaigns
-- -----------------------------------------------------------------------------
CREATE TABLE campaigns (
    campaign_id    VARCHAR(50)  PRIMARY KEY,
    campaign_name  VARCHAR(200) NOT NULL,
    campaign_type  VARCHAR(50)
                   CHECK (campaign_type IN ('email', 'direct_mail', 'digital', 'cross_sell')),
    start_date     DATE,
    end_date       DATE,
    target_segment VARCHAR(50)
                   CHECK (target_segment IN ('retail', 'premium', 'corporate', 'private_banking', 'all'))
);

COMMENT ON TABLE campaigns IS 'Marketing campaigns run by the bank, with their type, period and target customer segment.';
COMMENT ON COLUMN campaigns.campaign_id IS 'Unique identifier of the campaign (primary key).';
COMMENT ON COLUMN campaigns.campaign_name IS 'Name of the campaign, e.g. Summer Savings Boost.';
COMMENT ON COLUMN campaigns.campaign_type IS 'Kind of campaign. One of: email, direct_mail, digital, cross_sell.';
COMMENT ON COLUMN campaigns.start_date IS 'First day of the campaign.';
COMMENT ON COLUMN campaigns.end_date IS 'Last day of the campaign.';
COMMENT ON COLUMN campaigns.target_segment IS 'Customer segment targeted by the campaign (see customer_profiles.customer_segment). One of: retail, premium, corporate, private_banking, all (all = every segment).';

-- -----------------------------------------------------------------------------
-- campaign_responses
-- -----------------------------------------------------------------------------
CREATE TABLE campaign_responses (
    response_id   SERIAL      PRIMARY KEY,
    campaign_id   VARCHAR(50) NOT NULL REFERENCES campaigns(campaign_id),
    customer_id   VARCHAR(50) NOT NULL REFERENCES customer_profiles(customer_id),
    response_date DATE,
    response_type VARCHAR(50)
                  CHECK (response_type IN ('clicked', 'opened', 'unsubscribed', 'purchased')),
    converted     BOOLEAN     DEFAULT FALSE
);

COMMENT ON TABLE campaign_responses IS 'Customer reactions to marketing campaigns: one row per response of a customer to a campaign.';
COMMENT ON COLUMN campaign_responses.response_id IS 'Auto-incremented identifier of the response (primary key).';
COMMENT ON COLUMN campaign_responses.campaign_id IS 'Campaign responded to. References campaigns.campaign_id.';
COMMENT ON COLUMN campaign_responses.customer_id IS 'Responding customer. References customer_profiles.customer_id.';
COMMENT ON COLUMN campaign_responses.response_date IS 'Date of the response.';
COMMENT ON COLUMN campaign_responses.response_type IS 'Kind of reaction. One of: clicked, opened, unsubscribed, purchased.';
COMMENT ON COLUMN campaign_responses.converted IS 'TRUE when the response led to a conversion (a product was taken up). Defaults to FALSE.';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_interactions_customer ON interactions(customer_id);
CREATE INDEX idx_complaints_customer ON complaints(customer_id);
CREATE INDEX idx_satisfaction_customer ON satisfaction_surveys(customer_id);
