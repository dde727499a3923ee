/** `phi-scan db` as a user runs it: the built bin (npm test builds it first) against PGlite over TCP. */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLINIC_SQL, RAW_VALUES } from './fixture.js';
import { startPglite, type TestServer } from './pglite-server.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'phi-scan.js');
const PASSWORD = 's3cret-Pw-9137';

// Asynchronous: the database answers from this process, so the test must not block it.
function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, NO_COLOR: '1', DATABASE_URL: undefined, ...env };
    execFile(process.execPath, [bin, ...args], { env: childEnv as NodeJS.ProcessEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

let db: TestServer;
beforeAll(async () => {
  db = await startPglite(CLINIC_SQL);
}, 120_000);
afterAll(async () => db?.stop());

describe('phi-scan db (CLI)', () => {
  it('exits 1 with findings, SARIF carries logical locations, and the password never shows', async () => {
    const r = await run(['db', db.url, '-f', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const names = sarif.runs[0].results.map((x: any) => x.locations[0].logicalLocations?.[0]?.fullyQualifiedName);
    expect(names).toContain('postgres.intake.followup_t*******_v******');
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(PASSWORD);
      for (const raw of RAW_VALUES) expect(text.toLowerCase()).not.toContain(raw.toLowerCase());
    }
  });

  it('reads DATABASE_URL, filters schemas, and honours --fail-on never and --quiet', async () => {
    const r = await run(['db', '--exclude-schema', 'archive', '--exclude-schema', 'neon_*', '-f', 'json', '--fail-on', 'never', '--quiet'], { DATABASE_URL: db.url });
    expect(r.code).toBe(0);
    const logical = JSON.parse(r.stdout).findings.map((f: any) => f.logicalLocation);
    expect(logical).toContain('postgres/intake/patients/ix_mrn_********_lookup');
    expect(logical.filter((l: string) => l.includes('archive'))).toEqual([]);
  });

  it('exits 2 with one line when nothing listens on the port', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const r = await run(['db', `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`phi-scan: cannot reach postgres://127.0.0.1:${port}/postgres: connection refused (is the server running, and are the host and port right?)\n`);
    expect(r.stdout).toBe('');
  });

  it('exits 2 when the server never answers within --connect-timeout', async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent);
    try {
      const r = await run(['db', `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, '--connect-timeout', '1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^phi-scan: cannot reach postgres:\/\/127\.0\.0\.1:\d+\/postgres: no answer within 1 s/);
      expect(r.stderr).not.toContain(PASSWORD);
    } finally {
      silent.close();
    }
  });

  it('exits 2 without a connection string', async () => {
    const r = await run(['db']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a connection string: pass postgres:\/\/\.\.\. or set DATABASE_URL/);
  });
});
