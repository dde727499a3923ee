/** The plugin reads the project's phi-scan config as the CLI does: exclude, testPatterns, vocabulary. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { resetProjects } from '../../src/eslint/project.js';
import { eslintFindings, eslintFor, key } from './lint.js';

const seed = "INSERT INTO patients (mrn, first_name, last_name, dob, ssn, phone) VALUES ('40718823', 'Jonathan', 'Whitaker', '1971-02-03', '521-44-8830', '(415) 829-3371');\n";
const table = 'CREATE TABLE visits_export_jonathan_whitaker (id int);\n';
const renamed = 'CREATE TABLE chart_no_backup (chart_no text);\n';

function project(config: object | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-config-'));
  for (const sub of ['db', 'legacy', 'samples']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'package.json'), '{ "name": "clinic", "private": true }\n');
  if (config) writeFileSync(join(dir, 'phi-scan.config.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'db/seed.sql'), seed);
  writeFileSync(join(dir, 'samples/seed.sql'), seed);
  writeFileSync(join(dir, 'legacy/export.sql'), table);
  writeFileSync(join(dir, 'db/rename.sql'), renamed);
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function both(dir: string) {
  resetProjects();
  const cli = await scan({ paths: ['.'], cwd: dir, concurrency: 1 });
  const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
  const expected = cli.findings.filter((f) => fileRules.has(f.ruleId) && !f.suppression).map((f) => key({ ...f.location, ruleId: f.ruleId }));
  const actual = eslintFindings(await eslintFor(dir).lintFiles(['.']), dir).map(key);
  return { expected: expected.sort(), actual: actual.sort() };
}

describe('phi-scan.config.json', () => {
  it('without a config, every file is analysed', async () => {
    const dir = project(undefined);
    dirs.push(dir);
    const { expected, actual } = await both(dir);
    expect(actual).toEqual(expected);
    expect(actual.some((k) => k.startsWith('legacy/export.sql'))).toBe(true);
    expect(actual.some((k) => k.startsWith('samples/seed.sql') && k.endsWith('phi/literal'))).toBe(true);
  });

  it('exclude, testPatterns and vocabulary apply in ESLint as in the CLI', async () => {
    const dir = project({ exclude: ['legacy/**'], testPatterns: ['samples/**'], vocabulary: { add: { chart_no: 'mrn' } } });
    dirs.push(dir);
    const { expected, actual } = await both(dir);
    expect(actual).toEqual(expected);
    expect(actual.some((k) => k.startsWith('legacy/'))).toBe(false);
    expect(actual.some((k) => k.startsWith('samples/seed.sql') && k.endsWith('phi/literal'))).toBe(false);
    expect(actual.some((k) => k.startsWith('db/seed.sql') && k.endsWith('phi/literal'))).toBe(true);
  });
});
