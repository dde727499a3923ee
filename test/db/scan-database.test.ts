/** `scanDatabase` against a real PostgreSQL (PGlite over the wire protocol), through `pg` as with Neon. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import type { SchemaNameFact } from '../../src/core/facts.js';
import { factsFromCatalog } from '../../src/db/catalog-facts.js';
import { catalogFacts, readDatabaseCatalog, scanDatabase } from '../../src/db/index.js';
import { withReadOnlySession } from '../../src/db/session.js';
import { parseConnectionString } from '../../src/db/target.js';
import { formatReport, OUTPUT_FORMATS } from '../../src/report/index.js';
import { CLINIC_SQL, EVERY_KIND_SQL, RAW_VALUES } from './fixture.js';
import { startPglite, type TestServer } from './pglite-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startPglite(CLINIC_SQL + EVERY_KIND_SQL);
}, 120_000);
afterAll(async () => server?.stop());

const where = (findings: { ruleId: string; location: { logical?: string } }[]) =>
  findings.map((f) => `${f.ruleId} ${f.location.logical ?? '-'}`).sort();

const EXPECTED = [
  'phi/non-baa-service postgres/neon_auth',
  'phi/query-log-config postgres',
  'phi/schema-comment l******_b*****_1952',
  'phi/schema-comment postgres',
  'phi/schema-comment postgres/intake/patients',
  'phi/schema-identifier l******_b*****_1952',
  'phi/schema-identifier postgres/archive/chart_of_g******_l********',
  'phi/schema-identifier postgres/intake/export_for_g******_l********',
  'phi/schema-identifier postgres/intake/followup_t*******_v******',
  'phi/schema-identifier postgres/intake/patients/ix_mrn_********_lookup',
  'phi/schema-identifier postgres/intake/recent_intakes/dob_m******_q*******',
  'phi/session-timeout l******_b*****_1952',
];

describe('phi-scan db on a live catalog', () => {
  it('reports PHI in names, descriptions, a role and settings, each at its masked logical location, and nothing on the near-misses', async () => {
    const result = await scanDatabase({ url: server.url, config: {} });
    expect(where(result.findings)).toEqual(EXPECTED);
    const target = `postgres://127.0.0.1:${server.port}/postgres`;
    expect(new Set(result.findings.map((f) => f.location.path))).toEqual(new Set([target]));
    expect(result.stats.filesScanned).toBe(1);
  });

  it('never prints a raw PHI value or the password, in any format', async () => {
    const result = await scanDatabase({ url: server.url, config: {} });
    for (const format of OUTPUT_FORMATS) {
      const report = formatReport(format, { findings: result.findings, rules: result.rules, stats: result.stats, toolVersion: '0', docsBaseUrl: 'https://example.invalid' });
      for (const raw of [...RAW_VALUES, 's3cret-Pw-9137']) expect(report.toLowerCase(), `${format} shows ${raw}`).not.toContain(raw.toLowerCase());
    }
  });

  it('emits SARIF logical locations for catalog findings', async () => {
    const result = await scanDatabase({ url: server.url, config: {} });
    const sarif = JSON.parse(formatReport('sarif', { findings: result.findings, rules: result.rules, stats: result.stats, toolVersion: '0', docsBaseUrl: 'https://example.invalid' }));
    const logical = sarif.runs[0].results.map((r: any) => r.locations[0].logicalLocations?.[0]?.fullyQualifiedName);
    expect(logical).toContain('postgres.intake.patients.ix_mrn_********_lookup');
  });

  it('reads only the schemas asked for (globs), never the system schemas', async () => {
    const only = await scanDatabase({ url: server.url, config: {}, schemas: ['int*'] });
    expect(where(only.findings).filter((w) => w.includes('/archive/') || w.includes('neon_auth/'))).toEqual([]);
    expect(where(only.findings)).toContain('phi/schema-identifier postgres/intake/followup_t*******_v******');
    const without = await scanDatabase({ url: server.url, config: {}, excludeSchemas: ['archive', 'kinds'] });
    expect(where(without.findings)).toEqual(EXPECTED.filter((w) => !w.includes('/archive/')));
    const { snapshot } = await readDatabaseCatalog(server.url);
    const schemas = snapshot.objects.filter((o) => o.kind === 'schema').map((o) => o.name);
    expect(schemas.sort()).toEqual(['archive', 'intake', 'kinds', 'neon_auth', 'public']);
  });

  it('warns when --schema matches no schema', async () => {
    const result = await scanDatabase({ url: server.url, config: {}, schemas: ['intak'] });
    expect(result.notices.map((n) => n.message)).toEqual(['no schema matched --schema intak (system schemas are never read)']);
  });

  it('reads every object kind of the phi/schema-identifier policy', async () => {
    const [file] = await catalogFacts(server.url, { schemas: ['kinds'] });
    const names = file!.facts.filter((f): f is SchemaNameFact => f.kind === 'schema-name');
    const kinds = new Set(names.map((f) => f.objectKind));
    expect([...kinds].sort()).toEqual(
      ['column', 'constraint', 'database', 'enum-label', 'function', 'index', 'materialized-view', 'policy', 'role', 'schema', 'sequence', 'table', 'trigger', 'type', 'view'].sort(),
    );
    expect(file!.facts.every((f) => f.source === 'catalog' && f.logical !== undefined)).toBe(true);
    const partition = names.find((f) => f.name === 'events_p1');
    expect(partition).toMatchObject({ objectKind: 'table', parent: 'kinds.events', logical: 'postgres/kinds/events_p1' });
    expect(names.find((f) => f.name === 'orders_id_positive')).toMatchObject({ objectKind: 'constraint', parent: 'kinds.orders', logical: 'postgres/kinds/orders/orders_id_positive' });
    expect(names.find((f) => f.name === 'red')).toMatchObject({ objectKind: 'enum-label', parent: 'kinds.colour' });
  });

  it('leaves out names PostgreSQL generated from names already read (pkey, key, fkey, check, idx, seq, partition clones)', async () => {
    const [file] = await catalogFacts(server.url, { schemas: ['intake'] });
    const names = new Set(file!.facts.filter((f): f is SchemaNameFact => f.kind === 'schema-name').map((f) => f.name));
    for (const generated of ['patients_pkey', 'patients_ssn_key', 'patients_email_check', 'patients_date_of_birth_not_null', 'patients_date_of_birth_idx', 'patients_id_seq', 'hiv_test_results_patient_id_fkey', 'visits_visit_on_idx', 'visits_2024_01_visit_on_idx']) {
      expect(names, generated).not.toContain(generated);
    }
    for (const kept of ['patients', 'ssn', 'hiv_test_results', 'visits_2024_01', 'visits_2024_02', 'ix_mrn_00731266_lookup', 'triage', 'routine']) expect(names, kept).toContain(kept);
  });

  it('turns descriptions and pg_db_role_setting into facts with the statement as scope, names masked', async () => {
    const { snapshot } = await readDatabaseCatalog(server.url);
    const facts = factsFromCatalog(snapshot, defaultClassifier());
    const settings = facts.filter((f) => f.kind === 'setting').map((f) => f.kind === 'setting' && `${f.scope}: ${f.key}=${f.value}`);
    expect(settings).toEqual(['ALTER ROLE l******_b*****_1952: idle_session_timeout=0', 'ALTER DATABASE postgres: log_statement=all']);
    const first = facts[0]!;
    expect(first).toMatchObject({ kind: 'schema-name', objectKind: 'database', name: 'postgres', span: { line: 1 } });
    const comment = facts.find((f) => f.kind === 'schema-comment' && f.objectKind === 'role');
    expect(comment).toMatchObject({ text: 'Requested by patient Cornelius Ashdown, DOB 1951-06-30', logical: 'l******_b*****_1952' });
  });

  it('reads inside a read-only transaction', async () => {
    const target = parseConnectionString(server.url, (n) => n);
    const write = withReadOnlySession(target, { connectTimeoutSeconds: 5, statementTimeoutSeconds: 5 }, (client) => client.query('CREATE TABLE intake.written (id int)'));
    await expect(write).rejects.toMatchObject({ code: '25006' });
  });
});
