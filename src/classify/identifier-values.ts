/**
 * PHI values embedded in an object name: a person (`patient_maria_garcia`, `johndoe_visits`,
 * `"Garcia, Maria"`), a record key next to a patient word (`patient_10482_notes`), a labelled
 * real-world id (`mrn_00482913_backup`, `member_w99021334`), a birth date beside a name
 * (`okafor_adaeze_19840719`). Partition and version suffixes (`visits_2024_01`) are not values.
 */
import type { PhiCategory } from '../core/types.js';
import { SCHEMA_WORDS } from './data/common-words.js';
import { isCommonWord, isGivenName, isPlaceholderName, isStrongGiven, isStrongSurname, isSurname } from './names-lexicon.js';
import { type Token, tokenizeWithSpans, unquote } from './tokenize.js';
import type { ValueDetector, ValueMatch } from './types.js';
import { isCompactDate } from './values/dates.js';
import { valueMatch } from './values/shared.js';
import type { Vocabulary } from './vocabulary.js';

const schemaWords = new Set(SCHEMA_WORDS);

/** Words whose next token, when it holds digits, is a real-world identifier. */
const ID_LABELS: Record<string, { detector: ValueDetector; category: PhiCategory; what: string }> = {
  mrn: { detector: 'mrn', category: 'mrn', what: 'medical record number' },
  chart: { detector: 'mrn', category: 'mrn', what: 'chart number' },
  member: { detector: 'member-id', category: 'health-plan-id', what: 'member id' },
  subscriber: { detector: 'member-id', category: 'health-plan-id', what: 'subscriber id' },
  policy: { detector: 'member-id', category: 'health-plan-id', what: 'policy number' },
  medicare: { detector: 'member-id', category: 'health-plan-id', what: 'Medicare id' },
  medicaid: { detector: 'member-id', category: 'health-plan-id', what: 'Medicaid id' },
  mbi: { detector: 'mbi', category: 'health-plan-id', what: 'Medicare Beneficiary Identifier' },
  account: { detector: 'member-id', category: 'account-number', what: 'account number' },
  acct: { detector: 'member-id', category: 'account-number', what: 'account number' },
  ssn: { detector: 'ssn', category: 'ssn', what: 'SSN' },
};

/** Record words whose adjacent number is a specific record's key. */
const RECORD_KEY_WORDS = new Set(['patient', 'pt', 'client', 'participant', 'subject', 'resident', 'enrollee', 'beneficiary', 'encounter', 'claim', 'intake', 'case', 'visit', 'admission', 'episode']);

const FOUR_DIGITS = /\d{4}/;

const ENGLISH_SUFFIX = /(?:tion|sion|ment|ing|ness|able|ible|ity|ance|ence|ize|ise|ous|ive|ful|less|ship|ary|ory|ism|ist|ent|ant|ure|ate|ics|ly|ed)$/;

/** A letters-only token; all-caps acronyms inside camelCase (`encodeURIComponent`) are not names. */
function isWord(t: Token | undefined): t is Token {
  return t !== undefined && /^[a-z\u00C0-\u024F]+$/i.test(t.raw) && t.raw.length >= 2 && !(t.raw.length <= 4 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase());
}

function digitsOnly(t: Token | undefined): t is Token {
  return t !== undefined && /^\d+$/.test(t.raw);
}

/** Partition and version shapes: a year, YYYYMM, or a valid YYYYMMDD. */
function isPartitionNumber(raw: string): boolean {
  if (/^(19|20)\d{2}$/.test(raw)) return true;
  if (/^(19|20)\d{2}(0[1-9]|1[0-2])$/.test(raw)) return true;
  return isCompactDate(raw);
}

/**
 * The name with each run of digits replaced by a stand-in of the same length that the scan
 * treats alike: the scan reads a run only for its length and whether it is a year, a YYYYMM or
 * a valid YYYYMMDD (`isPartitionNumber`, `isCompactDate`). Names with spaces are scanned as
 * text by every value detector, so they are kept as they are.
 */
export function digitShape(identifier: string): string {
  let shape = '';
  let copied = 0;
  for (let i = 0; i < identifier.length; i++) {
    if (!isAsciiDigit(identifier.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < identifier.length && isAsciiDigit(identifier.charCodeAt(end))) end++;
    const stand = standIn(identifier, i, end);
    if (!identifier.startsWith(stand, i)) {
      shape += identifier.slice(copied, i) + stand;
      copied = end;
    }
    i = end;
  }
  // Nothing replaced, or a name with spaces: the name itself.
  return copied === 0 || /\s/.test(identifier) ? identifier : shape + identifier.slice(copied);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The value of the digits `text[start..end)` (ASCII digits only). */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

const ONES = '1'.repeat(64);

/** The stand-in for the digit run `text[start..end)`, read without slicing it out. */
function standIn(text: string, start: number, end: number): string {
  const length = end - start;
  const century = length >= 4 ? digitsValue(text, start, start + 2) : 0;
  if (century === 19 || century === 20) {
    if (length === 4) return '2000';
    const month = length >= 6 ? digitsValue(text, start + 4, start + 6) : 0;
    if (length === 6 && month >= 1 && month <= 12) return '200001';
    if (length === 8 && isCompactDate(text.slice(start, end))) return '20000101';
  }
  return length <= ONES.length ? ONES.slice(0, length) : '1'.repeat(length);
}

export class IdentifierScanner {
  /** Words that can start a name match (see `mayStartName`), answered once per word. */
  private readonly nameStarts = new Map<string, boolean>();

  constructor(private readonly vocab: Vocabulary) {}

  /** Every rule of `names` needs its first word to be a given name, a surname or two run together. */
  private mayStartName(raw: string): boolean {
    let known = this.nameStarts.get(raw);
    if (known === undefined) {
      known = isGivenName(raw) || isSurname(raw) || this.splitConcatenated(raw.toLowerCase()) !== undefined;
      if (this.nameStarts.size >= 50_000) this.nameStarts.clear();
      this.nameStarts.set(raw, known);
    }
    return known;
  }

  /** Not a plausible surname partner: a vocabulary term, a schema word, an everyday word. */
  private isOrdinary(word: string): boolean {
    const w = word.toLowerCase();
    return isCommonWord(w) || schemaWords.has(w) || this.vocab.terms.has(w) || this.vocab.patientWords.has(w) || this.vocab.recordWords.has(w) || w.length < 3;
  }

  /** A word no list knows, shaped like a surname rather than an English derivation (`component`, `billing`). */
  private unknownWord(t: Token): boolean {
    return !this.isOrdinary(t.raw) && !isGivenName(t.raw) && t.raw.length >= 3 && !ENGLISH_SUFFIX.test(t.raw.toLowerCase());
  }

  private isPatientToken(t: Token | undefined): boolean {
    return t !== undefined && (this.vocab.patientWords.has(t.text) || RECORD_KEY_WORDS.has(t.text));
  }

  scan(identifier: string, findInText: (text: string) => ValueMatch[]): ValueMatch[] {
    const out: ValueMatch[] = [];
    const tokens = tokenizeWithSpans(identifier);
    this.quotedLabel(identifier, out);
    if (/\s/.test(identifier)) {
      // A quoted name with spaces is text (`"court order: release Maria Garcia notes"`).
      const { text, offset } = unquote(identifier);
      for (const m of findInText(text)) out.push({ ...m, start: m.start + offset, end: m.end + offset });
    }
    this.names(identifier, tokens, out);
    // Labelled ids and record keys have four digits or more; a birth date has eight.
    if (FOUR_DIGITS.test(identifier)) {
      this.ids(identifier, tokens, out);
      this.birthDates(identifier, tokens, out);
    }
    return dedupe(out);
  }

  /** `"Yesenia Caldera"`, `"Maria G."` (quoted or not): a column label shaped like a person's name. */
  private quotedLabel(identifier: string, out: ValueMatch[]): void {
    const { text, offset } = unquote(identifier);
    // Only a quoted SQL name can hold spaces, so an unquoted name with spaces was quoted at the source.
    if (offset === 0 && !text.includes(' ')) return;
    const words = /^([A-Z][a-z]+)((?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})$/.exec(text);
    if (words) {
      const parts = [words[1] ?? '', ...(words[2] ?? '').trim().split(' ')];
      if (parts.every((p) => !this.isOrdinary(p.split('-')[0] ?? p))) {
        const placeholder = isPlaceholderName(parts);
        out.push(valueMatch(offset, text, 'person-name', 'name', 0.65, 'a quoted object name made of capitalised words that are not schema or English words', placeholder));
      }
      return;
    }
    const initial = /^([A-Z][a-z]+) [A-Z]\.?$/.exec(text);
    if (initial && isGivenName(initial[1] ?? '') && !isCommonWord(initial[1] ?? '')) {
      out.push(valueMatch(offset, text, 'person-name', 'name', 0.7, 'a quoted object name: a given name and an initial'));
    }
  }

  private pushName(identifier: string, from: Token, to: Token, confidence: number, why: string, out: ValueMatch[], words: string[]): void {
    const text = identifier.slice(from.start, to.end);
    out.push(valueMatch(from.start, text, 'person-name', 'name', confidence, why, isPlaceholderName(words)));
  }

  private names(identifier: string, tokens: readonly Token[], out: ValueMatch[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      if (!isWord(a) || !this.mayStartName(a.raw)) continue;
      if (isWord(b)) {
        if (isStrongGiven(a.raw) && (isSurname(b.raw) || this.unknownWord(b)) && !this.isOrdinary(a.raw)) {
          this.pushName(identifier, a, b, isSurname(b.raw) ? 0.85 : 0.7, 'a given name followed by a surname', out, [a.raw, b.raw]);
          i++;
          continue;
        }
        if (isGivenName(a.raw) && isStrongSurname(b.raw) && !this.isOrdinary(b.raw)) {
          this.pushName(identifier, a, b, 0.75, 'a given name followed by a known surname', out, [a.raw, b.raw]);
          i++;
          continue;
        }
        if (isStrongSurname(a.raw) && isStrongGiven(b.raw) && !this.isOrdinary(a.raw) && !this.isOrdinary(b.raw)) {
          this.pushName(identifier, a, b, 0.8, 'a surname followed by a given name', out, [a.raw, b.raw]);
          i++;
          continue;
        }
      }
      // One known name beside a patient word: `patient_okafor`, `okafor_patient`.
      const strong = (isStrongSurname(a.raw) || isStrongGiven(a.raw)) && !this.isOrdinary(a.raw);
      if (strong && (this.isPatientToken(tokens[i - 1]) || this.isPatientToken(b))) {
        this.pushName(identifier, a, a, 0.65, 'a known name beside a patient word', out, [a.raw]);
        continue;
      }
      // Concatenated: `johndoe`, `mariagarcia`.
      const split = this.splitConcatenated(a.raw.toLowerCase());
      if (split) this.pushName(identifier, a, a, 0.7, 'a given name and surname written together', out, split);
    }
  }

  private splitConcatenated(word: string): string[] | undefined {
    if (word.length < 6 || word.length > 24 || this.isOrdinary(word) || isGivenName(word) || isSurname(word)) return undefined;
    for (let k = 3; k <= word.length - 3; k++) {
      const given = word.slice(0, k);
      const surname = word.slice(k);
      if (isStrongGiven(given) && isStrongSurname(surname) && !this.isOrdinary(given) && !this.isOrdinary(surname)) return [given, surname];
    }
    return undefined;
  }

  private ids(identifier: string, tokens: readonly Token[], out: ValueMatch[]): void {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const label = tokens[i];
      if (!label) continue;
      const value = valueAfter(identifier, tokens, i);
      if (!value) continue;
      const digits = value.text.replace(/\D/g, '').length;
      const info = Object.hasOwn(ID_LABELS, label.text) ? ID_LABELS[label.text] : undefined;
      const partition = label.text !== 'mrn' && isPartitionNumber(value.text);
      if (info && digits >= 4 && !partition && (info.detector !== 'ssn' || digits === 9)) {
        out.push(valueMatch(value.start, value.text, info.detector, info.category, 0.85, `${info.what} after "${label.raw}" in an object name`));
        continue;
      }
      if (this.isPatientToken(label) && /^\d{4,}$/.test(value.text) && !isPartitionNumber(value.text)) {
        out.push(valueMatch(value.start, value.text, 'record-key', 'other-unique-id', 0.8, `a specific record key after the patient word "${label.raw}"`));
      }
    }
  }

  private birthDates(identifier: string, tokens: readonly Token[], out: ValueMatch[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!digitsOnly(t) || !isCompactDate(t.raw)) continue;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      // `notes_gallagher_19900517`: one known name directly before a birth date.
      if (isWord(prev) && !out.some((m) => m.start <= prev.start && m.end >= prev.end) && !this.isOrdinary(prev.raw) && (isStrongSurname(prev.raw) || isStrongGiven(prev.raw))) {
        this.pushName(identifier, prev, prev, 0.65, 'a known name directly before a YYYYMMDD date', out, [prev.raw]);
      }
      const nameRanges = out.filter((m) => m.detector === 'person-name');
      const besideName = nameRanges.some((n) => (prev && n.end === prev.end) || (next && n.start === next.start));
      if (besideName) out.push(valueMatch(t.start, t.raw, 'date', 'date', 0.75, 'a YYYYMMDD date beside a person name (a date of birth)'));
    }
  }
}

/** The token after `i`, joined with a short letter prefix written against its digits (`w99021334`). */
function valueAfter(identifier: string, tokens: readonly Token[], i: number): { start: number; text: string } | undefined {
  const first = tokens[i + 1];
  if (!first) return undefined;
  const second = tokens[i + 2];
  if (/^[a-z]{1,3}$/i.test(first.raw) && digitsOnly(second) && second.start === first.end) {
    return { start: first.start, text: identifier.slice(first.start, second.end) };
  }
  if (!/\d/.test(first.raw)) return undefined;
  return { start: first.start, text: first.raw };
}

function dedupe(matches: ValueMatch[]): ValueMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.confidence - a.confidence);
  const out: ValueMatch[] = [];
  for (const m of sorted) {
    const overlap = out.find((o) => o.start < m.end && m.start < o.end && o.category === m.category);
    if (overlap) {
      if (m.confidence > overlap.confidence) out[out.indexOf(overlap)] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
