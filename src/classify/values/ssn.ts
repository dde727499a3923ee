/** US Social Security numbers, validated against the SSA's never-issued ranges. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

const DASHED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;
const BARE = /(?<![\w-])(\d{3})(\d{2})(\d{4})(?![\w-]|\.\d)/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|ss #|soc(?:ial)? sec(?:urity)?(?: (?:no|number|#))?|tin)\b[\s:#=.'"-]*$/;
const PLACEHOLDERS = new Set(['123456789', '078051120', '219099999', '987654320', '987654321', '111111111', '222222222', '333333333', '444444444', '555555555', '777777777', '888888888']);

export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

export function findSsns(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  if (s.digits < 9) return out;
  eachMatch(DASHED, s.text, (m) => {
    const [, area = '', sep, group = '', serial = ''] = m;
    const context = SSN_CONTEXT.test(windowBefore(s, m.index, 24));
    if (sep === ' ' && !context) return;
    if (!isValidSsn(area, group, serial)) return;
    const placeholder = PLACEHOLDERS.has(area + group + serial);
    out.push(valueMatch(m.index, m[0], 'ssn', 'ssn', context ? 0.95 : 0.85, `SSN format ${context ? 'after an SSN label' : 'NNN-NN-NNNN'} with a valid area, group and serial${placeholder ? '; a well-known documentation placeholder' : ''}`, placeholder));
  });
  eachMatch(BARE, s.text, (m) => {
    const [, area = '', group = '', serial = ''] = m;
    if (!SSN_CONTEXT.test(windowBefore(s, m.index, 24)) || !isValidSsn(area, group, serial)) return;
    const placeholder = PLACEHOLDERS.has(area + group + serial);
    out.push(valueMatch(m.index, m[0], 'ssn', 'ssn', 0.85, 'nine digits after an SSN label, with a valid area, group and serial', placeholder));
  });
  return out;
}
