/** `phi-scan explain`: everything the classifier knows about one input, for humans. */
import type { Classifier, NameMatch, NameStrength, ValueMatch } from './types.js';

export interface ExplainResult {
  input: string;
  tokens: string[];
  nameMatches: NameMatch[];
  /** Strength of the best match, when the name carries PHI at run time. */
  strength: NameStrength | undefined;
  opaqueId: boolean;
  aggregate: boolean;
  sanitized: boolean;
  patientWord: boolean;
  patientContext: boolean;
  /** Values in the input read as text (every confidence, with why). */
  values: ValueMatch[];
  /** Values embedded in the input read as an object name. */
  identifierValues: ValueMatch[];
}

export function explain(classifier: Classifier, input: string): ExplainResult {
  const name = classifier.classifyName(input);
  return {
    input,
    tokens: name.tokens,
    nameMatches: name.matches,
    strength: name.best?.strength,
    opaqueId: name.opaqueId,
    aggregate: name.aggregate,
    sanitized: name.sanitized,
    patientWord: name.patientWord,
    patientContext: classifier.hasPatientContext(input),
    values: [...classifier.findValues(input, { minConfidence: 0 })],
    identifierValues: /\s/.test(input) && !/^["'`[]/.test(input) ? [] : [...classifier.findValuesInIdentifier(input)],
  };
}
