/** One runner over the annotated sink fixtures: `// ruleid: <rule>` must report on that line, nothing else may. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import type { Fact } from '../../src/core/facts.js';
import type { ReportDescriptor, Rule } from '../../src/core/rule.js';
import { extractTypeScript } from '../../src/extract/typescript/index.js';
import dynamicIdentifier from '../../rules/dynamic-identifier.js';
import errorMessage from '../../rules/error-message.js';
import log from '../../rules/log.js';
import metadataField from '../../rules/metadata-field.js';

const RULES: Rule<any>[] = [log, errorMessage, metadataField, dynamicIdentifier];
const FIXTURES = join(import.meta.dirname, 'fixtures');
const ANNOTATION = /\/\/ (ruleid|ok): (phi\/[\w-]+)/g;
const classifier = defaultClassifier();

export function runSinkRules(facts: Fact[], path: string): (ReportDescriptor & { ruleId: string })[] {
  const out: (ReportDescriptor & { ruleId: string })[] = [];
  for (const rule of RULES) {
    rule.check({
      note: () => undefined,
      file: { path, kind: 'typescript', isTest: false, text: '' },
      facts,
      files: [],
      options: rule.meta.defaultOptions,
      classifier,
      settings: { sanitizers: [], projectFile: undefined },
      report: (d) => out.push({ ...d, ruleId: rule.id }),
    });
  }
  return out;
}

describe('sink rules over annotated fixtures', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.txt'))) {
    it(name, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const path = name.replace(/\.txt$/, '');
      const expected = new Set<string>();
      const quiet = new Set<string>();
      text.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(ANNOTATION)) (m[1] === 'ruleid' ? expected : quiet).add(`${i + 1} ${m[2]}`);
      });
      const findings = runSinkRules(extractTypeScript({ path, kind: 'typescript', text }), path);
      const got = new Set(findings.map((f) => `${f.span.line} ${f.ruleId}`));
      expect([...expected].filter((e) => !got.has(e)), 'missed').toEqual([]);
      expect([...got].filter((g) => !expected.has(g)), 'unexpected (quiet lines: ' + quiet.size + ')').toEqual([]);
    });
  }
});
