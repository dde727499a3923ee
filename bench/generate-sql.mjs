/** Generates a realistic migration corpus (tables, indexes, comments, seeds, PL/pgSQL), with a few planted violations. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from './random.mjs';

const ENTITIES = ['patient', 'encounter', 'appointment', 'claim', 'claim_line', 'provider', 'prescription', 'lab_order', 'lab_result', 'invoice', 'payer', 'referral', 'allergy', 'immunization', 'note', 'consent', 'device', 'location', 'schedule', 'audit_event'];
const COLUMNS = [['first_name', 'text'], ['last_name', 'text'], ['date_of_birth', 'date'], ['mrn', 'text'], ['ssn', 'text'], ['phone', 'text'], ['email', 'text'], ['status', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['amount_cents', 'integer'], ['diagnosis_code', 'text'], ['notes', 'text'], ['visit_reason', 'text'], ['zip_code', 'text'], ['npi', 'text'], ['ordered_at', 'timestamptz'], ['result_value', 'numeric'], ['units', 'text'], ['is_active', 'boolean']];
const WORDS = ['schedule', 'billing', 'cleanup', 'backfill', 'reporting', 'audit', 'index', 'partition', 'rename', 'constraint'];
const NAMES = [['Odalys', 'Brennan'], ['Tobias', 'Achebe'], ['Mireille', 'Kowalczyk'], ['Ramon', 'Lindqvist']];

function table(rng, name) {
  const cols = Array.from({ length: rng.int(4, 12) }, () => rng.pick(COLUMNS));
  const unique = [...new Map(cols.map((c) => [c[0], c])).values()];
  const lines = ['  id bigserial PRIMARY KEY', ...unique.map(([c, t]) => `  ${c} ${t}${rng.chance(0.3) ? ' NOT NULL' : ''}`)];
  if (rng.chance(0.4)) lines.push(`  CONSTRAINT ${name}_created_check CHECK (created_at IS NOT NULL)`);
  return `CREATE TABLE IF NOT EXISTS ${name} (\n${lines.join(',\n')}\n);\n`;
}

/** One migration's text: tables, indexes, comments, seeds, PL/pgSQL; rarely a planted violation. */
export function migration(rng, index) {
  const parts = [`-- Migration ${index}: ${rng.pick(WORDS)} changes for the ${rng.pick(ENTITIES)} service.\n`];
  const count = rng.int(3, 8);
  for (let i = 0; i < count; i++) {
    const entity = `${rng.pick(ENTITIES)}_${index}_${i}`;
    parts.push(table(rng, entity));
    parts.push(`CREATE INDEX IF NOT EXISTS idx_${entity}_created ON ${entity} (created_at);\n`);
    parts.push(`COMMENT ON TABLE ${entity} IS 'Rows of the ${entity.replace(/_/g, ' ')} workflow; see the runbook.';\n`);
    if (rng.chance(0.5)) parts.push(`ALTER TABLE ${entity} ADD COLUMN IF NOT EXISTS archived_at timestamptz;\n`);
    if (rng.chance(0.3)) {
      parts.push(
        `INSERT INTO ${entity} (status, units) VALUES ${Array.from({ length: rng.int(2, 6) }, (_, k) => `('state_${k}', 'mg/dL')`).join(', ')};\n`,
      );
    }
    if (rng.chance(0.2)) {
      parts.push(
        `CREATE OR REPLACE FUNCTION touch_${entity}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated_at := now();\n  RAISE DEBUG 'touched %', NEW.id;\n  RETURN NEW;\nEND\n$$;\n`,
      );
    }
    // About one migration in fifty carries a planted violation.
    if (rng.chance(0.01)) {
      const [given, family] = rng.pick(NAMES);
      parts.push(`CREATE TABLE ${entity}_backup_${given.toLowerCase()}_${family.toLowerCase()} AS SELECT * FROM ${entity};\n`);
    }
  }
  return parts.join('\n');
}

/** Writes migrations until `targetBytes` are reached; returns the file list. */
export function generateSqlCorpus(dir, targetBytes, seed = 20240611) {
  const rng = createRandom(seed);
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const text = migration(rng, i);
    const path = join(dir, `${String(i).padStart(5, '0')}_${rng.pick(WORDS)}.sql`);
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
