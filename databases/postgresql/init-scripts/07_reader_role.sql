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
--
-- A read-only transaction still lets some built-in functions act beyond it: hold
-- the seeder's advisory lock, raise settings such as work_mem, cancel or end
-- other readers' queries, write WAL. They are granted to PUBLIC, so each section
-- takes them from PUBLIC and gives them back to the database's owner; only a
-- superuser can do that, and a non-superuser running this script gets a warning.
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
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;

\c customer_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;

\c accounts_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;

\c insurance_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;

\c loans_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;

\c compliance_db
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dhub_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO dhub_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO dhub_reader;
DO $$
DECLARE
  f regprocedure;
BEGIN
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE WARNING 'dhub_reader may still take advisory locks, call set_config and signal backends in %: only a superuser can revoke them', current_database();
    RETURN;
  END IF;
  FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
           WHERE p.pronamespace = 'pg_catalog'::regnamespace
             AND (p.proname ~ '^pg_(try_)?advisory_(xact_)?lock'
                  OR p.proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f,
                   (SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()));
  END LOOP;
END
$$;
