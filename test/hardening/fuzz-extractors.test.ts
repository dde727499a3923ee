/**
 * Property-based tests of every registered extractor, and of the whole file pipeline (extract ->
 * rules): no exception on any input, every location inside the file, the same findings for the
 * same input, and no planted PHI value in any finding or parse message.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import { createAnalysisContext, analyseText, type AnalysisContext } from '../../src/core/file-analysis.js';
import type { Fact } from '../../src/core/facts.js';
import { LineIndex } from '../../src/core/text.js';
import { extractors } from '../../src/extract/index.js';
import { loadSqlParser } from '../../src/extract/sql/index.js';
import type { FileKind } from '../../src/extract/types.js';
import { PATH_OF_KIND, anyText, plantedFor, type Planted } from './generators.js';
import { leaked, spanProblem, spansIn } from './properties.js';

const RUNS_ARBITRARY = 60;
const RUNS_PLANTED = 60;
const RUNS_PIPELINE = 40;

beforeAll(async () => {
  await loadSqlParser();
});

const cases = extractors.flatMap((extractor) => extractor.kinds.map((kind) => ({ extractor, kind })));

async function extract(kind: FileKind, text: string): Promise<Fact[]> {
  const extractor = cases.find((c) => c.kind === kind)!.extractor;
  return extractor.extract({ path: PATH_OF_KIND[kind], kind, text }, {});
}

function assertInside(facts: readonly Fact[], text: string): void {
  const lines = new LineIndex(text);
  for (const span of spansIn(facts)) {
    const problem = spanProblem(span, lines);
    if (problem) throw new Error(problem);
  }
}

describe.each(cases.map((c) => [c.extractor.id, c.kind] as const))('extractor %s (%s)', (_id, kind) => {
  it('never throws, keeps every span inside the file, and is deterministic on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const first = await extract(kind, text);
        assertInside(first, text);
        expect(await extract(kind, text)).toEqual(first);
      }),
      { numRuns: RUNS_ARBITRARY },
    );
  });

  it('on file-shaped text with planted PHI: the same, and parse messages never repeat a value', async () => {
    await fc.assert(
      fc.asyncProperty(plantedFor(kind), async ({ text, values }: Planted) => {
        const facts = await extract(kind, text);
        assertInside(facts, text);
        expect(await extract(kind, text)).toEqual(facts);
        const messages = facts.filter((f) => f.kind === 'parse-problem').map((f) => `${f.message} ${f.stillScanned}`);
        expect(leaked(values, messages)).toEqual([]);
      }),
      { numRuns: RUNS_PLANTED },
    );
  });
});

describe('the file pipeline (extractors + file rules) on planted PHI', () => {
  let context: AnalysisContext;
  const classifier = createClassifier();
  beforeAll(() => {
    context = createAnalysisContext({ config: {}, configLabel: 'test', ruleOverrides: {}, settings: { sanitizers: [], projectFile: undefined }, maxBytes: 1 << 20 });
  });

  /** Digit values are masked wherever they appear; names, where the classifier recognises them. */
  const flaggable = (text: string, values: readonly string[]) => [
    ...values.filter((v) => /\d/.test(v)),
    ...classifier
      .findValues(text)
      .filter((m) => m.confidence >= 0.5 && !m.placeholder)
      .map((m) => m.text),
  ];

  it.each(cases.map((c) => c.kind))('%s: findings are inside the file, deterministic, and masked', async (kind) => {
    await fc.assert(
      fc.asyncProperty(plantedFor(kind), async ({ text, values }: Planted) => {
        const file = { path: PATH_OF_KIND[kind], kind, isTest: false };
        const first = await analyseText(file, text, text.length, context);
        const again = await analyseText(file, text, text.length, context);
        expect(again?.findings).toEqual(first?.findings);
        const findings = first?.findings ?? [];
        const lines = new LineIndex(text.replace(/^\uFEFF/, ''));
        for (const f of findings) {
          const problem = spanProblem(f.location, lines);
          if (problem) throw new Error(`${f.ruleId}: ${problem}`);
        }
        const outputs = findings.flatMap((f) => [f.message, f.evidence, f.fingerprint]);
        expect(leaked(flaggable(text, values), outputs)).toEqual([]);
      }),
      { numRuns: RUNS_PIPELINE },
    );
  });
});
