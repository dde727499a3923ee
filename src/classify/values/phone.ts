/** North American (NANP) phone numbers; 555-0100..555-0199 are the reserved fictional range. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

const NANP = /(?<![\w+.()/-])(?:\+?1[ .-]?)?(?:\((\d{3})\)[ .-]?|(\d{3})([ .-]))(\d{3})([ .-])(\d{4})(?![\w/]|[.-]\d)/g;
const LOCAL_PLACEHOLDER = /(?<![\w-])555-01\d\d(?![\w-])/g;
const BARE_TEN = /(?<![\w+-])(?:\+?1)?(\d{3})(\d{3})(\d{4})(?![\w-])/g;
const PHONE_CONTEXT = /\b(?:phone|tel|telephone|cell|mobile|fax|call|sms|text|contact)\b[\s:#=.'"]*$/;
const FAX_CONTEXT = /\bfax\b[\s:#=.'"]*$/;

function valid(area: string, exchange: string): boolean {
  return area[0] !== '0' && area[0] !== '1' && exchange[0] !== '0' && exchange[0] !== '1';
}

function isPlaceholder(exchange: string, line: string): boolean {
  const n = Number(line);
  return exchange === '555' && n >= 100 && n <= 199;
}

export function findPhones(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  // the shortest pattern, 555-01xx, has seven digits
  if (s.digits < 7) return out;
  eachMatch(NANP, s.text, (m) => {
    const area = m[1] ?? m[2] ?? '';
    const exchange = m[4] ?? '';
    const line = m[6] ?? '';
    // 3-3-4 with mixed separators other than the parenthesised form looks like an id, not a phone.
    if (m[3] !== undefined && m[3] !== m[5]) return;
    if (!valid(area, exchange)) return;
    const before = windowBefore(s, m.index, 20);
    const fax = FAX_CONTEXT.test(before);
    const placeholder = isPlaceholder(exchange, line);
    out.push(valueMatch(m.index, m[0], 'phone', fax ? 'fax' : 'phone', PHONE_CONTEXT.test(before) ? 0.95 : 0.85, `NANP number with a valid area code and exchange${placeholder ? '; 555-01xx is the reserved fictional range' : ''}`, placeholder));
  });
  eachMatch(LOCAL_PLACEHOLDER, s.text, (m) => {
    if (out.some((p) => p.start <= m.index && p.end >= m.index + m[0].length)) return;
    out.push(valueMatch(m.index, m[0], 'phone', 'phone', 0.6, '555-01xx: the reserved fictional phone range', true));
  });
  eachMatch(BARE_TEN, s.text, (m) => {
    const before = windowBefore(s, m.index, 20);
    if (!PHONE_CONTEXT.test(before)) return;
    const area = m[1] ?? '';
    const exchange = m[2] ?? '';
    if (!valid(area, exchange)) return;
    const fax = FAX_CONTEXT.test(before);
    const placeholder = isPlaceholder(exchange, m[3] ?? '');
    out.push(valueMatch(m.index, m[0], 'phone', fax ? 'fax' : 'phone', 0.8, 'ten digits after a phone label, with a valid area code and exchange', placeholder));
  });
  return out;
}
