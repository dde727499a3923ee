/**
 * One runner for every annotated fixture: the file-level findings of each fixture file must be
 * exactly the `ruleid:` annotations in it — nothing missing, nothing extra.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { kindOfPath } from '../../src/core/kinds.js';
import { parseAnnotations } from './annotations.js';

const fixturesRoot = join(import.meta.dirname, '..', '..', 'fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each project folder (a folder directly under fixtures/ or fixtures/rules/) is scanned as one project. */
const projects = readdirSync(fixturesRoot)
  .flatMap((name) => (name === 'rules' ? readdirSync(join(fixturesRoot, 'rules')).map((n) => join('rules', n)) : [name]))
  .map((name) => join(fixturesRoot, name))
  .filter((path) => statSync(path).isDirectory() && !path.endsWith('pending') && !path.endsWith('projects'));

describe.each(projects.map((p) => [relative(fixturesRoot, p), p]))('fixture %s', (_name, projectDir) => {
  it('reports exactly the annotated findings', async () => {
    const result = await scan({ paths: ['.'], cwd: projectDir });
    const fileRules = new Set(result.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const annotated = filesUnder(projectDir).filter((f) => kindOfPath(relative(projectDir, f)));
    expect(annotated.length).toBeGreaterThan(0);
    const actual: string[] = [];
    const expected: string[] = [];
    for (const file of annotated) {
      const path = relative(projectDir, file).split('\\').join('/');
      const expectations = parseAnnotations(readFileSync(file, 'utf8'));
      for (const e of expectations) if (e.kind === 'ruleid') expected.push(`${path}:${e.line} ${e.ruleId}`);
      const forbidden = expectations.filter((e) => e.kind !== 'ruleid');
      for (const f of result.findings) {
        if (f.location.path !== path || f.suppression || !fileRules.has(f.ruleId)) continue;
        actual.push(`${path}:${f.location.line} ${f.ruleId}`);
        expect(forbidden.some((e) => e.line === f.location.line && e.ruleId === f.ruleId), `${path}:${f.location.line} ${f.ruleId} is marked ok`).toBe(false);
      }
    }
    expect([...new Set(actual)].sort()).toEqual([...new Set(expected)].sort());
  });
});
