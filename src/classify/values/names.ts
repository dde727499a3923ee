/**
 * Person names in free text. Rules over a linear word scan ("Maria Garcia", "Garcia, Maria",
 * "J. Carter", "Mrs. Okafor", HL7 "GARCIA^MARIA", a known surname beside a patient word),
 * backed by name lists (ours plus compromise's lexicon), plus compromise's people() on short
 * texts for pairs the lists do not know. Staff and author attributions are returned with low
 * confidence; documentation placeholders (John Doe) are flagged.
 */
import type { ValueMatch } from '../types.js';
import {
  isCommonWord,
  isGivenName,
  isNameWord,
  isPlaceholderName,
  isStrongGiven,
  isStrongSurname,
  isSurname,
} from '../names-lexicon.js';
import { compromise } from '../compromise.js';
import { type ScanText, valueMatch } from './shared.js';

interface Word {
  raw: string;
  start: number;
  end: number;
  cap: boolean;
  upper: boolean;
}

const PATIENT_HONORIFIC = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
const STAFF_HONORIFIC = new Set(['dr', 'doctor', 'prof', 'professor', 'nurse', 'rn', 'np']);
const PATIENT_WORDS = new Set(['patient', 'pt', 'client', 'member', 'resident', 'participant', 'enrollee', 'beneficiary', 'subscriber', 'intake', 'chart', 'visit', 'appointment', 'encounter', 'file', 'record', 'case', 'admission', 'referral', 'claim', 'account']);
const STAFF_BEFORE =
  /(?:\b(?:author|authors|authored by|written by|reviewed by|approved by|signed(?: off)? by|signed|owner|owned by|maintainer|maintained by|contact|cc|assignee|assigned to|reporter|reported by|requested by|created by|updated by|modified by|edited by|by|thanks to|@author|@owner|@maintainer|copyright|\(c\)|dr|doctor|nurse|rn|np|md|clinician|therapist|physician|prescriber|pharmacist|provider|counsel(?:l)?or|coordinator|attending|surgeon|dentist|hygienist|radiologist|technician|tech|psychiatrist|psychologist|admin|engineer|developer|dev|on-call|oncall)\b\.?\s*[:\-,]?\s*)$/i;
const STAFF_AFTER = /^,?\s*(?:MD|M\.D\.|RN|NP|PA-C|PA|DO|D\.O\.|PhD|LCSW|LMFT|LPC|PsyD|DDS|DMD|PharmD|CNP|APRN|LPN|CNA|MSW|FNP)\b/;
const SENTENCE_END = /[.!?:;]\s*$|^\s*$/;

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const isApostrophe = (c: number) => c === APOSTROPHE || c === RIGHT_QUOTE;

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
const HYPHEN = 45;

/** End of the word starting with the letter at `start`: letters and apostrophes, joined by single hyphens. */
function wordEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    let c = text.charCodeAt(j);
    while (isLetter(c) || isApostrophe(c)) c = text.charCodeAt(++j);
    if (c !== HYPHEN || !isLetter(text.charCodeAt(j + 1))) return j;
    j += 2;
  }
}

/**
 * Words: a letter (ASCII or Latin-1/Extended-A,B), then letters and apostrophes, hyphenated
 * parts joined on (`O'Brien-Smith`). Scanned by character code: a regex match per word was the
 * largest allocation of a comment's search.
 */
function scanWords(text: string): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const index = i;
    i = wordEnd(text, index);
    let raw = text.slice(index, i);
    if (isApostrophe(raw.charCodeAt(raw.length - 1)) || isApostrophe(raw.charCodeAt(raw.length - 2))) {
      if (/['’]s$/.test(raw)) raw = raw.slice(0, -2);
      raw = raw.replace(/(?<!['’])['’]+$/, '');
      if (raw.length === 0) continue;
    }
    const first = raw.charCodeAt(0);
    const cap = first >= 65 && first <= 90 && /[a-z]/.test(raw);
    // An all-capitals word starts with a capital (ASCII or not); a lower-case start rules it out.
    const upper = raw.length > 1 && !(first >= 97 && first <= 122) && raw === raw.toUpperCase() && /[A-Z]/.test(raw);
    words.push({ raw, start: index, end: index + raw.length, cap, upper });
  }
  return words;
}

/** A capitalised word that could be part of a name (not a common or technical word). */
function nameish(w: Word | undefined): boolean {
  return w !== undefined && w.cap && w.raw.length > 1 && !isCommonWord(w.raw);
}

interface Candidate {
  start: number;
  end: number;
  words: string[];
  confidence: number;
  why: string;
}

function gap(text: string, a: Word, b: Word): string {
  return text.slice(a.end, b.start);
}

/** Rules over adjacent words; each returns how many words it consumed. */
function matchAt(text: string, words: readonly Word[], i: number, out: Candidate[]): number {
  const a = words[i];
  const b = words[i + 1];
  const c = words[i + 2];
  if (!a) return 1;
  const lower = a.raw.toLowerCase();
  // Every rule but the honorifics starts at a capitalised or all-capitals word or an initial.
  if (!a.cap && !a.upper && a.raw.length !== 1 && !PATIENT_HONORIFIC.has(lower) && !STAFF_HONORIFIC.has(lower)) return 1;
  const push = (from: Word, to: Word, ws: Word[], confidence: number, why: string): void => {
    out.push({ start: from.start, end: to.end, words: ws.map((w) => w.raw), confidence, why });
  };

  // Honorifics: `Mrs. Okafor` (a person), `Dr. Feld` (staff, handled by STAFF_BEFORE).
  if (b && (PATIENT_HONORIFIC.has(lower) || STAFF_HONORIFIC.has(lower)) && /^\.?\s+$/.test(gap(text, a, b)) && b.cap && !isCommonWord(b.raw)) {
    const last = c && c.cap && gap(text, b, c) === ' ' && !isCommonWord(c.raw) ? c : b;
    const ws = last === c ? [a, b, c] : [a, b];
    push(a, last, ws, 0.8, `honorific "${a.raw}" before a capitalised name`);
    return ws.length;
  }
  if (!b) return 1;
  const g = gap(text, a, b);

  // HL7 / DICOM person name: `GARCIA^MARIA^L`.
  const hl7Unknown = (w: Word): boolean => w.raw.length >= 4 && /[AEIOUY]/.test(w.raw) && !isCommonWord(w.raw);
  if (a.upper && b.upper && g === '^' && (isNameWord(a.raw) || isNameWord(b.raw) || (hl7Unknown(a) && hl7Unknown(b)))) {
    push(a, b, [a, b], 0.85, 'HL7/DICOM person name (FAMILY^GIVEN)');
    return 2;
  }

  // Initial and surname: `J. Carter`.
  if (a.raw.length === 1 && /^[A-Z]$/.test(a.raw) && /^\.\s+$/.test(g) && b.cap && (isSurname(b.raw) || nameish(b))) {
    if (isSurname(b.raw) || !isGivenName(b.raw)) {
      push(a, b, [a, b], isSurname(b.raw) ? 0.75 : 0.6, 'an initial followed by a capitalised surname');
      return 2;
    }
  }

  // `Garcia, Maria`.
  if (a.cap && b.cap && /^,\s?$/.test(g) && isSurname(a.raw) && !isCommonWord(a.raw) && isStrongGiven(b.raw)) {
    push(a, b, [a, b], 0.8, 'a known surname and given name in "Family, Given" order');
    return 2;
  }

  // `Maria Garcia`, `Maria L. Garcia`, `Eamon Gallagher`, `Lucinda Marsh`.
  if (a.cap && b.cap && (g === ' ' || g === '  ')) {
    const strongA = isStrongGiven(a.raw);
    const third = c && c.cap && gap(text, b, c) === ' ' && (isSurname(c.raw) || (!isCommonWord(c.raw) && isGivenName(b.raw))) ? c : undefined;
    const lastWord = third ?? b;
    const ws = third ? [a, b, third] : [a, b];
    if (strongA && (isSurname(lastWord.raw) || !isCommonWord(lastWord.raw))) {
      push(a, lastWord, ws, isSurname(lastWord.raw) ? 0.9 : 0.8, 'a known given name followed by a capitalised surname');
      return ws.length;
    }
    if (isGivenName(a.raw) && isStrongSurname(lastWord.raw)) {
      push(a, lastWord, ws, 0.75, 'a given name followed by a known surname');
      return ws.length;
    }
    if (!isCommonWord(a.raw) && a.raw.length > 1 && isStrongSurname(b.raw)) {
      push(a, b, [a, b], 0.7, 'a capitalised word followed by a known surname');
      return 2;
    }
  }

  // A known surname beside a patient word: `patient Okafor`, `the Esposito intake`.
  if (a.cap && isStrongSurname(a.raw)) {
    const prev = words[i - 1];
    const before = prev ? prev.raw.toLowerCase() : '';
    if (PATIENT_WORDS.has(b.raw.toLowerCase()) && g === ' ') {
      push(a, a, [a], 0.6, `a known surname before the word "${b.raw}"`);
      return 1;
    }
    if (prev && PATIENT_WORDS.has(before) && gap(text, prev, a) === ' ') {
      push(a, a, [a], 0.6, `a known surname after the word "${prev.raw}"`);
      return 1;
    }
  }
  return 1;
}

function scanCandidates(text: string, words: readonly Word[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; ) i += matchAt(text, words, i, out);
  // A sentence-initial common word is not a given name (`Will Carter` stays, `Select Carter` goes).
  return out.filter((c) => {
    const first = c.words[0] ?? '';
    const lowerFirst = first.toLowerCase();
    if (first.length === 1 || PATIENT_HONORIFIC.has(lowerFirst) || STAFF_HONORIFIC.has(lowerFirst)) return true;
    return !(isCommonWord(first) && SENTENCE_END.test(text.slice(Math.max(0, c.start - 3), c.start)) && !isGivenName(first));
  });
}

const COMPROMISE_MAX = 2000;
const compromiseCache = new Map<string, { start: number; length: number }[]>();

/** compromise's people() for capitalised pairs our lists do not know (short texts only). */
function compromisePeople(text: string): { start: number; length: number }[] {
  const cached = compromiseCache.get(text);
  if (cached) return cached;
  const found: { start: number; length: number }[] = [];
  const json = compromise()(text).people().json({ offset: true }) as { offset?: { start: number; length: number } }[];
  for (const p of json) if (p.offset) found.push(p.offset);
  if (compromiseCache.size > 2000) compromiseCache.clear();
  compromiseCache.set(text, found);
  return found;
}

function hasUnknownPair(text: string, words: readonly Word[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (a && b && nameish(a) && nameish(b) && gap(text, a, b) === ' ') return true;
  }
  return false;
}

function staffAttribution(s: ScanText, start: number, end: number): boolean {
  const window = s.text.slice(Math.max(0, start - 40), start);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  return STAFF_BEFORE.test(before) || STAFF_AFTER.test(s.text.slice(end, end + 12)) || /^\s*(?:dr|doctor|prof)\b/i.test(s.text.slice(start, end));
}

export function findNames(s: ScanText): ValueMatch[] {
  const words = scanWords(s.text);
  const candidates = scanCandidates(s.text, words);
  if (s.text.length <= COMPROMISE_MAX && hasUnknownPair(s.text, words)) {
    for (const p of compromisePeople(s.text)) {
      let raw = s.text.slice(p.start, p.start + p.length);
      const lead = raw.length - raw.replace(/^[^A-Za-z\u00C0-\u024F]+/, '').length;
      raw = raw.slice(lead).replace(/(?<![^A-Za-z\u00C0-\u024F])[^A-Za-z\u00C0-\u024F]+$/, '');
      const start = p.start + lead;
      const parts = raw.split(/\s+/);
      if (parts.length < 2 || parts.some((w) => !/^[A-Z]/.test(w) || isCommonWord(w))) continue;
      if (!parts.some((w) => isNameWord(w))) continue;
      if (candidates.some((c) => c.start < start + raw.length && start < c.end)) continue;
      candidates.push({ start, end: start + raw.length, words: parts, confidence: 0.6, why: 'a person according to compromise' });
    }
  }
  return candidates.map((c) => {
    const text = s.text.slice(c.start, c.end);
    const placeholder = isPlaceholderName(c.words);
    if (staffAttribution(s, c.start, c.end)) {
      return valueMatch(c.start, text, 'person-name', 'name', 0.2, `${c.why}; attributed to staff, an author or a clinician`, placeholder);
    }
    return valueMatch(c.start, text, 'person-name', 'name', c.confidence, `${c.why}${placeholder ? '; a documentation placeholder name' : ''}`, placeholder);
  });
}
