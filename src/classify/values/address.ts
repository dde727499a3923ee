/** Street addresses (`4 Elm St`, `1234 N Main Street Apt 5`) and ZIP codes with context. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowAfter, windowBefore } from './shared.js';

const SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Alley|Row|Crescent|Loop|Pike|Plaza';
const WORD = "(?:[A-Z][a-z]+(?:['-][A-Za-z]+)?|\\d{1,3}(?:st|nd|rd|th))";
const STREET = new RegExp(
  `(?<![\\w.-])\\d{1,6}[A-Z]?\\s+(?:[NSEW]\\.?\\s+|(?:North|South|East|West)\\s+)?(?:${WORD}\\s+){1,3}(?:${SUFFIX})\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Ste|Unit|#)\\.?\\s*#?[A-Za-z0-9-]{1,6}\\b)?`,
  'g',
);
const ZIP = /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g;
const ZIP_LABEL = /\b(?:zip(?:code)?|zip code|postal(?: code)?|postcode)\b[\s:#='"]*$/;
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const STATE_BEFORE = new RegExp(`(?:^|[\\s,^])(?:${STATES})[\\s^,]{1,3}$`);

export function findAddresses(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  if (s.digits === 0) return out;
  eachMatch(STREET, s.text, (m) => {
    out.push(valueMatch(m.index, m[0].replace(/[.,]$/, ''), 'address', 'address', 0.8, 'house number, street name and street suffix'));
  });
  if (s.digits >= 5) eachMatch(ZIP, s.text, (m) => {
    const before = windowBefore(s, m.index, 16);
    const label = ZIP_LABEL.test(before);
    const state = STATE_BEFORE.test(s.text.slice(Math.max(0, m.index - 6), m.index));
    if (!label && !state) return;
    // `zip: 12345` style sequential values are placeholders.
    const placeholder = m[0].startsWith('12345') || m[0] === '00000' || m[0] === '99999';
    if (/^\s*(?:ms|px|bytes|rows)\b/.test(windowAfter(s, m.index + m[0].length, 8))) return;
    out.push(valueMatch(m.index, m[0], 'zip', 'address', label ? 0.75 : 0.7, label ? 'five-digit ZIP after a ZIP/postal label' : 'five-digit ZIP after a state abbreviation', placeholder));
  });
  return out;
}
