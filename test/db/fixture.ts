/**
 * A clinic database with PHI where it must not be (object names, descriptions, a role) and
 * settings that copy row values into logs, next to near-misses that are the right way to keep PHI.
 * Every name and value is invented.
 */
export const CLINIC_SQL = `
CREATE SCHEMA intake;

-- near-misses: PHI-bearing fields in a patients table, generated constraint, index and sequence names
CREATE TABLE intake.patients (
  id bigserial PRIMARY KEY,
  ssn text UNIQUE,
  date_of_birth date NOT NULL,
  mrn text,
  email text CHECK (email LIKE '%@%')
);
CREATE INDEX ON intake.patients (date_of_birth);
CREATE TABLE intake.hiv_test_results (id int PRIMARY KEY, patient_id bigint REFERENCES intake.patients (id), result text);
CREATE TABLE intake.visits (id int, visit_on date NOT NULL) PARTITION BY RANGE (visit_on);
CREATE TABLE intake.visits_2024_01 PARTITION OF intake.visits FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE intake.visits_2024_02 PARTITION OF intake.visits FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE INDEX visits_visit_on_idx ON intake.visits (visit_on);
CREATE TYPE intake.triage AS ENUM ('routine', 'urgent');
COMMENT ON COLUMN intake.patients.date_of_birth IS 'Date of birth, ISO 8601.';
COMMENT ON COLUMN intake.patients.ssn IS 'Social security number; masked in every export.';

-- PHI in names
CREATE TABLE intake.followup_theodora_vasquez (id int, note_id int);
CREATE VIEW intake.recent_intakes AS SELECT id, date_of_birth AS dob_maribel_quintero FROM intake.patients;
CREATE INDEX ix_mrn_00731266_lookup ON intake.patients (mrn);
CREATE ROLE leopold_brandt_1952;
CREATE FUNCTION intake.export_for_gustavo_lindqvist() RETURNS int LANGUAGE sql AS 'SELECT 1';

-- PHI in descriptions
COMMENT ON TABLE intake.patients IS 'Migrated from the old chart of Wilhelmina Oduya, DOB 1947-08-15';
COMMENT ON DATABASE postgres IS 'Test copy requested by patient Cornelius Ashdown (MRN 00915532)';
COMMENT ON ROLE leopold_brandt_1952 IS 'Requested by patient Cornelius Ashdown, DOB 1951-06-30';

-- settings that write row values to logs, and a disabled session timeout
ALTER DATABASE postgres SET log_statement = 'all';
ALTER ROLE leopold_brandt_1952 SET idle_session_timeout = 0;

-- a schema the filters leave out, and Neon Auth
CREATE SCHEMA archive;
CREATE TABLE archive.chart_of_gustavo_lindqvist (id int);
CREATE SCHEMA neon_auth;
CREATE TABLE neon_auth.users_sync (id text PRIMARY KEY, email text);
`;

/** Raw values from the fixture that must never appear in any output. */
export const RAW_VALUES = [
  'theodora',
  'vasquez',
  'maribel',
  'quintero',
  '00731266',
  'leopold',
  'brandt',
  'gustavo',
  'lindqvist',
  'Wilhelmina',
  'Oduya',
  '1947-08-15',
  'Cornelius',
  'Ashdown',
  '00915532',
  '1951-06-30',
];

/** One object of every kind the catalog reader handles, with plain names. */
export const EVERY_KIND_SQL = `
CREATE SCHEMA kinds;
CREATE TABLE kinds.orders (id int CONSTRAINT orders_id_positive CHECK (id > 0), amount int);
CREATE TABLE kinds.events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE kinds.events_p1 PARTITION OF kinds.events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE VIEW kinds.order_view AS SELECT id FROM kinds.orders;
CREATE MATERIALIZED VIEW kinds.order_totals AS SELECT count(*) AS total FROM kinds.orders;
CREATE INDEX orders_amount_lookup ON kinds.orders (amount);
CREATE TYPE kinds.colour AS ENUM ('red', 'green');
CREATE SEQUENCE kinds.ticket_numbers;
CREATE FUNCTION kinds.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER orders_touch BEFORE UPDATE ON kinds.orders FOR EACH ROW EXECUTE FUNCTION kinds.touch();
CREATE POLICY orders_owner ON kinds.orders USING (true);
CREATE ROLE reporting_reader;
`;
