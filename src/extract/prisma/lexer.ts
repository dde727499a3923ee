/**
 * The Prisma schema language as tokens with exact UTF-16 offsets. One pass, no backtracking:
 * identifiers, strings, numbers, `//` and `///` comments, punctuation, and line ends.
 */

export type TokenKind = 'ident' | 'string' | 'number' | 'comment' | 'doc' | 'punct' | 'newline';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Set on a string that runs to the end of its line without a closing quote. */
  unterminated?: boolean;
}

const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      tokens.push({ kind: 'newline', start: i, end });
      i = end;
    } else if (c === 32 || c === 9 || c === 0xfeff) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const start = i;
      const doc = text.charCodeAt(i + 2) === 47;
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      tokens.push({ kind: doc ? 'doc' : 'comment', start, end: i });
    } else if (c === 34) {
      const start = i++;
      let closed = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) {
          i++;
          closed = true;
          break;
        } else if (d === 10 || d === 13) break;
        else i++;
      }
      i = Math.min(i, n);
      tokens.push(closed ? { kind: 'string', start, end: i } : { kind: 'string', start, end: i, unterminated: true });
    } else if (isIdentStart(c)) {
      const start = i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', start, end: i });
    } else if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(i + 1)))) {
      const start = i++;
      while (i < n && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      tokens.push({ kind: 'number', start, end: i });
    } else {
      // `@@` is one token; everything else is one character
      const end = c === 64 && text.charCodeAt(i + 1) === 64 ? i + 2 : i + 1;
      tokens.push({ kind: 'punct', start: i, end });
      i = end;
    }
  }
  return tokens;
}

/** The value of a string token: quotes removed, escapes resolved. */
export function stringValue(text: string, token: Token): string {
  const inner = text.slice(token.start + 1, token.unterminated ? token.end : token.end - 1);
  return inner.includes('\\') ? inner.replace(/\\(["\\/bfnrt])/g, (_, e: string) => ESCAPES[e] ?? e) : inner;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
