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
  tokens: Token[];
  edits: Edit[];
  copyBlocks: CopyBlock[];
  metaCommands: number;
}

const OP_CHARS = new Set('+-*/<>=~!@#%^&|`?:'.split('').map((c) => c.charCodeAt(0)));
const PUNCT_CHARS = new Set('();,[].'.split('').map((c) => c.charCodeAt(0)));
/** Keywords after which a `?` is a bind placeholder rather than a jsonb operator. */
const PLACEHOLDER_AFTER_WORDS = new Set(['limit', 'offset', 'like', 'ilike', 'and', 'or', 'then', 'else', 'when', 'values', 'in', 'between', 'set', 'select', 'return']);
const PLACEHOLDER_AFTER_OPS = new Set(['=', '<', '>', '<=', '>=', '<>', '!=', '+', '-', '*', '/', '||']);
/** psql meta-commands that send the query buffer, so they end a statement. */
const SENDING_META = /^\\(g|gx|gset|gexec|gdesc|crosstabview|watch)\b/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
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
  const tokens: Token[] = [];
  const edits: Edit[] = [];
  const copyBlocks: CopyBlock[] = [];
  let metaCommands = 0;
  let statementStart = 0;
  const psql = options.psql === true;
  let i = start;

  const push = (token: Token): void => {
    tokens.push(token);
  };

  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    // strings with prefixes: E'..', B'..', X'..', N'..', U&'..'
    if ((c === 69 || c === 101) && next === 39) {
      i = lexQuoted(text, i, i + 1, end, 39, true, push);
      continue;
    }
    if ((c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110) && next === 39) {
      i = lexQuoted(text, i, i + 1, end, 39, false, push);
      continue;
    }
    if ((c === 85 || c === 117) && next === 38 && (text.charCodeAt(i + 2) === 39 || text.charCodeAt(i + 2) === 34)) {
      i = lexQuoted(text, i, i + 2, end, text.charCodeAt(i + 2), false, push);
      continue;
    }
    // Words next: the commonest token.
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < end && isIdentPart(text.charCodeAt(j))) j++;
      push({ kind: 'ident', start: i, end: j });
      i = j;
      continue;
    }
    // -- line comment
    if (c === 45 && next === 45) {
      const e = lineEnd(text, i, end);
      push({ kind: 'comment', start: i, end: e });
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
      push({ kind: 'comment', start: i, end: Math.min(j, end) });
      i = Math.min(j, end);
      continue;
    }
    if (c === 39 || c === 34) {
      i = lexQuoted(text, i, i, end, c, false, push);
      continue;
    }
    if (c === 36) {
      // $1 parameter, $tag$ string, or Flyway ${placeholder}
      if (isDigit(next)) {
        let j = i + 1;
        while (j < end && isDigit(text.charCodeAt(j))) j++;
        push({ kind: 'param', start: i, end: j });
        i = j;
        continue;
      }
      if (psql && next === 123) {
        const close = text.indexOf('}', i + 2);
        const nl = lineEnd(text, i, end);
        if (close !== -1 && close < nl) {
          edits.push({ start: i, end: close + 1, replacement: '_'.repeat(close + 1 - i) });
          push({ kind: 'ident', start: i, end: close + 1 });
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
        push({
          kind: 'string',
          start: i,
          end: stop,
          contentStart: i + tag.length,
          contentEnd: close === -1 || close + tag.length > end ? end : close,
        });
        i = stop;
        continue;
      }
      push({ kind: 'op', start: i, end: i + 1 });
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
      push({ kind: 'number', start: i, end: j });
      i = j;
      continue;
    }
    if (c === 59) {
      push({ kind: 'punct', start: i, end: i + 1 });
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
    if (PUNCT_CHARS.has(c)) {
      push({ kind: 'punct', start: i, end: i + 1 });
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
          push({ kind: 'punct', start: i, end: i + 1 });
          statementStart = tokens.length;
        }
      } else {
        push({ kind: 'op', start: i, end: e });
      }
      i = e;
      continue;
    }
    if (psql && c === 58 && next !== 58 && text.charCodeAt(i - 1) !== 58) {
      const psqlVar = psqlVariable(text, i, end);
      if (psqlVar) {
        edits.push(psqlVar.edit);
        i = psqlVar.resumeAt;
        if (psqlVar.token) push(psqlVar.token);
        continue;
      }
    }
    if (OP_CHARS.has(c)) {
      let j = i + 1;
      while (j < end && OP_CHARS.has(text.charCodeAt(j))) {
        const d = text.charCodeAt(j);
        const e2 = text.charCodeAt(j + 1);
        if ((d === 45 && e2 === 45) || (d === 47 && e2 === 42)) break;
        j++;
      }
      if (psql && c === 63 && j === i + 1 && isBindPlaceholder(text, tokens, j, end)) {
        edits.push({ start: i, end: j, replacement: '0' });
        push({ kind: 'number', start: i, end: j });
      } else {
        push({ kind: 'op', start: i, end: j });
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
  push: (t: Token) => void,
): number {
  let j = quoteAt + 1;
  while (j < end) {
    const d = text.charCodeAt(j);
    if (escapes && d === 92) {
      j += 2;
      continue;
    }
    if (d === quote) {
      if (text.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      break;
    }
    j++;
  }
  const stop = Math.min(j + 1, end);
  const token: Token = { kind: quote === 34 ? 'qident' : 'string', start, end: stop, contentStart: quoteAt + 1, contentEnd: Math.min(j, end) };
  if (escapes) token.escapes = true;
  push(token);
  return stop;
}

function psqlVariable(text: string, i: number, end: number): { edit: Edit; resumeAt: number; token?: Token } | undefined {
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
      token: { kind: 'ident', start: i, end: i + 4 },
    };
  }
  if (isIdentStart(next) && next < 128) {
    let j = i + 2;
    while (j < end && isIdentPart(text.charCodeAt(j))) j++;
    return { edit: { start: i, end: i + 1, replacement: '_' }, resumeAt: j, token: { kind: 'ident', start: i, end: j } };
  }
  return undefined;
}

function isBindPlaceholder(text: string, tokens: Token[], after: number, end: number): boolean {
  const prev = tokens[tokens.length - 1];
  let prevOk = false;
  if (!prev) prevOk = false;
  else if (prev.kind === 'punct') prevOk = text[prev.start] === '(' || text[prev.start] === ',';
  else if (prev.kind === 'op') prevOk = PLACEHOLDER_AFTER_OPS.has(text.slice(prev.start, prev.end));
  else if (prev.kind === 'ident') prevOk = PLACEHOLDER_AFTER_WORDS.has(text.slice(prev.start, prev.end).toLowerCase());
  if (!prevOk) return false;
  let j = after;
  while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  const c = text.charCodeAt(j);
  return j >= end || c === 44 || c === 41 || c === 59 || c === 93 || c === 10 || c === 13 || isIdentStart(c);
}

function copyDataAfter(
  text: string,
  tokens: Token[],
  statementStart: number,
  semicolon: number,
  end: number,
): { block: CopyBlock; edits: Edit[]; resumeAt: number } | undefined {
  const first = tokens[statementStart];
  if (!first || first.kind !== 'ident' || text.slice(first.start, first.end).toLowerCase() !== 'copy') return undefined;
  let fromStdin = false;
  for (let k = statementStart + 1; k < tokens.length - 1; k++) {
    const t = tokens[k]!;
    if (t.kind === 'ident' && text.slice(t.start, t.end).toLowerCase() === 'stdin') {
      const prev = tokens[k - 1];
      if (prev && text.slice(prev.start, prev.end).toLowerCase() === 'from') fromStdin = true;
    }
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

/** `tokenValue(text, token) === name` for an unquoted identifier, without building the value. */
export function identEquals(text: string, token: Token, name: string): boolean {
  const length = token.end - token.start;
  if (length !== name.length) return false;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(token.start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
