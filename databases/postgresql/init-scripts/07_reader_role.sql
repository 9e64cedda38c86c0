-- =============================================================================
-- DHub demo bank - 07_reader_role.sql
-- The least-privilege role dhub_reader, which user-supplied read queries (ad-hoc
-- SQL from the DHub API) run as: it may connect to the six databases and SELECT
-- their tables, nothing else, and its sessions are read-only by default. The
-- application sets its password at run time.
--
-- Runs after the six database scripts: through the postgres container's
-- entrypoint (psql, once, in the default database) and through the DHub runner
-- (on every start, so every statement here must be repeatable). The statements
-- before the first \c run in that default database; each \c section then runs
-- the same grants in one database, and a test keeps the sections identical.
-- =============================================================================
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'dhub_reader') THEN
    CREATE ROLE dhub_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
  END IF;
END
$$;
ALTER ROLE dhub_reader SET default_transaction_read_only = on;

-- Only the owner, superusers and dhub_reader may connect, and nobody but the owner creates temporary tables.
REVOKE ALL ON DATABASE employees_db, customer_db, accounts_db, insurance_db, loans_db, compliance_db FROM PUBLIC;
GRANT CONNECT ON DATABASE employees_db, customer_db, accounts_db, insurance_db, loans_db, compliance_db TO dhub_reader;

\c employees_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;

\c customer_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;

\c accounts_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;

\c insurance_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;

\c loans_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;

\c compliance_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
