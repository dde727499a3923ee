/** `--project`: the type checker makes a value PHI-bearing by its declared type; without it, syntax only. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const project = join(root, 'fixtures', 'projects', 'typed-client');

function scanJson(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'phi-scan.js'), '.', '-f', 'json', ...args], { cwd: project, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, findings: (JSON.parse(r.stdout) as { findings: { ruleId: string; line: number; message: string }[] }).findings };
}

describe('type-aware mode', () => {
  it('finds values whose type has PHI fields, one and two levels deep', () => {
    const { code, findings } = scanJson(['--project', 'tsconfig.json']);
    expect(code).toBe(1);
    expect(findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(['phi/log:6', 'phi/log:9']);
    expect(findings[0]?.message).toContain('its type Person has PHI fields');
    expect(findings[1]?.message).toContain('holder.dateOfBirth');
  });

  it('leaves the syntactic analysis unchanged without --project', () => {
    const { code, findings } = scanJson([]);
    expect(code).toBe(0);
    expect(findings).toEqual([]);
  });

  it('exits 2 with a clear message for a missing tsconfig', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'phi-scan.js'), '.', '--project', 'nope.json'], { cwd: project, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--project nope.json: .*tsconfig/);
  });
});
