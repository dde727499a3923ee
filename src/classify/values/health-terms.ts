/**
 * Health facts in free text ("HIV positive", "metformin 500mg", "suicidal ideation"). Alone
 * they are not PHI, so they carry low confidence; callers combine them with a person.
 */
import type { HealthCategory } from '../../core/types.js';
import { HEALTH_TERMS } from '../data/health-terms.js';
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch } from './shared.js';

const CATEGORY = new Map<string, HealthCategory>();
for (const [category, terms] of Object.entries(HEALTH_TERMS) as [HealthCategory, readonly string[]][]) {
  for (const term of terms) if (!CATEGORY.has(term)) CATEGORY.set(term, category);
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

// Longest first so `hiv positive` wins over `hiv`; one alternation keeps the scan a single pass.
const TERMS = new RegExp(
  `(?<![\\w-])(?:${[...CATEGORY.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-]|-[a-z])`,
  'gi',
);
const DOSE = /^\s*\d+(?:\.\d+)?\s?(?:mg|mcg|µg|g|ml|units?|iu)\b/i;

export function findHealthTerms(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  eachMatch(TERMS, s.text, (m) => {
    const term = m[0].toLowerCase().replace(/\s+/g, ' ');
    const category = CATEGORY.get(term) ?? 'condition';
    const dose = category === 'medication' ? DOSE.exec(s.text.slice(m.index + m[0].length, m.index + m[0].length + 16)) : null;
    const text = dose ? m[0] + dose[0] : m[0];
    out.push(valueMatch(m.index, text, 'health-term', category, dose ? 0.4 : 0.3, `health term (${category})${dose ? ' with a dose' : ''}; PHI only when tied to a person`));
  });
  return out;
}

/** Quick test without building matches. */
export function hasHealthTerm(text: string): boolean {
  TERMS.lastIndex = 0;
  return TERMS.test(text);
}
