/**
 * Dates that identify a person: birth, admission, discharge, death, visit/service dates, found
 * by a context word nearby (confidence 0.85). Without context a date is returned with low
 * confidence; findValues raises it when a person name is in the same text. Also ages over 89.
 */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowAfter, windowBefore } from './shared.js';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const ISO = /(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/]|-\d)/g;
const US = /(?<![\w/.-])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\w/]|\.\d)/g;
const MONTH_FIRST = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})\\s+(${MONTHS})\\.?,?\\s+(\\d{4})\\b`, 'gi');
const COMPACT = /(?<![\w-])(19\d{2}|20\d{2})(\d{2})(\d{2})(?![\w-])/g;
const AGE_BEFORE = /\b(?:age[ds]?|aged)\s*[:=]?\s*(9\d|1[01]\d)\b/gi;
const AGE_AFTER = /\b(9\d|1[01]\d)\s*(?:y\/o|yo|y\.o\.|years?[- ]old|yrs?[- ]old|-year-old)(?![a-z])/gi;

/** Words that make a nearby date a HIPAA date about a person. */
const CONTEXT_BEFORE = /(?:\bd\.?o\.?b\b\.?|\bborn\b|\bb\.|date of birth|\bbirth(?:day|date)?\b|\badmit(?:ted)?\b|\badmission\b|\bdischarg(?:e|ed)\b|\bdied\b|\bdeath\b|\bdeceased\b|\bd\.?o\.?d\b|\bexpired\b|\bvisit(?:ed)?\b|\bseen\b|\bservice\b|\bd\.?o\.?s\b|\bencounter\b|\bappointment\b|\bappt\b|\bsurgery\b|\bprocedure\b|\bdelivered\b|\bbirthdate\b)[^.;\n]{0,24}$/;
const CONTEXT_AFTER = /^[^.;\n]{0,12}\b(?:birthday|birth|admission|discharge|visit)\b/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year < 1880 || year > 2100) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function contextOf(s: ScanText, start: number, end: number): boolean {
  return CONTEXT_BEFORE.test(windowBefore(s, start, 48)) || CONTEXT_AFTER.test(windowAfter(s, end, 30));
}

function push(out: ValueMatch[], s: ScanText, start: number, text: string, year: number, month: number, day: number, compact = false): void {
  if (!validDate(year, month, day)) return;
  const context = contextOf(s, start, start + text.length);
  if (compact && !context) return;
  out.push(
    valueMatch(start, text, 'date', 'date', context ? 0.85 : 0.2, context ? 'a valid date next to a birth/admission/discharge/death/visit word' : 'a valid date without a birth, admission, discharge, death or visit word nearby'),
  );
}

function fullYear(y: string): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n > 30 ? 1900 + n : 2000 + n;
}

export function findDates(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  // Digits each pattern needs: ISO and YYYYMMDD eight, month-name dates five, US dates four (and a
  // slash), ages two.
  const d = s.digits;
  if (d < 2) return out;
  if (d >= 8) eachMatch(ISO, s.text, (m) => push(out, s, m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3])));
  if (d >= 4 && s.text.includes('/')) eachMatch(US, s.text, (m) => push(out, s, m.index, m[0], fullYear(m[3] ?? ''), Number(m[1]), Number(m[2])));
  if (d >= 5) {
    eachMatch(MONTH_FIRST, s.text, (m) => push(out, s, m.index, m[0], Number(m[3]), MONTH_INDEX[(m[1] ?? '').slice(0, 3).toLowerCase()] ?? 0, Number(m[2])));
    eachMatch(DAY_FIRST, s.text, (m) => push(out, s, m.index, m[0], Number(m[3]), MONTH_INDEX[(m[2] ?? '').slice(0, 3).toLowerCase()] ?? 0, Number(m[1])));
  }
  if (d >= 8) eachMatch(COMPACT, s.text, (m) => push(out, s, m.index, m[0], Number(m[1]), Number(m[2]), Number(m[3]), true));
  for (const re of [AGE_BEFORE, AGE_AFTER]) {
    eachMatch(re, s.text, (m) => out.push(valueMatch(m.index, m[0], 'date', 'date', 0.8, 'an age over 89 (HIPAA groups these as 90+)')));
  }
  return out;
}

/** Valid YYYYMMDD inside an identifier (`okafor_adaeze_19840719`), checked by callers for a name beside it. */
export function isCompactDate(token: string): boolean {
  const m = /^(19\d{2}|20\d{2})(\d{2})(\d{2})$/.exec(token);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
