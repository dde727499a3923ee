/**
 * Provider identifiers: NPI (Luhn over 80840 + digits) and DEA registration numbers (check
 * digit). They identify clinicians, not patients, so they carry low confidence.
 */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

const TEN_DIGITS = /(?<![\w-])[12]\d{9}(?![\w-])/g;
const DEA = /(?<![\w-])([ABCDEFGHJKLMPRSTUXabcdefghjklmprstux])([A-Za-z9])(\d{7})(?![\w-])/g;

export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidDea(dea: string): boolean {
  const m = /^[A-Za-z][A-Za-z9](\d)(\d)(\d)(\d)(\d)(\d)(\d)$/.exec(dea);
  if (!m) return false;
  const d = m.slice(1).map(Number) as number[];
  const sum = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + 2 * ((d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0));
  return sum % 10 === d[6];
}

export function findProviderIds(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  // a DEA number has seven digits, an NPI ten
  if (s.digits < 7) return out;
  eachMatch(TEN_DIGITS, s.text, (m) => {
    if (!isValidNpi(m[0])) return;
    const labelled = /\bnpi\b[^\n]{0,16}$/.test(windowBefore(s, m.index, 24));
    out.push(valueMatch(m.index, m[0], 'npi', 'license-number', labelled ? 0.4 : 0.25, 'NPI with a valid check digit (identifies a provider, not a patient)'));
  });
  eachMatch(DEA, s.text, (m) => {
    if (!isValidDea(m[0])) return;
    const labelled = /\bdea\b[^\n]{0,16}$/.test(windowBefore(s, m.index, 24));
    out.push(valueMatch(m.index, m[0], 'dea', 'license-number', labelled ? 0.45 : 0.35, 'DEA registration number with a valid check digit (identifies a prescriber, not a patient)'));
  });
  return out;
}
