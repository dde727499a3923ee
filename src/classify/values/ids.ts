/**
 * Real-world record identifiers found by their label: MRN, member/subscriber/policy ids,
 * account numbers (`MRN 00482913`, `member id XJH123456789`, `policy #: 88-1200`), plus
 * Medicare Beneficiary Identifiers by their published format.
 */
import type { PhiCategory } from '../../core/types.js';
import type { ValueDetector, ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

interface Label {
  detector: ValueDetector;
  category: PhiCategory;
  what: string;
}

const LABEL =
  /\b(mrn|medical record(?: number| no| #)?|chart(?: number| no| #|#)|member(?: id| number| no| #|#|id)?|subscriber(?: id| number| no| #|#)?|policy(?: number| no| id| #|#)|insurance(?: id| number| #)|medicaid(?: id| number| #)?|medicare(?: id| number| #)?|group(?: number| no| #|#)|account(?: number| no| #|#)|acct(?: number| no| #|#|\.)?|mbi|hicn)(?![\w])/gi;
// Each run of spaces is followed by a required non-space: three adjacent optional `\s*` backtrack cubically.
const VALUE = /\s*(?:(?:#|:|=|no\.?|number|is)\s*)?(?:[:#=]\s*)?['"]?([A-Za-z0-9][A-Za-z0-9-]{3,19})(?![\w-])/y;
const CONTINUE = /\s*(?:,|and|&|\/|or)\s*([A-Za-z0-9][A-Za-z0-9-]{3,19})(?![\w-])/y;

function labelInfo(label: string): Label {
  const l = label.toLowerCase();
  if (l.startsWith('mrn') || l.startsWith('medical') || l.startsWith('chart')) return { detector: 'mrn', category: 'mrn', what: 'medical record number' };
  if (l.startsWith('account') || l.startsWith('acct')) return { detector: 'member-id', category: 'account-number', what: 'account number' };
  return { detector: 'member-id', category: 'health-plan-id', what: 'health plan member id' };
}

function digits(value: string): number {
  let n = 0;
  for (const c of value) if (c >= '0' && c <= '9') n++;
  return n;
}

/** A labelled value must look like an identifier: mostly digits, at least four of them. */
function looksLikeId(value: string): boolean {
  const d = digits(value);
  return d >= 4 && d * 2 >= value.replace(/-/g, '').length - 4;
}

// Very repetitive or sequential values are documentation placeholders.
function isPlaceholderId(value: string): boolean {
  const v = value.replace(/[^A-Za-z0-9]/g, '');
  return /^(\w)\1+$/.test(v) || /^0*1?$/.test(v) || /^0*123456789?0?$/.test(v) || /^x+$/i.test(v);
}

const ID_SHAPED = /(?<![\w-])[A-Za-z]{0,3}\d{6,12}(?![\w-])/g;
const LABEL_REACH = 80;

export function findLabelledIds(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  // a labelled value needs four digits (looksLikeId), an id-shaped one six
  if (s.digits < 4) return out;
  const labels: { end: number; info: Label; label: string }[] = [];
  eachMatch(LABEL, s.text, (m) => {
    const info = labelInfo(m[1] ?? '');
    labels.push({ end: m.index + m[0].length, info, label: m[1] ?? '' });
    let at = m.index + m[0].length;
    VALUE.lastIndex = at;
    let v = VALUE.exec(s.text);
    const bareMember = /^member$/i.test(m[1] ?? '') || /^(?:medicare|medicaid|subscriber)$/i.test(m[1] ?? '');
    while (v !== null) {
      const value = v[1] ?? '';
      if (!looksLikeId(value)) break;
      // `member 2024-05-01` or `medicare 1998`: a bare word label needs a letter-or-8+-digit id shape.
      if (bareMember && !(/[A-Za-z]/.test(value) || digits(value) >= 6)) break;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) break;
      const start = v.index + v[0].length - value.length;
      const placeholder = isPlaceholderId(value);
      out.push(valueMatch(start, value, info.detector, info.category, 0.9, `${info.what} after the label "${m[1]}"`, placeholder));
      at = v.index + v[0].length;
      CONTINUE.lastIndex = at;
      v = CONTINUE.exec(s.text);
    }
  });
  // Id-shaped tokens shortly after a label, not directly attached (`member id. Keep it: W99021334`).
  if (labels.length > 0) {
    let li = 0;
    const taken = new Set(out.map((o) => o.start));
    eachMatch(ID_SHAPED, s.text, (m) => {
      while (li < labels.length && (labels[li]?.end ?? 0) + LABEL_REACH < m.index) li++;
      const label = labels[li];
      if (!label || label.end > m.index || taken.has(m.index)) return;
      out.push(valueMatch(m.index, m[0], label.info.detector, label.info.category, 0.7, `id-shaped value shortly after the label "${label.label}"`, isPlaceholderId(m[0])));
    });
  }
  return out;
}

const MBI_LETTER = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`(?<![\\w-])[1-9]${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d-?${MBI_LETTER}[AC-HJKMNP-RT-Y0-9]\\d-?${MBI_LETTER}{2}\\d{2}(?![\\w-])`, 'g');
const MBI_CONTEXT = /\b(?:mbi|medicare|beneficiary|hicn|cms)\b[^.\n]{0,20}$/;
const MBI_EXAMPLES = new Set(['1EG4TE5MK73', '1EG4TE5MK72']);

export function findMbis(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  if (s.digits < 5) return out;
  eachMatch(MBI, s.text, (m) => {
    const context = MBI_CONTEXT.test(windowBefore(s, m.index, 32));
    const placeholder = MBI_EXAMPLES.has(m[0].replace(/-/g, ''));
    out.push(valueMatch(m.index, m[0], 'mbi', 'health-plan-id', context ? 0.95 : 0.7, `Medicare Beneficiary Identifier format (11 characters, CMS letter set)${context ? ' after a Medicare label' : ''}${placeholder ? '; the CMS published example' : ''}`, placeholder));
  });
  return out;
}
