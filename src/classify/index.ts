/** The PHI classifier: one instance per vocabulary, shared by every rule. */
import type { Classifier, FindValuesOptions, NameClassification, TextContext, ValueMatch, VocabularyConfig } from './types.js';
import { classifyNameUncached, memoise, memoiseRepeated } from './classify-name.js';
import { hasPatientContext } from './context.js';
import { findValuesIn } from './find-values.js';
import { digitShape, IdentifierScanner } from './identifier-values.js';
import { tokenize } from './tokenize.js';
import { buildVocabulary } from './vocabulary.js';

// snake_case words with at least one underscore; the lookbehind keeps the scan linear.
const SNAKE_TOKEN = /(?<![A-Za-z0-9_])[A-Za-z0-9]{1,40}(?:_[A-Za-z0-9]{1,40}){1,12}(?![A-Za-z0-9_])/g;

/** Longer texts (generated dumps, long docs) are rarely repeated: searched without the memo. */
const MEMO_MAX_TEXT = 4000;

export function createClassifier(vocabulary: VocabularyConfig = {}): Classifier {
  const vocab = buildVocabulary(vocabulary);
  const extraPatientWords = new Set(vocabulary.patientWords ?? []);
  const scanner = new IdentifierScanner(vocab);
  const classifyName = memoise((identifier: string): NameClassification => classifyNameUncached(vocab, identifier));
  const scanIdentifier = (identifier: string): ValueMatch[] =>
    scanner.scan(identifier, (text) => findValuesIn(text, { context: 'identifier' }, extraPatientWords).filter((m) => m.detector !== 'health-term'));
  const byShape = memoise(scanIdentifier);
  /** Names that differ only in their numbers (`visit_1041_2`, `visit_1042_2`) share one answer. */
  const identifierValues = (identifier: string): ValueMatch[] => {
    const shape = digitShape(identifier);
    if (shape === identifier) return byShape(identifier);
    const found = byShape(shape);
    return found.length === 0 ? found : found.map((m) => ({ ...m, text: identifier.slice(m.start, m.end) }));
  };
  /** Object names written inside text (`okafor_maria_19840719/scan.dcm`, `patient_10482_notes`). */
  const embeddedIdentifiers = (text: string): ValueMatch[] => {
    const out: ValueMatch[] = [];
    if (!text.includes('_')) return out;
    SNAKE_TOKEN.lastIndex = 0;
    for (let m = SNAKE_TOKEN.exec(text); m !== null; m = SNAKE_TOKEN.exec(text)) {
      const at = m.index;
      for (const v of scanner.scan(m[0], () => [])) out.push({ ...v, start: v.start + at, end: v.end + at, why: `${v.why} (in the object name written in the text)` });
    }
    return out;
  };
  const findValuesUncached = (text: string, options?: FindValuesOptions) =>
    findValuesIn(text, options, extraPatientWords, options?.context === 'identifier' ? undefined : embeddedIdentifiers);
  // The same strings recur across files (licence headers, messages, keys): from their second
  // sighting on they are answered from a memo. One memo per context and threshold, keyed on the
  // text itself (whose hash V8 keeps), bounded by entries and by characters kept (about 16 MB).
  const memos = new Map<TextContext | undefined, Map<number | undefined, (text: string) => ValueMatch[]>>();
  const memoFor = (options: FindValuesOptions | undefined) => {
    const context = options?.context;
    const min = options?.minConfidence;
    let byMin = memos.get(context);
    if (!byMin) {
      byMin = new Map();
      memos.set(context, byMin);
    }
    let memo = byMin.get(min);
    if (!memo) {
      const fixed: FindValuesOptions = {
        ...(context ? { context } : {}),
        ...(min !== undefined ? { minConfidence: min } : {}),
      };
      memo = memoiseRepeated((text: string) => findValuesUncached(text, fixed), 20_000, 8_000_000);
      byMin.set(min, memo);
    }
    return memo;
  };
  return {
    tokenize,
    classifyName,
    findValues: (text, options) =>
      text.length <= MEMO_MAX_TEXT
        ? copyAll(memoFor(options)(text))
        : findValuesUncached(text, options),
    findValuesInIdentifier: (identifier) => copyAll(identifierValues(identifier)),
    hasPatientContext: (text) => hasPatientContext(text, extraPatientWords),
  };
}

let shared: Classifier | undefined;

const NO_MATCHES: readonly ValueMatch[] = Object.freeze([]);

/** Memoised answers are shared: callers get their own copies of matches (most answers have none). */
function copyAll(matches: readonly ValueMatch[]): readonly ValueMatch[] {
  return matches.length === 0 ? NO_MATCHES : matches.map((m) => ({ ...m }));
}

/** The classifier with the built-in vocabulary, created once. */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier();
  return shared;
}

export { explain, type ExplainResult } from './explain.js';
export { clip, mask, maskSpans } from './mask.js';
export { tokenize, tokenizeWithSpans, singular, type Token } from './tokenize.js';
export type * from './types.js';
