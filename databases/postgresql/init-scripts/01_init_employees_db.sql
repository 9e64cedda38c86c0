-- =============================================================================
-- DHub demo bank - 01_init_employees_db.sql
-- Database employees_db: HR data (employees, departments, performance reviews,
-- training catalogue and enrolments, employee assignments).
-- Runs via the postgres container entrypoint (psql) and via the DHub runner.
-- =============================================================================
CREATE DATABASE employees_db;
\c employees_db

-- -----------------------------------------------------------------------------
-- employees
-- -----------------------------------------------------------------------------
CREATE TABLE employees (
    employee_id       VARCHAR(50)  PRIMARY KEY,
    employee_number   VARCHAR(20)  NOT NULL UNIQUE,
    first_name        VARCHAR(100) NOT NULL,
    last_name         VARCHAR(100) NOT NULL,
    email             VARCHAR(150) UNIQUE,
    phone             VARCHAR(20),
    role              VARCHAR(100) NOT NULL,
    department        VARCHAR(100) NOT NULL
                      CHECK (department IN ('Retail Banking', 'Lending', 'Insurance', 'Compliance & Risk', 'Operations', 'Customer Service', 'Risk Management', 'Information Technology', 'Human Resources', 'Finance', 'Internal Audit', 'Marketing')),
    branch_code       VARCHAR(10),
    manager_id        VARCHAR(50)  REFERENCES employees(employee_id),
    hire_date         DATE         NOT NULL,
    termination_date  DATE,
    employment_status VARCHAR(20)  DEFAULT 'active'
                      CHECK (employment_status IN ('active', 'on_leave', 'terminated')),
    salary            DECIMAL(12,2),
    created_at        TIMESTAMP    DEFAULT CURRENT_TIMESTAMP
);

COMMENT ON TABLE employees IS 'HR master record of the bank''s staff: one row per employee, current or former. Other databases refer to employees.employee_id for relationship managers, loan officers, agents, reviewers and approvers.';
COMMENT ON COLUMN employees.employee_id IS 'System-generated unique identifier of the employee (primary key). Target of the logical cross-database references from customer_db, accounts_db, insurance_db, loans_db and compliance_db.';
COMMENT ON COLUMN employees.employee_number IS 'Human-readable staff number used by HR and on badges. Unique.';
COMMENT ON COLUMN employees.first_name IS 'Employee''s first (given) name.';
COMMENT ON COLUMN employees.last_name IS 'Employee''s last (family) name.';
COMMENT ON COLUMN employees.email IS 'Corporate e-mail address of the employee. Unique when present.';
COMMENT ON COLUMN employees.phone IS 'Work phone number of the employee.';
COMMENT ON COLUMN employees.role IS 'Job title / position of the employee, e.g. Loan Officer, Insurance Agent, Compliance Officer, Customer Service Representative.';
COMMENT ON COLUMN employees.department IS 'Display name of the employee''s department; one of the departments.department_name values: Retail Banking, Lending, Insurance, Compliance & Risk, Operations, Customer Service, Risk Management, Information Technology, Human Resources, Finance, Internal Audit, Marketing. Stored as text (join on departments.department_name), not as a foreign key.';
COMMENT ON COLUMN employees.branch_code IS 'Code of the branch where the employee works (e.g. BR001). There is no branch lookup table.';
COMMENT ON COLUMN employees.manager_id IS 'Direct manager of the employee. References employees.employee_id in this same table (self-reference). NULL when the employee has no manager.';
COMMENT ON COLUMN employees.hire_date IS 'Date the employee joined the bank.';
COMMENT ON COLUMN employees.termination_date IS 'Date employment ended. NULL while the employee is still employed.';
COMMENT ON COLUMN employees.employment_status IS 'Current employment status of the employee. One of: active, on_leave, terminated. Defaults to active.';
COMMENT ON COLUMN employees.salary IS 'Annual salary of the employee.';
COMMENT ON COLUMN employees.created_at IS 'Timestamp when this row was created.';

-- -----------------------------------------------------------------------------
-- departments
-- -----------------------------------------------------------------------------
CREATE TABLE departments (
    department_id      VARCHAR(50)  PRIMARY KEY,
    department_name    VARCHAR(100) NOT NULL UNIQUE,
    department_head_id VARCHAR(50)  REFERENCES employees(employee_id),
    budget             DECIMAL(15,2)
);

COMMENT ON TABLE departments IS 'Organisational units of the bank (12 departments). employees.department stores the department_name of this table as text.';
COMMENT ON COLUMN departments.department_id IS 'Unique identifier of the department (primary key).';
COMMENT ON COLUMN departments.department_name IS 'Official display name of the department, e.g. Retail Banking or Compliance & Risk. Unique. This is the value stored in employees.department.';
COMMENT ON COLUMN departments.department_head_id IS 'Employee who heads the department. References employees.employee_id. NULL when no head is assigned.';
COMMENT ON COLUMN departments.budget IS 'Annual budget of the department.';

-- -----------------------------------------------------------------------------
-- performance_reviews
-- -----------------------------------------------------------------------------
CREATE TABLE performance_reviews (
    review_id   SERIAL      PRIMARY KEY,
    employee_id VARCHAR(50) NOT NULL REFERENCES employees(employee_id),
    review_date DATE        NOT NULL,
    reviewer_id VARCHAR(50) NOT NULL REFERENCES employees(employee_id),
    rating      INTEGER     CHECK (rating BETWEEN 1 AND 5),
    goals_met   INTEGER,
    comments    TEXT
);

COMMENT ON TABLE performance_reviews IS 'Periodic performance evaluations: one row per review of one employee by a reviewer.';
COMMENT ON COLUMN performance_reviews.review_id IS 'Auto-incremented identifier of the review (primary key).';
COMMENT ON COLUMN performance_reviews.employee_id IS 'Employee being reviewed. References employees.employee_id.';
COMMENT ON COLUMN performance_reviews.review_date IS 'Date the review took place.';
COMMENT ON COLUMN performance_reviews.reviewer_id IS 'Employee who wrote the review, normally the manager. References employees.employee_id.';
COMMENT ON COLUMN performance_reviews.rating IS 'Overall performance score on a 1 to 5 scale (5 = best). Must be between 1 and 5.';
COMMENT ON COLUMN performance_reviews.goals_met IS 'Share of the agreed objectives reached in the period, as a percentage (0-100) or a count of goals.';
COMMENT ON COLUMN performance_reviews.comments IS 'Free-text feedback written by the reviewer.';

-- -----------------------------------------------------------------------------
-- training_programs
-- -----------------------------------------------------------------------------
CREATE TABLE training_programs (
    program_id     VARCHAR(50)  PRIMARY KEY,
    program_name   VARCHAR(200) NOT NULL,
    description    TEXT,
    duration_hours INTEGER,
    certification  BOOLEAN      DEFAULT FALSE
);

COMMENT ON TABLE training_programs IS 'Catalogue of training courses and certifications offered to employees (compliance, product, customer service, technical, leadership).';
COMMENT ON COLUMN training_programs.program_id IS 'Unique identifier of the training program (primary key).';
COMMENT ON COLUMN training_programs.program_name IS 'Name of the course, e.g. AML Training or Core Banking System.';
COMMENT ON COLUMN training_programs.description IS 'Description of the course content.';
COMMENT ON COLUMN training_programs.duration_hours IS 'Total length of the program, in hours.';
COMMENT ON COLUMN training_programs.certification IS 'TRUE when completing the program grants a certificate. Defaults to FALSE.';

-- -----------------------------------------------------------------------------
-- employee_training
-- -----------------------------------------------------------------------------
CREATE TABLE employee_training (
    training_record_id SERIAL      PRIMARY KEY,
    employee_id        VARCHAR(50) NOT NULL REFERENCES employees(employee_id),
    program_id         VARCHAR(50) NOT NULL REFERENCES training_programs(program_id),
    enrollment_date    DATE,
    completion_date    DATE,
    status             VARCHAR(50) DEFAULT 'enrolled'
                       CHECK (status IN ('enrolled', 'in_progress', 'completed', 'dropped')),
    score              INTEGER
);

COMMENT ON TABLE employee_training IS 'Enrolment and completion of employees in training programs: one row per employee per program.';
COMMENT ON COLUMN employee_training.training_record_id IS 'Auto-incremented identifier of the training record (primary key).';
COMMENT ON COLUMN employee_training.employee_id IS 'Enrolled employee. References employees.employee_id.';
COMMENT ON COLUMN employee_training.program_id IS 'Training program followed. References training_programs.program_id.';
COMMENT ON COLUMN employee_training.enrollment_date IS 'Date the employee enrolled in the program.';
COMMENT ON COLUMN employee_training.completion_date IS 'Date the employee completed the program. NULL until completed.';
COMMENT ON COLUMN employee_training.status IS 'Progress of the employee in the program. One of: enrolled, in_progress, completed, dropped. Defaults to enrolled.';
COMMENT ON COLUMN employee_training.score IS 'Final score obtained (typically 0-100), when the program is assessed and completed. NULL otherwise.';

-- -----------------------------------------------------------------------------
-- employee_assignments
-- -----------------------------------------------------------------------------
CREATE TABLE employee_assignments (
    assignment_id     SERIAL      PRIMARY KEY,
    employee_id       VARCHAR(50) NOT NULL REFERENCES employees(employee_id),
    assignment_type   VARCHAR(50) NOT NULL
                      CHECK (assignment_type IN ('customer_portfolio', 'project', 'branch_coverage')),
    related_entity_id VARCHAR(50),
    start_date        DATE        NOT NULL,
    end_date          DATE
);

COMMENT ON TABLE employee_assignments IS 'Assignments of employees to a customer portfolio, a project or a branch, with their validity period.';
COMMENT ON COLUMN employee_assignments.assignment_id IS 'Auto-incremented identifier of the assignment (primary key).';
COMMENT ON COLUMN employee_assignments.employee_id IS 'Assigned employee. References employees.employee_id.';
COMMENT ON COLUMN employee_assignments.assignment_type IS 'Kind of assignment, which also tells what related_entity_id points to. One of: customer_portfolio, project, branch_coverage.';
COMMENT ON COLUMN employee_assignments.related_entity_id IS 'Polymorphic identifier of the assigned entity, depending on assignment_type: customer_portfolio = logical reference to accounts_db.public.customers.customer_id, branch_coverage = a branch code (BRnnn), project = a project identifier. Cross-database / polymorphic, not enforced by PostgreSQL.';
COMMENT ON COLUMN employee_assignments.start_date IS 'Date the assignment started.';
COMMENT ON COLUMN employee_assignments.end_date IS 'Date the assignment ended. NULL while the assignment is ongoing.';

-- -----------------------------------------------------------------------------
-- Indexes
-- -----------------------------------------------------------------------------
CREATE INDEX idx_employees_department ON employees(department);
CREATE INDEX idx_employees_manager ON employees(manager_id);
CREATE INDEX idx_reviews_employee ON performance_reviews(employee_id);
