/**
 * `findValues`: runs every value detector over a text, resolves overlaps, links dates to
 * nearby names, and applies PHI-POLICY's comment rule (a name in a comment counts only with
 * patient or health context, or beside another identifier).
 */
import type { FindValuesOptions, TextContext, ValueMatch } from './types.js';
import { hasPatientContext } from './context.js';
import { findAddresses } from './values/address.js';
import { findDates } from './values/dates.js';
import { findEmails } from './values/email.js';
import { findHealthTerms } from './values/health-terms.js';
import { findIcd10 } from './values/icd10.js';
import { findLabelledIds, findMbis } from './values/ids.js';
import { findIps } from './values/ip.js';
import { findNames } from './values/names.js';
import { findPhones } from './values/phone.js';
import { findProviderIds } from './values/provider-ids.js';
import { scanText } from './values/shared.js';
import { findSsns } from './values/ssn.js';

const COMMENT_CONTEXTS: ReadonlySet<TextContext> = new Set(['comment', 'schema-comment']);
/** Detectors whose matches make a name "next to another identifier". */
const IDENTIFIER_DETECTORS = new Set(['ssn', 'phone', 'email', 'date', 'mrn', 'member-id', 'mbi', 'address', 'zip']);
const NAME_DATE_DISTANCE = 120;

/** Keeps the most confident of overlapping identifier matches (health terms are a separate layer). */
function resolveOverlaps(matches: ValueMatch[]): ValueMatch[] {
  const ranked = [...matches].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const sortedKept: ValueMatch[] = [];
  for (const m of ranked) {
    // Binary search the accepted (sorted by start, non-overlapping) list for a neighbour that overlaps.
    let lo = 0;
    let hi = sortedKept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedKept[mid]?.start ?? 0) < m.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = sortedKept[lo - 1];
    const next = sortedKept[lo];
    if ((prev && prev.end > m.start) || (next && next.start < m.end)) continue;
    sortedKept.splice(lo, 0, m);
  }
  return sortedKept;
}

const NONE: readonly ValueMatch[] = [];

/** Extra detector run with the others (the classifier adds object names written inside text). */
export type ExtraDetector = (text: string) => ValueMatch[];

export function findValuesIn(
  text: string,
  options: FindValuesOptions = {},
  patientWords: ReadonlySet<string> = new Set(),
  extra?: ExtraDetector,
): ValueMatch[] {
  const minConfidence = options.minConfidence ?? 0.5;
  const context = options.context ?? 'generic';
  const s = scanText(text);
  const health = findHealthTerms(s);
  const patientContext = health.length > 0 || hasPatientContext(text, patientWords, true);
  // Every detector but e-mail, IP (IPv6 may be all hex letters) and names needs a digit; each
  // also skips texts with fewer digits than its shortest pattern.
  const digits = s.digits > 0;
  const identifiers = resolveOverlaps([
    ...(digits ? findSsns(s) : NONE),
    ...(digits ? findPhones(s) : NONE),
    ...findEmails(s),
    ...(digits ? findDates(s) : NONE),
    ...(digits ? findLabelledIds(s) : NONE),
    ...(digits ? findMbis(s) : NONE),
    ...(digits ? findIcd10(s, patientContext) : NONE),
    ...(digits ? findProviderIds(s) : NONE),
    ...(digits ? findAddresses(s) : NONE),
    ...findIps(s),
    ...(/[A-Z]/.test(text) ? findNames(s) : NONE),
    ...(extra ? extra(text) : NONE),
  ]);

  const names = identifiers.filter((m) => m.detector === 'person-name' && m.confidence >= 0.5);
  const others = identifiers.filter((m) => IDENTIFIER_DETECTORS.has(m.detector) && m.confidence >= 0.5);
  const near = (sorted: readonly ValueMatch[], at: number, distance: number): boolean => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    const after = sorted[lo];
    const before = sorted[lo - 1];
    return (after !== undefined && after.start - at <= distance) || (before !== undefined && at - before.start <= distance);
  };
  const result: ValueMatch[] = [];
  for (const m of identifiers) {
    if (m.detector === 'date' && m.confidence < 0.5 && near(names, m.start, NAME_DATE_DISTANCE)) {
      result.push({ ...m, confidence: 0.6, why: 'a valid date in the same text as a person name' });
      continue;
    }
    // A diagnosis code in a comment is about someone only when a person or identifier is beside it.
    if (m.detector === 'icd10' && COMMENT_CONTEXTS.has(context) && !near(names, m.start, NAME_DATE_DISTANCE * 2) && !near(others, m.start, NAME_DATE_DISTANCE * 2)) {
      result.push({ ...m, confidence: Math.min(m.confidence, 0.4), why: `${m.why}; no person or identifier nearby` });
      continue;
    }
    if (m.detector === 'person-name' && m.confidence >= 0.5 && COMMENT_CONTEXTS.has(context) && !patientContext) {
      const besideIdentifier = near(others, m.start, NAME_DATE_DISTANCE * 2);
      if (!besideIdentifier) {
        result.push({ ...m, confidence: 0.3, why: `${m.why}; no patient or health context and no other identifier nearby (staff and author names are not PHI)` });
        continue;
      }
    }
    result.push(m);
  }
  result.push(...health);
  return result.filter((m) => m.confidence >= minConfidence).sort((a, b) => a.start - b.start || b.confidence - a.confidence);
}
