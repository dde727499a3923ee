/**
 * Property-based tests of the classifier: tokenize, classifyName, findValues (every context) and
 * findValuesInIdentifier never throw on any input, return spans inside the text that match the
 * reported text, are deterministic, and never put a found value in full into their explanations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import type { TextContext, ValueMatch } from '../../src/classify/types.js';
import { anyText, phiSentence } from './generators.js';

const classifier = createClassifier({ add: { chart_no: 'mrn' }, exclude: ['member'], patientWords: ['enrollee'] });
const CONTEXTS: TextContext[] = ['comment', 'schema-comment', 'identifier', 'log', 'literal', 'ticket', 'metadata', 'generic'];

const text = fc.oneof(
  anyText,
  phiSentence.map((p) => p.text),
  fc.tuple(anyText, phiSentence, anyText).map(([a, p, b]) => `${a}${p.text}${b}`),
);
const identifier = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .tuple(
      fc.array(fc.constantFrom('patient', 'Maria', 'garcia', 'dob', '19840719', 'mrn', '00482913', 'backup', 'SSN', 'firstName', 'x', '_', '-', '.', '2024'), { maxLength: 8 }),
      fc.constantFrom('_', '', '-', '.'),
    )
    .map(([parts, separator]) => parts.join(separator)),
);

function checkMatches(source: string, matches: readonly ValueMatch[]): void {
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(source.length);
    expect(source.slice(m.start, m.end)).toBe(m.text);
    expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(m.confidence).toBeLessThanOrEqual(1);
    // `why` is shown by `phi-scan explain`: it describes the value, never repeats it (short values aside)
    if (m.text.length >= 6) expect(m.why.toLowerCase()).not.toContain(m.text.toLowerCase());
  }
}

describe('classifier', () => {
  it('tokenize and classifyName: no exception, deterministic, tokens come from the identifier', () => {
    fc.assert(
      fc.property(identifier, (id) => {
        const tokens = classifier.tokenize(id);
        expect(classifier.tokenize(id)).toEqual(tokens);
        for (const t of tokens) expect(t.length).toBeGreaterThan(0);
        const c = classifier.classifyName(id);
        expect(classifier.classifyName(id)).toEqual(c);
        for (const m of c.matches) {
          expect(m.tokens[0]).toBeGreaterThanOrEqual(0);
          expect(m.tokens[1]).toBeLessThanOrEqual(c.tokens.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('findValues in every context: spans inside the text, deterministic', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...CONTEXTS), (source, context) => {
        const found = classifier.findValues(source, { context, minConfidence: 0 });
        checkMatches(source, found);
        expect(classifier.findValues(source, { context, minConfidence: 0 })).toEqual(found);
      }),
      { numRuns: 250 },
    );
  });

  it('findValuesInIdentifier: spans inside the identifier, deterministic', () => {
    fc.assert(
      fc.property(identifier, (id) => {
        const found = classifier.findValuesInIdentifier(id);
        checkMatches(id, found);
        expect(classifier.findValuesInIdentifier(id)).toEqual(found);
        classifier.hasPatientContext(id);
      }),
      { numRuns: 300 },
    );
  });
});
