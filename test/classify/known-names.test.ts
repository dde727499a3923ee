import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import { findKnownNames, KnownNames } from '../../src/classify/known-names.js';
import type { SchemaNameFact } from '../../src/core/facts.js';

const classifier = defaultClassifier();
const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const column = (name: string, defines = true): SchemaNameFact => ({ kind: 'schema-name', objectKind: 'column', name, defines, span, source: 'sql' });

function known(text: string, facts: SchemaNameFact[] = [column('Tamsin Okoro')]): string[] {
  return findKnownNames(text, new KnownNames(facts, classifier), classifier).map((m) => `${m.text}@${m.start}`);
}

describe('names a file already uses, found again in its texts', () => {
  it('finds each whole, capitalised word of a known name in a text with patient context', () => {
    expect(known('Okoro GAD-7 trend; Tamsin missed the visit')).toEqual(['Okoro@0', 'Tamsin@19']);
  });

  it('skips words that are lower case, inside a longer run, or mixed case', () => {
    expect(known('patient okoro, Okorofield, McOkoro, Okoro-Smith, O’Okoro and Tamsin’s chart')).toEqual([]);
  });

  it('needs patient or health context, and a defining name', () => {
    expect(known('Okoro Street office')).toEqual([]);
    expect(known('Okoro missed the visit', [column('Tamsin Okoro', false)])).toEqual([]);
  });

  it('accepts apostrophes and hyphens that keep the word one capitalised run', () => {
    expect(known("the patient Okoro's and Okoro-okoro", [column('Tamsin Okoro'), column("Okoro's")])).toEqual([]);
    expect(known('after the visit: Okoro.')).toEqual(['Okoro@17']);
  });
});
