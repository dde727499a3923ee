/**
 * Runs the project rules over a folder the way the engine does, adding the TypeScript
 * project facts (`projectFactsFromTs`) when the TS extractor does not produce them itself.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../../src/classify/index.js';
import { extractFacts } from '../../src/core/analyze.js';
import { resolveRules, type PhiScanConfig } from '../../src/core/config.js';
import { discover } from '../../src/core/discover.js';
import type { Fact } from '../../src/core/facts.js';
import { runProjectRules, type FileFacts } from '../../src/core/run-rules.js';
import { LineIndex } from '../../src/core/text.js';
import type { Finding } from '../../src/core/types.js';
import { projectFactsFromTs } from '../../src/extract/typescript-project/index.js';

const PROJECT_RULES = new Set(['phi/session-timeout', 'phi/non-baa-service', 'phi/hipaa-project-setting']);

export async function projectFindings(cwd: string, config: PhiScanConfig = {}): Promise<Finding[]> {
  const { files } = await discover(['.'], { cwd });
  const all: FileFacts[] = [];
  for (const f of files) {
    const text = readFileSync(f.absolute, 'utf8');
    const facts: Fact[] = await extractFacts({ path: f.path, kind: f.kind, text }, {});
    if (f.kind === 'typescript' && !facts.some((x) => x.kind === 'dependency' && x.via === 'import')) {
      const sf = ts.createSourceFile(f.path, text, ts.ScriptTarget.Latest, false, scriptKind(f.path));
      facts.push(...projectFactsFromTs(sf, f.path, new LineIndex(text)));
    }
    all.push({ file: { path: f.path, kind: f.kind, isTest: f.isTest, text }, facts });
  }
  const resolved = resolveRules(registry, config, {}, 'test').filter((r) => PROJECT_RULES.has(r.rule.id));
  const projectFile = files.filter((f) => f.kind === 'package-json').sort((a, b) => a.path.length - b.path.length)[0]?.path;
  return runProjectRules(resolved, all, { classifier: createClassifier(), settings: { sanitizers: [], projectFile } });
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(?:jsx?|mjs|cjs)$/.test(path)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}

/** `path:line rule` rows, sorted, for exact comparison. */
export function rows(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => `${f.location.path}:${f.location.line} ${f.ruleId}`))].sort();
}
