/**
 * Masking: the scanner must never become the leak. Letters keep only the first of each word,
 * digits are all hidden, separators stay so the shape remains recognisable:
 * `Maria Garcia` -> `M**** G*****`, `123-45-6789` -> `***-**-****`.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function mask(value: string): string {
  let out = '';
  let atWordStart = true;
  for (const ch of value) {
    if (!WORD_CHAR.test(ch)) {
      out += ch;
      atWordStart = true;
      continue;
    }
    const isDigit = ch >= '0' && ch <= '9';
    out += atWordStart && !isDigit ? ch : '*';
    atWordStart = false;
  }
  return out;
}

/** Masks only the given spans of a text: `patient_maria_garcia` -> `patient_m****_g*****`. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + mask(text.slice(from, end));
    at = end;
  }
  return out + text.slice(at);
}

/** Shortens long evidence so messages stay one line; applied after masking. */
export function clip(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

// The lookbehind starts matches only at a token's start: linear on long runs without a digit.
const DIGIT_TOKEN = /(?<![\p{L}\p{N}_-])[\p{L}\p{N}_-]*\p{N}[\p{L}\p{N}_-]*/gu;

/**
 * A one-line excerpt for messages: the found values masked, and every other token that holds a
 * digit masked too (case numbers, account numbers and dates the detectors did not claim), so the
 * excerpt helps locate the text without repeating identifiers.
 */
export function maskedExcerpt(text: string, spans: readonly { start: number; end: number }[], max = 80): string {
  const all = [...spans];
  for (const m of text.matchAll(DIGIT_TOKEN)) all.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return clip(maskSpans(text, all), max);
}
