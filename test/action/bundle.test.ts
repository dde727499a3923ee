/** The committed bundle is what GitHub runs: it must match a fresh build and run on its own. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './harness.js';

const BUNDLE_FILES = ['action.js', 'libpg-query.wasm'];

describe('dist/', () => {
  it('is current: rebuilding gives the committed files (run `npm run build:action`)', () => {
    const out = mkdtempSync(join(tmpdir(), 'phi-action-build-'));
    execFileSync(process.execPath, [join(root, 'scripts', 'build-action.mjs'), out], { stdio: 'ignore' });
    for (const file of BUNDLE_FILES) {
      const same = readFileSync(join(root, 'dist', file)).equals(readFileSync(join(out, file)));
      // A boolean, so a stale 5 MB bundle is not printed in the failure.
      expect(same, `dist/${file} is stale: run npm run build:action`).toBe(true);
    }
  });

  it('runs from a folder of its own: no package.json, no node_modules, the parser WebAssembly beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-action-alone-'));
    const action = join(dir, 'action');
    const workspace = join(dir, 'work');
    mkdirSync(action);
    mkdirSync(join(workspace, 'db'), { recursive: true });
    for (const file of BUNDLE_FILES) copyFileSync(join(root, 'dist', file), join(action, file));
    // Needs the real parser: a name only a parse tree places inside CREATE TABLE ... AS.
    writeFileSync(join(workspace, 'db', 'restore.sql'), 'CREATE TABLE restore_for_tobias_lindqvist AS SELECT 1 AS id;\n');
    writeFileSync(join(dir, 'event.json'), '{}');
    writeFileSync(join(dir, 'output.txt'), '');
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    const stdout = execFileSync(process.execPath, [join(action, 'action.js')], {
      cwd: workspace,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: join(dir, 'event.json'),
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(dir, 'output.txt'),
        'INPUT_FAIL-ON': 'never',
        'INPUT_SUMMARY': 'false',
      },
    });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(stdout).toContain(`phi-scan ${version}: scanning .`);
    expect(stdout).toMatch(/::error file=db\/restore\.sql,line=1,.*title=phi\/schema-identifier::/);
    expect(stdout).not.toMatch(/parse-error|lindqvist/i);
  });
});
