/** The classifier's contract: names (is this a PHI-bearing field?) and values (PHI in text). */
import type { PhiCategory } from '../core/types.js';

/**
 * How strongly a field name points at PHI:
 * - `direct`: a direct identifier of a person (ssn, dob, mrn, first_name, email)
 * - `quasi`: identifying in combination (zip, gender, age, city)
 * - `health`: health information (diagnosis, medication, lab_result)
 * - `subject`: a whole record about a patient (patient, member, encounter, claim)
 * - `provider`: identifies a provider, not a patient (npi, dea, provider_name)
 */
export type NameStrength = 'direct' | 'quasi' | 'health' | 'subject' | 'provider';

export interface NameMatch {
  category: PhiCategory;
  strength: NameStrength;
  /** The vocabulary term that matched, as tokens joined by `_` (`date_of_birth`). */
  term: string;
  /** Index range of matched tokens. */
  tokens: [number, number];
}

export interface NameClassification {
  name: string;
  tokens: string[];
  matches: NameMatch[];
  /** The strongest match that makes this field carry PHI at run time, if any. */
  best?: NameMatch;
  /** True for opaque surrogate keys (`id`, `patientId`, `uuid`): never evidence. */
  opaqueId: boolean;
  /** True when a token is a patient word (patient, member, client, resident, ...). */
  patientWord: boolean;
  /** True for counts, lengths, durations, statuses, flags (`patientCount`, `hasAllergy`). */
  aggregate: boolean;
  /** True when the name says the value is masked, hashed, encrypted or redacted. */
  sanitized: boolean;
}

export type ValueDetector =
  | 'ssn'
  | 'phone'
  | 'email'
  | 'date'
  | 'mrn'
  | 'member-id'
  | 'mbi'
  | 'icd10'
  | 'npi'
  | 'dea'
  | 'address'
  | 'zip'
  | 'ip'
  | 'person-name'
  | 'record-key'
  | 'health-term';

export interface ValueMatch {
  /** UTF-16 offsets into the searched text. */
  start: number;
  end: number;
  text: string;
  category: PhiCategory;
  detector: ValueDetector;
  /** 0..1 */
  confidence: number;
  /** Why it matched: validation evidence and context words, for `phi-scan explain`. */
  why: string;
  /** A documentation placeholder (John Doe, 123-45-6789, 555-0100, example.com). */
  placeholder: boolean;
}

/** Where the text came from changes which context is required. */
export type TextContext =
  | 'comment'
  | 'schema-comment'
  | 'identifier'
  | 'log'
  | 'literal'
  | 'ticket'
  | 'metadata'
  | 'generic';

export interface FindValuesOptions {
  context?: TextContext;
  /** Minimum confidence to return (default 0.5). */
  minConfidence?: number;
}

export interface VocabularyConfig {
  /** Extra terms: `{ "chart_no": "mrn" }` or `{ "chart_no": { "category": "mrn", "strength": "direct" } }`. */
  add?: Record<string, PhiCategory | { category: PhiCategory; strength?: NameStrength }>;
  /** Terms that must not classify (`member` in a project where it means staff). */
  exclude?: string[];
  /** Extra patient words. */
  patientWords?: string[];
}

export interface Classifier {
  tokenize(identifier: string): string[];
  classifyName(identifier: string): NameClassification;
  findValues(text: string, options?: FindValuesOptions): readonly ValueMatch[];
  /** PHI values embedded in an object name (`patient_maria_garcia`, `mrn_00482913_backup`). */
  findValuesInIdentifier(identifier: string): readonly ValueMatch[];
  /** True when the text names a health fact or patient context (for comment rules). */
  hasPatientContext(text: string): boolean;
}
