/** IPv4 and IPv6 addresses (not version strings); private and documentation ranges rank low. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])/g;
const VERSION_CONTEXT = /(?:\bv|version|release|ver\.?|@|node|build)\s*$/;

function privateOrReserved(o: number[]): 'private' | 'documentation' | undefined {
  const [a = 0, b = 0, c = 0] = o;
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'documentation';
  if (a === 10 || a === 127 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254) || a >= 224) return 'private';
  return undefined;
}

export function findIps(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  const text = s.text;
  // Both patterns need their separator: skip the scans when the text has none.
  if (s.digits >= 4 && text.includes('.')) eachMatch(IPV4, text, (m) => {
    const octets = [m[1], m[2], m[3], m[4]].map(Number);
    if (octets.some((o) => o > 255)) return;
    if (VERSION_CONTEXT.test(windowBefore(s, m.index, 12))) return;
    const kind = privateOrReserved(octets);
    if (kind === 'documentation') {
      out.push(valueMatch(m.index, m[0], 'ip', 'ip-address', 0.6, 'IPv4 address in a documentation range', true));
    } else {
      out.push(valueMatch(m.index, m[0], 'ip', 'ip-address', kind === 'private' ? 0.3 : 0.6, kind === 'private' ? 'private or loopback IPv4 address (infrastructure, not a person)' : 'public IPv4 address'));
    }
  });
  // IPv6: eight groups (seven colons) or a `::`
  if (text.includes('::') || colons(text) >= 7) eachMatch(IPV6, text, (m) => {
    const value = m[0];
    if (!/[a-f]/i.test(value) && value.split(':').filter(Boolean).length < 4) return; // times like 12:00:00
    const doc = /^2001:db8:/i.test(value);
    const local = /^(?:::1?|fe80:|fc|fd)/i.test(value);
    out.push(valueMatch(m.index, value, 'ip', 'ip-address', local ? 0.3 : 0.6, doc ? 'IPv6 address in the documentation range' : 'IPv6 address', doc));
  });
  return out;
}

function colons(text: string): number {
  let n = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) n++;
  return n;
}
