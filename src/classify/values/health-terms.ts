/**
 * Health facts in free text ("HIV positive", "metformin 500mg", "suicidal ideation"). Alone
 * they are not PHI, so they carry low confidence; callers combine them with a person.
 */
import type { HealthCategory } from '../../core/types.js';
import { HEALTH_TERMS } from '../data/health-terms.js';
import type { ValueMatch } from '../types.js';
import { type ScanText, valueMatch } from './shared.js';

const CATEGORY = new Map<string, HealthCategory>();
for (const [category, terms] of Object.entries(HEALTH_TERMS) as [HealthCategory, readonly string[]][]) {
  for (const term of terms) if (!CATEGORY.has(term)) CATEGORY.set(term, category);
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/**
 * Terms grouped by their first word, each group one sticky alternation (longest first, so
 * `hiv positive` wins over `hiv`). A match can only start where a word equal to a term's first
 * word starts, so the text is split into words once and only those words try their group:
 * the same matches as one alternation of every term, without trying it at every offset.
 */
const GROUPS = new Map<string, RegExp>();
{
  const byFirstWord = new Map<string, string[]>();
  for (const term of CATEGORY.keys()) {
    const first = /^[a-z0-9]+/.exec(term)?.[0];
    if (!first) throw new Error(`health term "${term}" must start with a letter or digit`);
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), term]);
  }
  for (const [first, terms] of byFirstWord) {
    const alternation = terms.sort((a, b) => b.length - a.length).map(escape).join('|');
    GROUPS.set(first, new RegExp(`(?:${alternation})(?![\\w-]|-[a-z])`, 'iy'));
  }
}
/**
 * Which (first letter, last letter, length) a group's first word can have: a word that fits none
 * is skipped without the lower-cased copy a map lookup needs (most words of a text are not terms).
 */
const LONGEST_FIRST_WORD = Math.max(...[...GROUPS.keys()].map((w) => w.length));
const shapeSlot = (first: number, last: number, length: number) => ((first & 31) * 32 + (last & 31)) * (LONGEST_FIRST_WORD + 1) + length;
const FIRST_WORD_SHAPES = new Uint8Array(32 * 32 * (LONGEST_FIRST_WORD + 1));
for (const word of GROUPS.keys()) FIRST_WORD_SHAPES[shapeSlot(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length)] = 1;

const DOSE = /^\s*\d+(?:\.\d+)?\s?(?:mg|mcg|µg|g|ml|units?|iu)\b/i;

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const DASH = 45;
const UNDERSCORE = 95;

/** Calls back with each term match, left to right, without overlaps; stops when the callback returns true. */
function eachTerm(text: string, visit: (start: number, match: string) => boolean | void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (before === DASH || before === UNDERSCORE) continue;
    const length = i - start;
    if (length > LONGEST_FIRST_WORD || FIRST_WORD_SHAPES[shapeSlot(text.charCodeAt(start), text.charCodeAt(i - 1), length)] === 0) continue;
    const group = GROUPS.get(text.slice(start, i).toLowerCase());
    if (!group) continue;
    group.lastIndex = start;
    const m = group.exec(text);
    if (!m) continue;
    if (visit(start, m[0]) === true) return;
    i = start + m[0].length;
  }
}

export function findHealthTerms(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  eachTerm(s.text, (start, match) => {
    const term = match.toLowerCase().replace(/\s+/g, ' ');
    const category = CATEGORY.get(term) ?? 'condition';
    const dose = category === 'medication' ? DOSE.exec(s.text.slice(start + match.length, start + match.length + 16)) : null;
    const text = dose ? match + dose[0] : match;
    out.push(valueMatch(start, text, 'health-term', category, dose ? 0.4 : 0.3, `health term (${category})${dose ? ' with a dose' : ''}; PHI only when tied to a person`));
  });
  return out;
}

/** Quick test without building matches. */
export function hasHealthTerm(text: string): boolean {
  let found = false;
  eachTerm(text, () => (found = true));
  return found;
}
