/**
 * No leak, in every output: every fixture project goes through every reporter, the inventory
 * formats, the Action's annotations and job summary, and the ESLint SARIF formatter; no PHI value
 * planted in the fixtures appears in full in any of them. The planted values are what the
 * classifier itself finds in the fixture files, plus an explicit list for the demo.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/action/annotations.js';
import { buildSummary } from '../../src/action/summary.js';
import { createClassifier } from '../../src/classify/index.js';
import { collectFacts } from '../../src/core/collect-facts.js';
import { scan, type ScanResult } from '../../src/core/engine.js';
import { kindOfPath } from '../../src/core/kinds.js';
import formatEslintSarif from '../../src/eslint/sarif-formatter.js';
import { buildInventory, formatInventory } from '../../src/inventory/index.js';
import { OUTPUT_FORMATS, formatReport } from '../../src/report/index.js';
import { FILE_RULES_ONLY, STACK_LINE, root, runCli } from './harness.js';
import { leaked } from './properties.js';

const DEMO_VALUES = [
  'Delphine Marchetti',
  'delphine_marchetti',
  '1958-11-23',
  '00731942',
  '00731977',
  '512-38-4471',
  '(417) 555-2938',
  '555-2938',
];

const fixtureRoots = [
  join(root, 'fixtures/demo'),
  ...['fixtures/rules', 'fixtures/projects'].flatMap((parent) =>
    readdirSync(join(root, parent), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(root, parent, e.name)),
  ),
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : e.isFile() ? [path] : [];
  });
}

const classifier = createClassifier();

/** Every value the classifier finds with confidence in the fixture's scanned files (placeholders aside). */
function plantedValues(dir: string): string[] {
  const values = new Set<string>(dir.endsWith('fixtures/demo') ? DEMO_VALUES : []);
  for (const file of filesUnder(dir)) {
    if (!kindOfPath(relative(dir, file)) || statSync(file).size > 1 << 20) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of classifier.findValues(text)) if (m.confidence >= 0.5 && !m.placeholder) values.add(m.text);
    for (const m of classifier.findValues(text, { context: 'comment' })) if (m.confidence >= 0.5 && !m.placeholder) values.add(m.text);
  }
  return [...values];
}

/** What ESLint would hand its formatter for these findings (the plugin reports the same messages). */
function asLintResults(result: ScanResult, cwd: string): ESLint.LintResult[] {
  const byPath = new Map<string, Linter.LintMessage[]>();
  for (const f of result.findings) {
    const list = byPath.get(f.location.path) ?? [];
    list.push({
      ruleId: f.ruleId,
      messageId: f.messageId,
      message: f.message,
      severity: f.severity === 'error' ? 2 : 1,
      line: f.location.line,
      column: f.location.column,
      endLine: f.location.endLine,
      endColumn: f.location.endColumn,
    });
    byPath.set(f.location.path, list);
  }
  return [...byPath].map(([path, messages]) => ({
    filePath: join(cwd, path),
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  })) as ESLint.LintResult[];
}

async function everyOutput(dir: string): Promise<{ outputs: Record<string, string>; findings: number }> {
  const result = await scan({ paths: ['.'], cwd: dir, concurrency: 1 });
  const input = {
    findings: result.findings,
    rules: result.rules,
    stats: result.stats,
    toolVersion: '0.0.0-test',
    docsBaseUrl: 'https://example.test/rules',
    informationUri: 'https://example.test',
    srcRoot: dir,
    notices: result.notices,
    includeSuppressed: true,
    color: false,
  };
  const outputs: Record<string, string> = {};
  for (const format of OUTPUT_FORMATS) outputs[format] = formatReport(format, input);
  const collected = await collectFacts({ paths: ['.'], cwd: dir });
  const inventory = buildInventory(collected.files, collected.classifier);
  for (const format of ['markdown', 'json', 'csv'] as const) outputs[`inventory ${format}`] = formatInventory(inventory, format);
  outputs['inventory notices'] = collected.notices.map((n) => `${n.path}: ${n.message}`).join('\n');
  const active = result.findings.filter((f) => !f.suppression);
  const plan = planAnnotations(active, result.notices, undefined);
  outputs['action annotations'] = formatReport('github', { ...input, findings: plan.findings, notices: plan.notices });
  outputs['action summary'] = buildSummary({
    findings: active,
    baselined: 0,
    suppressed: result.findings.length - active.length,
    notices: result.notices,
    notes: [],
    docsBaseUrl: input.docsBaseUrl,
    blobUrl: 'https://github.com/clinic/records/blob/abc/',
    pathPrefix: '',
    sarifFile: 'phi-scan.sarif',
    toolVersion: input.toolVersion,
  });
  outputs['eslint sarif'] = formatEslintSarif(asLintResults(result, dir), { cwd: dir });
  return { outputs, findings: result.findings.length };
}

let totalFindings = 0;

describe.each(fixtureRoots.map((dir) => [relative(root, dir), dir] as const))('%s', (_name, dir) => {
  let planted: string[];
  let outputs: Record<string, string>;
  let findings: number;
  beforeAll(async () => {
    planted = plantedValues(dir);
    ({ outputs, findings } = await everyOutput(dir));
  }, 60_000);

  it('writes every output (a project with nothing to report still gets reports)', () => {
    totalFindings += findings;
    expect(Object.values(outputs).filter((text) => text.length > 0).length).toBeGreaterThanOrEqual(OUTPUT_FORMATS.length);
  });

  it('no planted value appears in full in any output format', () => {
    for (const [format, text] of Object.entries(outputs)) expect(leaked(planted, [text]), format).toEqual([]);
  });
});

describe('the fixtures give the no-leak check something to check', () => {
  it('they produce findings', () => {
    expect(totalFindings).toBeGreaterThan(20);
  });
});

describe('the demo: the explicit list is found by the scan, and never printed', () => {
  it('the scan reports the demo values (masked)', async () => {
    const { outputs } = await everyOutput(join(root, 'fixtures/demo'));
    expect(outputs.json).toMatch(/D\*{7,} M\*{8,}|d\*{7,}_m\*{8,}/);
    expect(outputs.json).toContain('***-**-****');
  });
});

describe('CLI output with debug logging on', () => {
  it('PHI_SCAN_DEBUG=1: stdout and stderr of the CLI hold no planted value (the formats themselves are checked above)', async () => {
    const dir = join(root, 'fixtures/demo');
    const planted = plantedValues(dir);
    const runs = await Promise.all(
      ['stylish', 'sarif'].map((format) =>
        runCli(['.', '-f', format, '--include-suppressed', ...FILE_RULES_ONLY], dir, { env: { PHI_SCAN_DEBUG: '1' } }),
      ),
    );
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(leaked(planted, [run.stdout, run.stderr])).toEqual([]);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
    const inventory = await runCli(['inventory', '.', '-f', 'csv'], dir, { env: { PHI_SCAN_DEBUG: '1' } });
    expect(inventory.status).toBe(0);
    expect(leaked(planted, [inventory.stdout, inventory.stderr])).toEqual([]);
  }, 120_000);
});
