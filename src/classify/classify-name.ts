/** `classifyName`: is this identifier a PHI-bearing field, which category, how strong. */
import type { NameClassification, NameMatch, NameStrength } from './types.js';
import { tokenize } from './tokenize.js';
import {
  AGGREGATE_CODE_QUALIFIERS,
  AGGREGATE_PREFIXES,
  AGGREGATE_TOKENS,
  OPAQUE_ID_TOKENS,
  SANITIZED_TOKENS,
  SOFTWARE_WHEN_QUALIFIED,
  TECH_QUALIFIERS,
  type Vocabulary,
} from './vocabulary.js';

/** Tokens that make a whole name a count or a yes/no flag wherever they stand (`email_opt_in`). */
const FLAG_ANYWHERE = new Set(['count', 'total', 'opt', 'verified', 'verification', 'confirmed', 'consent']);

const RANK: Record<NameStrength, number> = { direct: 5, health: 4, subject: 3, quasi: 2, provider: 0 };

/** True when `tokens[i]` is a patient word not qualified as software (`httpClient`, `teamMember`). */
export function isPatientWordAt(vocab: Vocabulary, tokens: readonly string[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || !vocab.patientWords.has(t)) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (before !== undefined && after === undefined && SOFTWARE_WHEN_QUALIFIED.has(t)) return false;
  return !(before !== undefined && TECH_QUALIFIERS.has(before)) && !(after !== undefined && TECH_QUALIFIERS.has(after));
}

function matchTerms(vocab: Vocabulary, tokens: readonly string[]): { matches: NameMatch[]; covered: boolean[] } {
  const matches: NameMatch[] = [];
  const covered = tokens.map(() => false);
  const hasHealthOrPatient = () => matches.some((m) => m.strength === 'health' || m.strength === 'direct');
  let i = 0;
  while (i < tokens.length) {
    let consumed = 0;
    for (let len = Math.min(vocab.maxTermTokens, tokens.length - i); len >= 1; len--) {
      const key = tokens.slice(i, i + len).join('_');
      if (!vocab.terms.has(key)) continue;
      const info = vocab.terms.get(key);
      if (info) matches.push({ category: info.category, strength: info.strength, term: key, tokens: [i, i + len - 1] });
      for (let k = i; k < i + len; k++) covered[k] = true;
      consumed = len;
      break;
    }
    if (consumed > 0) {
      i += consumed;
      continue;
    }
    const token = tokens[i] ?? '';
    if (isPatientWordAt(vocab, tokens, i)) {
      matches.push({ category: 'name', strength: 'subject', term: token, tokens: [i, i] });
      covered[i] = true;
    } else {
      const record = vocab.recordWords.get(token);
      if (record !== undefined) {
        const weak = vocab.weakRecordWords.has(token);
        const patientNearby = tokens.some((_, k) => isPatientWordAt(vocab, tokens, k));
        if (!weak || patientNearby || hasHealthOrPatient()) {
          matches.push({ category: record, strength: 'subject', term: token, tokens: [i, i] });
          covered[i] = true;
        }
      }
    }
    i++;
  }
  return { matches, covered };
}

function isAggregate(tokens: readonly string[], covered: readonly boolean[]): boolean {
  const n = tokens.length;
  const last = tokens[n - 1];
  if (last === undefined) return false;
  if (!covered[n - 1] && AGGREGATE_TOKENS.has(last)) return true;
  if (n > 1 && AGGREGATE_PREFIXES.has(tokens[0] ?? '') && !covered[0]) return true;
  if (last === 'code' && n > 1 && AGGREGATE_CODE_QUALIFIERS.has(tokens[n - 2] ?? '')) return true;
  return tokens.some((t, i) => FLAG_ANYWHERE.has(t) && !covered[i]);
}

export function classifyNameUncached(vocab: Vocabulary, identifier: string): NameClassification {
  const tokens = tokenize(identifier);
  const { matches, covered } = matchTerms(vocab, tokens);
  const n = tokens.length;
  const last = tokens[n - 1];
  const opaqueId = last !== undefined && OPAQUE_ID_TOKENS.has(last) && !covered[n - 1];
  const aggregate = !opaqueId && isAggregate(tokens, covered);
  const sanitized = tokens.some((t) => SANITIZED_TOKENS.has(t));
  const patientWord = tokens.some((_, i) => isPatientWordAt(vocab, tokens, i));
  let best: NameMatch | undefined;
  if (!opaqueId && !aggregate && !sanitized) {
    for (const m of matches) {
      if (RANK[m.strength] === 0) continue;
      if (best === undefined || RANK[m.strength] >= RANK[best.strength]) best = m;
    }
  }
  const result: NameClassification = { name: identifier, tokens, matches, opaqueId, patientWord, aggregate, sanitized };
  if (best) result.best = best;
  return result;
}

const SEEN_SLOTS = 1 << 16;

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot). */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 1;
}

/**
 * `memoise` for texts that are mostly one-offs (comments, descriptions, messages): a text enters
 * the memo the second time it is seen, so a unique text costs a hash rather than an entry that
 * the garbage collector copies and keeps. A slot holds the hash of the last text seen there; a
 * collision only lets a text in early.
 */
export function memoiseRepeated<T>(fn: (key: string) => T, limit?: number, maxKeyChars?: number): (key: string) => T {
  const memo = memoise(fn, limit, maxKeyChars);
  const seen = new Int32Array(SEEN_SLOTS);
  return (key: string) => {
    const hash = textHash(key);
    const slot = (hash ^ (hash >>> 16)) & (SEEN_SLOTS - 1);
    if (seen[slot] === hash) return memo(key);
    seen[slot] = hash;
    return fn(key);
  };
}

/** A bounded memo: classification is pure for a given vocabulary. */
export function memoise<T>(fn: (key: string) => T, limit = 10_000, maxKeyChars = Infinity): (key: string) => T {
  const cache = new Map<string, T>();
  let keyChars = 0;
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    if (cache.size >= limit || keyChars + key.length > maxKeyChars) {
      cache.clear();
      keyChars = 0;
    }
    cache.set(key, value);
    keyChars += key.length;
    return value;
  };
}
