/** The PHI classifier: one instance per vocabulary, shared by every rule. */
import type { Classifier, FindValuesOptions, NameClassification, TextContext, ValueMatch, VocabularyConfig } from './types.js';
import { classifyNameUncached, memoise } from './classify-name.js';
import { hasPatientContext } from './context.js';
import { findValuesIn } from './find-values.js';
import { IdentifierScanner } from './identifier-values.js';
import { tokenize } from './tokenize.js';
import { buildVocabulary } from './vocabulary.js';

// snake_case words with at least one underscore; the lookbehind keeps the scan linear.
const SNAKE_TOKEN = /(?<![A-Za-z0-9_])[A-Za-z0-9]{1,40}(?:_[A-Za-z0-9]{1,40}){1,12}(?![A-Za-z0-9_])/g;

export function createClassifier(vocabulary: VocabularyConfig = {}): Classifier {
  const vocab = buildVocabulary(vocabulary);
  const extraPatientWords = new Set(vocabulary.patientWords ?? []);
  const scanner = new IdentifierScanner(vocab);
  const classifyName = memoise((identifier: string): NameClassification => classifyNameUncached(vocab, identifier));
  const identifierValues = memoise((identifier: string): ValueMatch[] =>
    scanner.scan(identifier, (text) => findValuesIn(text, { context: 'identifier' }, extraPatientWords).filter((m) => m.detector !== 'health-term')),
  );
  /** Object names written inside text (`okafor_maria_19840719/scan.dcm`, `patient_10482_notes`). */
  const embeddedIdentifiers = (text: string): ValueMatch[] => {
    const out: ValueMatch[] = [];
    SNAKE_TOKEN.lastIndex = 0;
    for (let m = SNAKE_TOKEN.exec(text); m !== null; m = SNAKE_TOKEN.exec(text)) {
      const at = m.index;
      for (const v of scanner.scan(m[0], () => [])) out.push({ ...v, start: v.start + at, end: v.end + at, why: `${v.why} (in the object name written in the text)` });
    }
    return out;
  };
  const findValuesUncached = (text: string, options?: FindValuesOptions) =>
    findValuesIn(text, options, extraPatientWords, options?.context === 'identifier' ? undefined : embeddedIdentifiers);
  // The same short strings recur across files (headers, messages, keys): answer them once.
  const findValuesShort = memoise((key: string): ValueMatch[] => {
    const split = key.indexOf('\0', key.indexOf('\0') + 1);
    const [context, min] = key.slice(0, split).split('\0');
    return findValuesUncached(key.slice(split + 1), {
      ...(context ? { context: context as TextContext } : {}),
      ...(min ? { minConfidence: Number(min) } : {}),
    });
  }, 20_000);
  return {
    tokenize,
    classifyName,
    findValues: (text, options) =>
      text.length <= 400
        ? findValuesShort(`${options?.context ?? ''}\0${options?.minConfidence ?? ''}\0${text}`).map((m) => ({ ...m }))
        : findValuesUncached(text, options),
    findValuesInIdentifier: (identifier) => identifierValues(identifier).map((m) => ({ ...m })),
    hasPatientContext: (text) => hasPatientContext(text, extraPatientWords),
  };
}

let shared: Classifier | undefined;

/** The classifier with the built-in vocabulary, created once. */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier();
  return shared;
}

export { explain, type ExplainResult } from './explain.js';
export { clip, mask, maskSpans } from './mask.js';
export { tokenize, tokenizeWithSpans, singular, type Token } from './tokenize.js';
export type * from './types.js';
