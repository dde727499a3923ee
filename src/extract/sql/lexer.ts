/**
 * A small, linear SQL lexer working on UTF-16 offsets. It finds name tokens, strings and
 * comments without a parse tree, and (with `psql` set) neutralises psql meta-commands,
 * psql variables, Flyway `${...}` and JDBC `?` placeholders by recording same-length edits.
 */

export type TokenKind =
  | 'ident'
  | 'qident'
  | 'string'
  | 'number'
  | 'comment'
  | 'op'
  | 'param'
  | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** For strings and quoted identifiers: where the content starts and ends (without quotes). */
  contentStart?: number;
  contentEnd?: number;
  /** `E'...'` strings: backslash escapes apply. */
  escapes?: boolean;
}

const KIND_NAMES: readonly TokenKind[] = ['ident', 'qident', 'string', 'number', 'comment', 'op', 'param', 'punct'];
// indices into KIND_NAMES, in its order
const [IDENT, QIDENT, STRING, NUMBER, COMMENT, OP, PARAM, PUNCT] = [0, 1, 2, 3, 4, 5, 6, 7] as const;
const KIND_MASK = 7;
const ESCAPES = 8;
const STRIDE = 5;

const SPARE_BUFFERS: Int32Array[] = [];
const MAX_SPARE_BUFFERS = 4;
/** Buffers of files up to about 64K tokens are kept for reuse; bigger ones go to the collector. */
const MAX_SPARE_LENGTH = 64 * 1024 * STRIDE;
const RELEASED = new Int32Array(0);

/**
 * Tokens stored flat, five numbers each (kind, start, end, content start, content end): a file
 * has a token every few characters, and an object per token was the largest single share of
 * what a SQL scan allocated.
 * `token(k)` builds the object form for the few tokens a caller keeps.
 */
export class TokenList {
  length = 0;
  private data: Int32Array;

  constructor(capacity = 16) {
    const size = Math.max(16, capacity) * STRIDE;
    const spare = SPARE_BUFFERS[SPARE_BUFFERS.length - 1];
    this.data = spare !== undefined && spare.length >= size ? SPARE_BUFFERS.pop()! : new Int32Array(size);
  }

  /**
   * Hands the list's buffer to the next list (the list is empty afterwards): a file's list dies
   * when its extraction ends, and a fresh buffer per file (off the heap, zeroed, swept by the
   * collector) cost a sixth of the lexer's time.
   */
  release(): void {
    if (SPARE_BUFFERS.length < MAX_SPARE_BUFFERS && this.data.length <= MAX_SPARE_LENGTH) SPARE_BUFFERS.push(this.data);
    this.data = RELEASED;
    this.length = 0;
  }

  static of(tokens: readonly Token[]): TokenList {
    const list = new TokenList(tokens.length);
    for (const t of tokens) list.add(KIND_NAMES.indexOf(t.kind), t.start, t.end, t.contentStart, t.contentEnd, t.escapes);
    return list;
  }

  /** `code`: the kind's index in KIND_NAMES. */
  add(code: number, start: number, end: number, contentStart = start, contentEnd = end, escapes = false): void {
    let at = this.length * STRIDE;
    if (at === this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, 16 * STRIDE));
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    data[at++] = escapes ? code | ESCAPES : code;
    data[at++] = start;
    data[at++] = end;
    data[at++] = contentStart;
    data[at] = contentEnd;
    this.length++;
  }

  kind(k: number): TokenKind {
    return KIND_NAMES[this.data[k * STRIDE]! & KIND_MASK]!;
  }

  start(k: number): number {
    return this.data[k * STRIDE + 1]!;
  }

  end(k: number): number {
    return this.data[k * STRIDE + 2]!;
  }

  /** Is token `k` the unquoted word `word` (given in lower case)? */
  isWord(text: string, k: number, word: string): boolean {
    return k >= 0 && k < this.length && this.kind(k) === 'ident' && equalsFolded(text, this.start(k), this.end(k), word);
  }

  /** The object form of token `k`. */
  token(k: number): Token {
    const at = k * STRIDE;
    const data = this.data;
    const kind = KIND_NAMES[data[at]! & KIND_MASK]!;
    const token: Token = { kind, start: data[at + 1]!, end: data[at + 2]! };
    if (kind === 'string' || kind === 'qident') {
      token.contentStart = data[at + 3]!;
      token.contentEnd = data[at + 4]!;
      if (data[at]! & ESCAPES) token.escapes = true;
    }
    return token;
  }

  /** Index of the first token starting at or after `offset`, searching `[lo, hi)`. */
  indexAt(offset: number, lo = 0, hi = this.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.data[mid * STRIDE + 1]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  toArray(from = 0, to = this.length): Token[] {
    const out: Token[] = [];
    for (let k = from; k < to; k++) out.push(this.token(k));
    return out;
  }
}

/** A same-length replacement of `text.slice(start, end)`. */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** A `COPY ... FROM stdin` data block: the rows between the statement and `\.`. */
export interface CopyBlock {
  /** Offset of the `;` that ends the COPY statement. */
  statementEnd: number;
  start: number;
  end: number;
}

export interface LexOptions {
  /** Recognise psql meta-commands, variables and placeholders, recording edits. */
  psql?: boolean;
}

export interface LexResult {
  tokens: TokenList;
  edits: Edit[];
  copyBlocks: CopyBlock[];
  metaCommands: number;
}

/** Keywords after which a `?` is a bind placeholder rather than a jsonb operator. */
const PLACEHOLDER_AFTER_WORDS = new Set(['limit', 'offset', 'like', 'ilike', 'and', 'or', 'then', 'else', 'when', 'values', 'in', 'between', 'set', 'select', 'return']);
const PLACEHOLDER_AFTER_OPS = new Set(['=', '<', '>', '<=', '>=', '<>', '!=', '+', '-', '*', '/', '||']);
/** psql meta-commands that send the query buffer, so they end a statement. */
const SENDING_META = /^\\(g|gx|gset|gexec|gdesc|crosstabview|watch)\b/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

const IDENT_START = 1;
const IDENT_PART = 2;
const OP_CHAR = 4;
const PUNCT_CHAR = 8;
/** Character classes of ASCII: every code unit from 128 on may start or continue a name. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  ASCII_CLASS[c] = (letter ? IDENT_START | IDENT_PART : 0) | ((c >= 48 && c <= 57) || c === 36 ? IDENT_PART : 0);
}
for (const c of '+-*/<>=~!@#%^&|`?:') ASCII_CLASS[c.charCodeAt(0)]! |= OP_CHAR;
for (const c of '();,[].') ASCII_CLASS[c.charCodeAt(0)]! |= PUNCT_CHAR;

function hasClass(c: number, charClass: number): boolean {
  return c >= 0 && c < 128 && (ASCII_CLASS[c]! & charClass) !== 0;
}

function isIdentStart(c: number): boolean {
  return c >= 128 || (c >= 0 && (ASCII_CLASS[c]! & IDENT_START) !== 0);
}

function isIdentPart(c: number): boolean {
  return c >= 128 || (c >= 0 && (ASCII_CLASS[c]! & IDENT_PART) !== 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function lineEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Same-length blank that keeps line breaks, so line numbers do not move. */
export function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

export function lexSql(text: string, start = 0, end = text.length, options: LexOptions = {}): LexResult {
  const tokens = new TokenList((end - start) >> 2);
  const edits: Edit[] = [];
  const copyBlocks: CopyBlock[] = [];
  let metaCommands = 0;
  let statementStart = 0;
  const psql = options.psql === true;
  let i = start;

  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    // strings with prefixes: E'..', B'..', X'..', N'..', U&'..'
    if ((c === 69 || c === 101) && next === 39) {
      i = lexQuoted(text, i, i + 1, end, 39, true, tokens);
      continue;
    }
    if ((c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110) && next === 39) {
      i = lexQuoted(text, i, i + 1, end, 39, false, tokens);
      continue;
    }
    if ((c === 85 || c === 117) && next === 38 && (text.charCodeAt(i + 2) === 39 || text.charCodeAt(i + 2) === 34)) {
      i = lexQuoted(text, i, i + 2, end, text.charCodeAt(i + 2), false, tokens);
      continue;
    }
    // Words next: the commonest token.
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      tokens.add(IDENT, i, j);
      i = j;
      continue;
    }
    // -- line comment
    if (c === 45 && next === 45) {
      const e = lineEnd(text, i, end);
      tokens.add(COMMENT, i, e);
      i = e;
      continue;
    }
    // /* nested block comment */
    if (c === 47 && next === 42) {
      let depth = 1;
      let j = i + 2;
      while (j < end && depth > 0) {
        const d = text.charCodeAt(j);
        if (d === 47 && text.charCodeAt(j + 1) === 42) {
          depth++;
          j += 2;
        } else if (d === 42 && text.charCodeAt(j + 1) === 47) {
          depth--;
          j += 2;
        } else j++;
      }
      tokens.add(COMMENT, i, Math.min(j, end));
      i = Math.min(j, end);
      continue;
    }
    if (c === 39 || c === 34) {
      i = lexQuoted(text, i, i, end, c, false, tokens);
      continue;
    }
    if (c === 36) {
      // $1 parameter, $tag$ string, or Flyway ${placeholder}
      if (isDigit(next)) {
        let j = i + 1;
        while (j < end && isDigit(text.charCodeAt(j))) j++;
        tokens.add(PARAM, i, j);
        i = j;
        continue;
      }
      if (psql && next === 123) {
        const close = text.indexOf('}', i + 2);
        const nl = lineEnd(text, i, end);
        if (close !== -1 && close < nl) {
          edits.push({ start: i, end: close + 1, replacement: '_'.repeat(close + 1 - i) });
          tokens.add(IDENT, i, close + 1);
          i = close + 1;
          continue;
        }
      }
      DOLLAR_TAG.lastIndex = i;
      const m = DOLLAR_TAG.exec(text);
      if (m && m.index === i) {
        const tag = m[0];
        const close = text.indexOf(tag, i + tag.length);
        const stop = close === -1 || close + tag.length > end ? end : close + tag.length;
        tokens.add(STRING, i, stop, i + tag.length, close === -1 || close + tag.length > end ? end : close);
        i = stop;
        continue;
      }
      tokens.add(OP, i, i + 1);
      i++;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(next))) {
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (isDigit(d) || d === 46 || d === 95) j++;
        else if ((d === 101 || d === 69) && (isDigit(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === 45 || text.charCodeAt(j + 1) === 43)) j += 2;
        else break;
      }
      tokens.add(NUMBER, i, j);
      i = j;
      continue;
    }
    if (c === 59) {
      tokens.add(PUNCT, i, i + 1);
      if (psql) {
        const block = copyDataAfter(text, tokens, statementStart, i, end);
        if (block) {
          copyBlocks.push(block.block);
          edits.push(...block.edits);
          i = block.resumeAt;
          statementStart = tokens.length;
          continue;
        }
      }
      statementStart = tokens.length;
      i++;
      continue;
    }
    if (hasClass(c, PUNCT_CHAR)) {
      tokens.add(PUNCT, i, i + 1);
      i++;
      continue;
    }
    if (c === 92) {
      // a backslash outside strings: a psql meta-command running to the end of the line
      const e = lineEnd(text, i, end);
      if (psql) {
        metaCommands++;
        const command = text.slice(i, e);
        const sends = SENDING_META.test(command);
        edits.push({ start: i, end: e, replacement: (sends ? ';' : ' ') + ' '.repeat(e - i - 1) });
        if (sends) {
          tokens.add(PUNCT, i, i + 1);
          statementStart = tokens.length;
        }
      } else {
        tokens.add(OP, i, e);
      }
      i = e;
      continue;
    }
    if (psql && c === 58 && next !== 58 && text.charCodeAt(i - 1) !== 58) {
      const psqlVar = psqlVariable(text, i, end);
      if (psqlVar) {
        edits.push(psqlVar.edit);
        i = psqlVar.resumeAt;
        if (psqlVar.token) tokens.add(IDENT, psqlVar.token.start, psqlVar.token.end);
        continue;
      }
    }
    if (hasClass(c, OP_CHAR)) {
      let j = i + 1;
      while (j < end && hasClass(text.charCodeAt(j), OP_CHAR)) {
        const d = text.charCodeAt(j);
        const e2 = text.charCodeAt(j + 1);
        if ((d === 45 && e2 === 45) || (d === 47 && e2 === 42)) break;
        j++;
      }
      if (psql && c === 63 && j === i + 1 && isBindPlaceholder(text, tokens, j, end)) {
        edits.push({ start: i, end: j, replacement: '0' });
        tokens.add(NUMBER, i, j);
      } else {
        tokens.add(OP, i, j);
      }
      i = j;
      continue;
    }
    // anything else (stray characters): skip one code unit
    i++;
  }
  return { tokens, edits, copyBlocks, metaCommands };
}

function lexQuoted(
  text: string,
  start: number,
  quoteAt: number,
  end: number,
  quote: number,
  escapes: boolean,
  tokens: TokenList,
): number {
  const j = escapes ? closingQuoteWithEscapes(text, quoteAt + 1, end, quote) : closingQuote(text, quoteAt + 1, end, quote);
  const stop = Math.min(j + 1, end);
  tokens.add(quote === 34 ? QIDENT : STRING, start, stop, quoteAt + 1, Math.min(j, end), escapes);
  return stop;
}

/** Offset of the quote that closes a string or quoted identifier (a doubled quote does not); `end` or past it when unclosed. */
function closingQuote(text: string, from: number, end: number, quote: number): number {
  const quoteChar = quote === 34 ? '"' : "'";
  let j = from;
  for (;;) {
    const at = text.indexOf(quoteChar, j);
    if (at === -1 || at >= end) return Math.max(j, end);
    if (text.charCodeAt(at + 1) !== quote) return at;
    j = at + 2;
  }
}

/** `closingQuote` for `E'...'`, where a backslash escapes the next character. */
function closingQuoteWithEscapes(text: string, from: number, end: number, quote: number): number {
  let j = from;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (d === 92) {
      j += 2;
      continue;
    }
    if (d === quote) {
      if (text.charCodeAt(j + 1) !== quote) break;
      j += 2;
      continue;
    }
    j++;
  }
  return j;
}

function psqlVariable(text: string, i: number, end: number): { edit: Edit; resumeAt: number; token?: { start: number; end: number } } | undefined {
  const next = text.charCodeAt(i + 1);
  if (next === 39 || next === 34) {
    // :'var' and :"var": drop the colon, the rest lexes as a string / quoted identifier
    return { edit: { start: i, end: i + 1, replacement: ' ' }, resumeAt: i + 1 };
  }
  if (next === 123 && text.charCodeAt(i + 2) === 63) {
    const close = text.indexOf('}', i);
    if (close === -1 || close >= end) return undefined;
    const len = close + 1 - i;
    if (len < 4) return undefined;
    return {
      edit: { start: i, end: close + 1, replacement: 'true' + ' '.repeat(len - 4) },
      resumeAt: close + 1,
      token: { start: i, end: i + 4 },
    };
  }
  if (isIdentStart(next) && next < 128) {
    let j = i + 2;
    while (j < end && isIdentPart(text.charCodeAt(j))) j++;
    return { edit: { start: i, end: i + 1, replacement: '_' }, resumeAt: j, token: { start: i, end: j } };
  }
  return undefined;
}

function isBindPlaceholder(text: string, tokens: TokenList, after: number, end: number): boolean {
  const prev = tokens.length - 1;
  const kind = prev >= 0 ? tokens.kind(prev) : undefined;
  let prevOk = false;
  if (kind === 'punct') prevOk = text[tokens.start(prev)] === '(' || text[tokens.start(prev)] === ',';
  else if (kind === 'op') prevOk = PLACEHOLDER_AFTER_OPS.has(text.slice(tokens.start(prev), tokens.end(prev)));
  else if (kind === 'ident') prevOk = PLACEHOLDER_AFTER_WORDS.has(text.slice(tokens.start(prev), tokens.end(prev)).toLowerCase());
  if (!prevOk) return false;
  let j = after;
  while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  const c = text.charCodeAt(j);
  return j >= end || c === 44 || c === 41 || c === 59 || c === 93 || c === 10 || c === 13 || isIdentStart(c);
}

function copyDataAfter(
  text: string,
  tokens: TokenList,
  statementStart: number,
  semicolon: number,
  end: number,
): { block: CopyBlock; edits: Edit[]; resumeAt: number } | undefined {
  if (!tokens.isWord(text, statementStart, 'copy')) return undefined;
  let fromStdin = false;
  for (let k = statementStart + 1; k < tokens.length - 1; k++) {
    if (tokens.isWord(text, k, 'stdin') && equalsFolded(text, tokens.start(k - 1), tokens.end(k - 1), 'from')) fromStdin = true;
  }
  if (!fromStdin) return undefined;
  let dataStart = lineEnd(text, semicolon, end);
  if (text.charCodeAt(dataStart) === 13) dataStart++;
  if (text.charCodeAt(dataStart) === 10) dataStart++;
  let lineStart = dataStart;
  while (lineStart < end) {
    const e = lineEnd(text, lineStart, end);
    if (text.slice(lineStart, e) === '\\.') {
      const block = { statementEnd: semicolon, start: dataStart, end: lineStart };
      return {
        block,
        edits: [{ start: dataStart, end: e, replacement: blank(text.slice(dataStart, e)) }],
        resumeAt: e,
      };
    }
    let n = e;
    if (text.charCodeAt(n) === 13) n++;
    if (text.charCodeAt(n) === 10) n++;
    if (n === e) break;
    lineStart = n;
  }
  const block = { statementEnd: semicolon, start: dataStart, end };
  return { block, edits: [{ start: dataStart, end, replacement: blank(text.slice(dataStart, end)) }], resumeAt: end };
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The value a token stands for: identifiers as PostgreSQL folds them, strings unescaped. */
export function tokenValue(text: string, token: Token): string {
  switch (token.kind) {
    case 'ident':
      return asciiLower(text.slice(token.start, token.end));
    case 'qident':
      return text.slice(token.contentStart ?? token.start, token.contentEnd ?? token.end).replace(/""/g, '"');
    case 'string': {
      const raw = text.slice(token.contentStart ?? token.start, token.contentEnd ?? token.end);
      if (text.charCodeAt(token.start) === 36) return raw;
      const unquoted = raw.replace(/''/g, "'");
      return token.escapes ? unquoted.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch)) : unquoted;
    }
    default:
      return text.slice(token.start, token.end);
  }
}

/** PostgreSQL folds only ASCII letters of unquoted identifiers. */
export function asciiLower(s: string): string {
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // toLowerCase would also fold non-ASCII letters
    if (c >= 128) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? s.toLowerCase() : s;
}

/** Is `text.slice(start, end)`, ASCII letters folded to lower case, equal to `name`? */
export function equalsFolded(text: string, start: number, end: number, name: string): boolean {
  const length = end - start;
  if (length !== name.length) return false;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== name.charCodeAt(i)) return false;
  }
  return true;
}
