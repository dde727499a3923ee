/**
 * The project rules (`phi/session-timeout`, `phi/non-baa-service`, `phi/hipaa-project-setting`)
 * over the fixture projects in fixtures/projects/<name>/: each folder's `expected.txt` lists
 * every project finding (`path:line rule`); anything else there is a near-miss that must stay quiet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhiScanConfig } from '../../src/core/config.js';
import { projectFindings, rows } from './project-harness.js';

const root = join(import.meta.dirname, '..', '..', 'fixtures', 'projects');
const projects = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'expected.txt')))
  .sort();
const PROJECT_RULES = new Set(['phi/session-timeout', 'phi/non-baa-service', 'phi/hipaa-project-setting']);

function expected(name: string): string[] {
  return readFileSync(join(root, name, 'expected.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .sort();
}

async function findings(name: string, config?: PhiScanConfig): Promise<string[]> {
  return rows(await projectFindings(join(root, name), config));
}

const withOptions = (rule: string, options: Record<string, unknown>): PhiScanConfig => ({ rules: { [rule]: ['error', options] } });

describe.each(projects)('fixture project %s', (name) => {
  it('reports exactly the expected project findings', async () => {
    expect(await findings(name)).toEqual(expected(name));
  });
});

describe('phi/session-timeout options', () => {
  it('measures every configured timeout: tight limits turn each one into a finding', async () => {
    const tight = withOptions('phi/session-timeout', { maxIdleMinutes: 5, maxAbsoluteHours: 1 });
    expect(await findings('session-ok', tight)).toEqual(
      [
        '.env.example:1',
        'db/postgresql.conf:1',
        'src/db.ts:4',
        'src/db.ts:6',
        'src/db.ts:9',
        'src/idle.tsx:5',
        'src/idle.tsx:6',
        'src/sessions.ts:10',
        'src/sessions.ts:13',
        'src/sessions.ts:15',
        'src/sessions.ts:17',
        'supabase/config.toml:2',
        'supabase/config.toml:3',
      ].map((r) => `${r} phi/session-timeout`),
    );
  });

  it('managedBy attests an external timeout: no "none found" and no library-default findings', async () => {
    const attested = withOptions('phi/session-timeout', { managedBy: 'Okta (15-minute idle policy)' });
    expect(await findings('session-none', attested)).toEqual([]);
    expect(await findings('session-defaults', attested)).toEqual([]);
  });

  it('managedBy does not hide an explicit setting that is too long', async () => {
    const attested = withOptions('phi/session-timeout', { managedBy: 'Okta' });
    expect(await findings('session-violations', attested)).toEqual(expected('session-violations'));
  });

  it('require: database asks for a PostgreSQL idle_session_timeout', async () => {
    const database = withOptions('phi/session-timeout', { require: 'database' });
    expect(await findings('session-defaults', database)).toContain('package.json:1 phi/session-timeout');
    expect(await findings('session-ok', database)).toEqual([]);
  });

  it('require: application ignores database timeouts', async () => {
    const application = withOptions('phi/session-timeout', { require: 'application' });
    expect(await findings('session-violations', application)).toEqual(expected('session-violations'));
    const onlyDb = await findings('session-none', application);
    expect(onlyDb).toEqual(['package.json:1 phi/session-timeout']);
  });

  it('names what was searched in the "none found" message', async () => {
    const all = await projectFindings(join(root, 'session-none'));
    expect(all).toHaveLength(1);
    expect(all[0]!.message).toMatch(/idle_session_timeout/);
    expect(all[0]!.message).toMatch(/express-session/);
    expect(all[0]!.location.path).toBe('package.json');
  });
});

describe('phi/non-baa-service options', () => {
  it('covered services are not reported', async () => {
    const got = await findings('neon-services', withOptions('phi/non-baa-service', { covered: ['neon-auth'] }));
    expect(got.filter((r) => r.endsWith('phi/non-baa-service'))).toEqual([
      'package.json:6 phi/non-baa-service', // @neondatabase/neon-js is also the Data API client
      'src/data/client.ts:12 phi/non-baa-service',
      'src/data/client.ts:6 phi/non-baa-service',
    ]);
  });

  it('config adds services by package, env variable or URL pattern', async () => {
    const services = ['Acme Analytics=@acme/analytics', 'Neon serverless driver=env:DATABASE_URL', 'Lake=https://*.us-east-1.aws.neon.tech/clinic'];
    const got = await findings('neon-services', withOptions('phi/non-baa-service', { services }));
    expect(got).toEqual(
      [...expected('neon-services'), 'package.json:7 phi/non-baa-service', '.env.example:1 phi/non-baa-service', 'src/data/client.ts:3 phi/non-baa-service'].sort(),
    );
  });

  it('messages show a URL without its credentials or query', async () => {
    const all = await projectFindings(join(root, 'neon-services'), withOptions('phi/non-baa-service', { services: ['Direct Postgres=postgres://*'] }));
    const url = all.find((f) => f.location.path === '.env.example' && f.location.line === 1);
    expect(url?.message).toContain('ep-quiet-lake-123456.us-east-1.aws.neon.tech/clinic');
    expect(url?.message).not.toContain('clinic:clinic@');
  });
});

describe('phi/hipaa-project-setting messages', () => {
  it('names the misspelled key and the correction; updates without the setting are warnings', async () => {
    const all = await projectFindings(join(root, 'neon-projects'));
    const misspelled = all.filter((f) => f.messageId === 'misspelled').map((f) => f.message);
    expect(misspelled.some((m) => m.includes('"hippa"') && m.includes('settings.hipaa: true'))).toBe(true);
    expect(misspelled.some((m) => m.includes('"hipa"'))).toBe(true);
    const update = all.find((f) => f.messageId === 'updateMissing');
    expect(update?.severity).toBe('warning');
    expect(update?.location.path).toBe('scripts/provision.sh');
  });
});

describe('through the engine (scan)', () => {
  it.each(projects)('%s: findings outside TS/JS files match', async (name) => {
    const { scan } = await import('../../src/core/engine.js');
    const result = await scan({ cwd: join(root, name) });
    const isScript = (row: string) => /\.(?:[cm]?[jt]sx?):\d+ /.test(row);
    const got = rows(result.findings.filter((f) => PROJECT_RULES.has(f.ruleId) && !f.suppression)).filter((r) => !isScript(r) && !r.startsWith('package.json:1 '));
    const want = expected(name).filter((r) => !isScript(r) && !r.startsWith('package.json:1 '));
    expect(got).toEqual(want);
  });
});
