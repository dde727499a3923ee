/**
 * `phi-scan db` on a catalog of 10,000 columns (PGlite over the wire protocol), next to the
 * catalog queries alone (connect, read-only transaction, the same queries; no facts, no rules).
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { readDatabaseCatalog, scanDatabase } from '../lib/src/db/index.js';

const TABLES = 500;
const COLUMNS_PER_TABLE = 20;
const RUNS = 3;
const COLUMN_NAMES = ['id', 'patient_id', 'ssn', 'date_of_birth', 'first_name', 'last_name', 'mrn', 'email', 'phone', 'zip', 'diagnosis_code', 'note', 'created_at', 'updated_at', 'status', 'amount', 'clinic_id', 'visit_on', 'result', 'comment'];

const SETUP = `
DO $$
BEGIN
  FOR t IN 1..${TABLES} LOOP
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', 'unit_' || (t % 10));
    EXECUTE format('CREATE TABLE %I.%I (%s)', 'unit_' || (t % 10), 'records_' || t,
      (SELECT string_agg(format('%I text', c || '_' || t), ', ') FROM unnest(ARRAY[${COLUMN_NAMES.map((c) => `'${c}'`).join(', ')}]) AS c));
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', 'unit_' || (t % 10), 'records_' || t, 'Records of one clinic unit, batch ' || t);
  END LOOP;
END $$;`;

async function best(fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await fn();
    min = Math.min(min, performance.now() - started);
  }
  return { ms: min, result };
}

/** Rows `[name, ms]`. */
export async function benchCatalog() {
  const db = await PGlite.create();
  await db.exec(SETUP);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const { port } = server.server.address();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const config = { rules: { 'phi/session-timeout': 'off' } };
  try {
    const queries = await best(() => readDatabaseCatalog(url));
    const columns = queries.result.snapshot.objects.filter((o) => o.kind === 'column').length;
    const scanned = await best(() => scanDatabase({ url, config }));
    return [
      [`catalog queries alone (${columns} columns)`, queries.ms],
      [`phi-scan db on the same catalog (${scanned.result.findings.length} findings)`, scanned.ms],
    ];
  } finally {
    await server.stop();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, ms] of await benchCatalog()) console.log(`${name.padEnd(60)} ${ms.toFixed(0).padStart(8)} ms`);
}
