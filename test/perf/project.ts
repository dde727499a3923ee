/** A generated project for the parallel/cache/shard tests, and the built CLI to scan it with. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
// @ts-expect-error the bench generator is plain JavaScript
import { generateMonorepo } from '../../bench/generate-monorepo.mjs';

const BIN = resolve(import.meta.dirname, '../../bin/phi-scan.js');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '1' } }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
      done({ status, stdout, stderr });
    });
  });
}

/** Files with project-level findings, inline suppressions (used, unused, without a reason) and a secret in `.env`. */
export const EXTRAS: Record<string, string> = {
  'packages/auth/src/session.ts':
    "import session from 'express-session';\n\n" +
    'export const sessions = session({\n' +
    "  secret: process.env.SESSION_SECRET ?? '',\n" +
    '  cookie: { maxAge: 10 * 60 * 60 * 1000 },\n' +
    '});\n',
  'packages/auth/src/provision.ts':
    "import { createApiClient } from '@neondatabase/api-client';\n\n" +
    'const neon = createApiClient({ apiKey: process.env.NEON_API_KEY ?? \'\' });\n\n' +
    'export async function provision(name: string) {\n' +
    '  return neon.createProject({ project: { name, settings: { hipa: true } } });\n' +
    '}\n',
  'packages/auth/src/audit.ts':
    "import { logger } from './logger';\n\n" +
    'export function audit(patient: { ssn: string; dateOfBirth: string }) {\n' +
    '  // phi-scan-ignore-next-line phi/log -- the audit sink is inside the BAA boundary\n' +
    "  logger.info('audit', { ssn: patient.ssn });\n" +
    '  // phi-scan-ignore-next-line phi/log\n' +
    "  logger.info('audit', { dob: patient.dateOfBirth });\n" +
    '  // phi-scan-ignore-next-line phi/code-comment -- nothing here\n' +
    "  return 'ok';\n" +
    '}\n',
  'packages/auth/package.json':
    '{\n  "name": "@care/auth",\n  "dependencies": {\n' +
    '    "@neondatabase/neon-js": "^0.1.0"\n  }\n}\n',
  'packages/auth/src/neon-data.ts':
    '// phi-scan-ignore-next-line phi/non-baa-service -- contract amendment covers the Data API for this tenant\n' +
    "import { createClient } from '@neondatabase/postgrest-js';\n\nexport const client = createClient;\n",
  'packages/auth/.env':
    'DATABASE_URL=postgres://app:Sup3rSecretPw@db.internal:5432/care?sslmode=require\n' +
    'SESSION_SECRET=s3ss10n-s3cr3t-value\n' +
    'PATIENT_CONTACT=odalys.brennan@example.com\n',
};

export const SECRETS = ['Sup3rSecretPw', 's3ss10n-s3cr3t-value', 'odalys.brennan@example.com', 'sslmode'];

/** A few hundred files: TypeScript, SQL, Prisma, plus EXTRAS. */
export function generatedProject(scale = 0.06): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-scan-perf-'));
  generateMonorepo(dir, { scale });
  for (const [path, text] of Object.entries(EXTRAS)) writeFile(dir, path, text);
  return dir;
}

export function writeFile(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export interface JsonReportShape {
  summary: Record<string, number | object>;
  findings: { ruleId: string; path: string; line: number; fingerprint: string; suppression?: object }[];
  notices: object[];
  projectFacts?: unknown;
}

/** What must be identical between two runs: everything but the duration. */
export function comparable(report: JsonReportShape): unknown {
  const { durationMs: _ignored, ...summary } = report.summary;
  return { summary, findings: report.findings, notices: report.notices };
}
