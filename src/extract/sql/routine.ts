/**
 * Function, procedure and DO bodies. SQL bodies are extracted like a file; PL/pgSQL bodies go
 * through `parsePlPgSQLSync`, whose line numbers (relative to the body) map back to the file:
 * embedded statements, RAISE (a log/error sink) and dynamic EXECUTE (built object names).
 */
import { parsePlPgSQLSync } from 'libpg-query';
import type { Evidence, SinkKind } from '../../core/facts.js';
import { names, type SqlContext, type Unit } from './context.js';
import { dynamicStatement, evidenceOf, parseExpression } from './expressions.js';
import { asciiLower, lexSql, tokenValue, type Token, type TokenList } from './lexer.js';
import { fallbackStatement } from './fallback.js';
import { extractRegion, splitStatements } from './region.js';
import { emitComments, emitNeonAuthReferences } from './token-facts.js';

type Node = Record<string, any>;

interface Body {
  ctx: SqlContext;
  start: number;
  end: number;
  tokens: TokenList;
  lineStarts: number[];
  records: Set<string>;
}

function defElem(list: Node[] | undefined, name: string): Node | undefined {
  return list?.find((d) => d.DefElem?.defname === name)?.DefElem;
}

/** The dollar- or single-quoted string of the statement whose value is the body. */
function bodyToken(unit: Unit, source: string): Token | undefined {
  const tokens = unit.tokens;
  for (let k = unit.tokenStart; k < unit.tokenEnd; k++) {
    if (tokens.kind(k) !== 'string') continue;
    const t = tokens.token(k);
    if (t.contentEnd! - t.contentStart! === source.length && tokenValue(unit.ctx.text, t) === source) return t;
  }
  return undefined;
}

export function extractRoutineBody(unit: Unit, options: Node[] | undefined, isDo: boolean): void {
  const language = (defElem(options, 'language')?.arg?.String?.sval as string | undefined)?.toLowerCase() ?? (isDo ? 'plpgsql' : 'sql');
  const as = defElem(options, 'as')?.arg;
  const source: string | undefined = isDo ? as?.String?.sval : names(as?.List?.items)[0];
  if (typeof source !== 'string' || (language !== 'plpgsql' && language !== 'sql')) return;
  const token = bodyToken(unit, source);
  // only dollar-quoted bodies map 1:1 onto the file; quoted ones would shift at every ''
  if (!token || unit.ctx.text.charCodeAt(token.start) !== 36) return;
  const { ctx } = unit;
  const start = token.contentStart!;
  const end = token.contentEnd!;
  const tokens = lexSql(ctx.text, start, end).tokens;
  try {
    emitComments(ctx, tokens);
    emitNeonAuthReferences(ctx, tokens);
    if (language === 'sql') {
      extractRegion(ctx, start, end, tokens);
      return;
    }
    const needs = bodyNeeds(ctx.text, tokens);
    if (needs === 'nothing') return;
    if (needs === 'raise-only') {
      const body: Body = { ctx, start, end, tokens, lineStarts: [], records: new Set(['new', 'old']) };
      raisesByTokens(body);
      return;
    }
    const tag = ctx.text.slice(token.start, start);
    const functionText = isDo
      ? `CREATE FUNCTION phi_scan_do() RETURNS void LANGUAGE plpgsql AS ${tag}${source}${tag}`
      : ctx.text.slice(unit.start, unit.end);
    let parsed: Node;
    try {
      parsed = parsePlPgSQLSync(functionText) as Node;
    } catch (error) {
      ctx.failures.push({ at: start, what: isDo ? 'DO block' : 'PL/pgSQL body', error: error instanceof Error ? error.message : String(error) });
      for (const piece of splitStatements(ctx, tokens, start, end)) fallbackStatement(ctx, piece);
      return;
    }
    const fn = parsed.plpgsql_funcs?.[0]?.PLpgSQL_function as Node | undefined;
    if (!fn) return;
    const body: Body = { ctx, start, end, tokens, lineStarts: lineStarts(ctx.text, start, end), records: recordNames(fn.datums) };
    walkPlpgsql(body, fn.action);
  } finally {
    tokens.release();
  }
}

/** Words that start a statement the full PL/pgSQL parse is needed for. */
const NEEDS_PARSE = new Set(['execute', 'create', 'alter', 'drop', 'comment', 'grant', 'revoke', 'insert', 'update', 'delete', 'copy', 'truncate', 'select', 'perform', 'with', 'merge', 'call', 'declare', 'for', 'open']);
const LONGEST_WORD = Math.max(...[...NEEDS_PARSE, 'raise'].map((w) => w.length));

/**
 * Most trigger bodies only assign, return and RAISE: for those the token pass is enough and
 * the PL/pgSQL parse (a tenth of the file's parse cost per function) is skipped.
 */
function bodyNeeds(text: string, tokens: TokenList): 'nothing' | 'raise-only' | 'parse' {
  let raise = false;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens.kind(k) !== 'ident' || tokens.end(k) - tokens.start(k) > LONGEST_WORD) continue;
    const w = asciiLower(text.slice(tokens.start(k), tokens.end(k)));
    if (NEEDS_PARSE.has(w)) return 'parse';
    if (w === 'raise') raise = true;
  }
  return raise ? 'raise-only' : 'nothing';
}

const LEVEL_NUMBERS: Record<string, number> = { debug: 14, log: 15, info: 17, notice: 18, warning: 19, exception: 21 };
const OPTION_TYPES: Record<string, number> = { errcode: 0, message: 1, detail: 2, hint: 3 };

/** Token `k` folded to lower case when it is an unquoted word, else ''. */
function wordAt(text: string, tokens: TokenList, k: number): string {
  return k < tokens.length && tokens.kind(k) === 'ident' ? asciiLower(text.slice(tokens.start(k), tokens.end(k))) : '';
}

/** `RAISE [level] 'format' [, expr ...] [USING option = expr, ...];` read from tokens. */
function raisesByTokens(body: Body): void {
  const { text } = body.ctx;
  const tokens = body.tokens;
  for (let k = 0; k < tokens.length; k++) {
    if (!tokens.isWord(text, k, 'raise')) continue;
    let j = k + 1;
    const level = LEVEL_NUMBERS[wordAt(text, tokens, j)];
    if (level !== undefined) j++;
    const message = j < tokens.length && tokens.kind(j) === 'string' ? tokens.token(j) : undefined;
    if (message) j++;
    const params: { query: string }[] = [];
    const options: { opt_type: number; query: string }[] = [];
    let depth = 0;
    let partStart = -1;
    let optionName = '';
    let inUsing = false;
    const flush = (endAt: number): void => {
      if (partStart < 0) return;
      const query = text.slice(partStart, endAt).trim();
      if (inUsing) {
        const type = OPTION_TYPES[optionName];
        if (type !== undefined && query) options.push({ opt_type: type, query });
      } else if (query) params.push({ query });
      partStart = -1;
    };
    for (; j < tokens.length; j++) {
      const kind = tokens.kind(j);
      const start = tokens.start(j);
      const punct = kind === 'punct' ? text[start] : '';
      if (punct === '(') depth++;
      else if (punct === ')') depth--;
      if (depth === 0 && punct === ';') break;
      if (depth === 0 && tokens.isWord(text, j, 'using')) {
        flush(start);
        inUsing = true;
        continue;
      }
      if (depth === 0 && punct === ',') {
        flush(start);
        continue;
      }
      if (inUsing && partStart < 0 && kind === 'ident' && ((j + 1 < tokens.length && tokens.kind(j + 1) === 'op') || tokens.isWord(text, j + 1, 'to'))) {
        optionName = asciiLower(text.slice(start, tokens.end(j)));
        j++;
        continue;
      }
      if (partStart < 0) partStart = start;
    }
    flush(j < tokens.length ? tokens.start(j) : body.end);
    const lineno = 1;
    body.lineStarts = [tokens.start(k)];
    raise(body, {
      lineno,
      elog_level: level ?? 21,
      ...(message ? { message: tokenValue(text, message) } : {}),
      params: params.map((p) => ({ PLpgSQL_expr: { query: p.query } })),
      options: options.map((o) => ({ PLpgSQL_raise_option: { opt_type: o.opt_type, expr: { PLpgSQL_expr: { query: o.query } } } })),
    });
    k = j;
  }
}

function lineStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function recordNames(datums: Node[] | undefined): Set<string> {
  const out = new Set<string>(['new', 'old']);
  for (const d of datums ?? []) {
    const rec = d.PLpgSQL_rec;
    if (rec?.refname) out.add(String(rec.refname).toLowerCase());
    const v = d.PLpgSQL_var;
    if (v?.refname && /%rowtype$|^record$/i.test(v.datatype?.PLpgSQL_type?.typname ?? '')) out.add(String(v.refname).toLowerCase());
  }
  return out;
}

function lineOffset(body: Body, lineno: number | undefined): number {
  return body.lineStarts[Math.max(0, (lineno ?? 1) - 1)] ?? body.start;
}

function walkPlpgsql(body: Body, value: unknown): void {
  if (Array.isArray(value)) {
    for (const v of value) walkPlpgsql(body, v);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Node)) {
    const n = child as Node;
    if (key === 'PLpgSQL_stmt_execsql') embeddedStatement(body, n);
    else if (key === 'PLpgSQL_stmt_dynexecute' || key === 'PLpgSQL_stmt_dynfors') dynamicExecute(body, n, n.query);
    else if (key === 'PLpgSQL_stmt_open' && n.dynquery) dynamicExecute(body, n, n.dynquery);
    else if (key === 'PLpgSQL_stmt_raise') raise(body, n);
    walkPlpgsql(body, child);
  }
}

/** Where an expression's text starts in the file, searching from its statement's line. */
function locate(body: Body, query: string, from: number): number {
  const at = body.ctx.text.indexOf(query, from);
  return at >= 0 && at + query.length <= body.end ? at : -1;
}

function embeddedStatement(body: Body, n: Node): void {
  const query = n.sqlstmt?.PLpgSQL_expr?.query as string | undefined;
  if (!query) return;
  const from = lineOffset(body, n.lineno);
  let at = locate(body, query, from);
  if (at < 0) {
    // PL/pgSQL blanks `INTO target` with spaces: same length, so find the first word instead
    const firstWord = /^\s*\S+/.exec(query)?.[0].trimStart();
    const wordAt = firstWord ? body.ctx.text.indexOf(firstWord, from) : -1;
    if (wordAt < 0) return;
    at = wordAt - (query.length - query.trimStart().length);
  }
  const end = Math.min(at + query.length, body.end);
  extractRegion(body.ctx, at, end, body.tokens, query.slice(0, end - at));
}

/** Start of the last `word` between `from` and `before`, if any. */
function keywordBefore(body: Body, word: string, before: number, from: number): number | undefined {
  const { tokens } = body;
  let found: number | undefined;
  for (let k = tokens.indexAt(from); k < tokens.length && tokens.start(k) < before; k++) {
    if (tokens.isWord(body.ctx.text, k, word)) found = tokens.start(k);
  }
  return found;
}

function dynamicExecute(body: Body, n: Node, queryNode: Node | undefined): void {
  const query = queryNode?.PLpgSQL_expr?.query as string | undefined;
  if (!query) return;
  const from = lineOffset(body, n.lineno);
  const at = locate(body, query, from);
  if (at < 0) return;
  const parsed = parseExpression(query, at);
  if (!parsed) return;
  const result = dynamicStatement(body.ctx, parsed, body.records);
  if (!result) return;
  const keyword = keywordBefore(body, 'execute', at, from);
  body.ctx.facts.push({
    kind: 'dynamic-identifier',
    what: result.what,
    evidence: result.evidence,
    span: body.ctx.span(keyword ?? at, at + query.length),
    source: 'plpgsql',
  });
}

const LEVEL_WORDS = new Set(['debug', 'log', 'info', 'notice', 'warning', 'exception']);
/** PostgreSQL's elog levels: ERROR (21) and above abort; below go to the log or the client. */
const ERROR_LEVEL = 21;
const MESSAGE_OPTIONS = new Set([1, 2, 3]);

function levelName(level: number): string {
  if (level >= ERROR_LEVEL) return 'EXCEPTION';
  if (level >= 19) return 'WARNING';
  if (level === 18) return 'NOTICE';
  if (level === 17) return 'INFO';
  if (level >= 15) return 'LOG';
  return 'DEBUG';
}

function raise(body: Body, n: Node): void {
  const level = Number(n.elog_level ?? ERROR_LEVEL);
  const hasContent = typeof n.message === 'string' || (n.params?.length ?? 0) > 0 || (n.options?.length ?? 0) > 0;
  if (!hasContent) return;
  const { ctx, tokens } = body;
  const lineAt = lineOffset(body, n.lineno);
  let k = tokens.indexAt(lineAt);
  while (k < tokens.length && !tokens.isWord(ctx.text, k, 'raise')) k++;
  if (k === tokens.length) return;
  const levelWord = wordAt(ctx.text, tokens, k + 1);
  const explicitLevel = LEVEL_WORDS.has(levelWord);
  const keywordsEnd = tokens.end(explicitLevel ? k + 1 : k);
  const evidence: Evidence[] = [];
  let cursor = keywordsEnd;
  if (typeof n.message === 'string') {
    for (let j = k + 1; j < tokens.length; j++) {
      if (tokens.kind(j) === 'punct' && ctx.text[tokens.start(j)] === ';') break;
      if (tokens.kind(j) !== 'string') continue;
      evidence.push({ kind: 'text', text: n.message, span: ctx.span(tokens.start(j), tokens.end(j)) });
      cursor = tokens.end(j);
      break;
    }
  }
  const expressions: string[] = [
    ...(n.params ?? []).map((p: Node) => p.PLpgSQL_expr?.query),
    ...(n.options ?? []).filter((o: Node) => MESSAGE_OPTIONS.has(o.PLpgSQL_raise_option?.opt_type)).map((o: Node) => o.PLpgSQL_raise_option.expr?.PLpgSQL_expr?.query),
  ].filter((q): q is string => typeof q === 'string');
  for (const query of expressions) {
    const at = locate(body, query, cursor);
    if (at < 0) continue;
    cursor = at + query.length;
    const parsed = parseExpression(query, at);
    if (parsed) evidenceOf(ctx, parsed, parsed.node, body.records, evidence);
  }
  const sink: SinkKind = level >= ERROR_LEVEL ? 'error' : 'log';
  ctx.facts.push({
    kind: 'sink-call',
    sink,
    callee: `RAISE ${explicitLevel ? levelWord.toUpperCase() : levelName(level)}`,
    evidence,
    span: ctx.span(tokens.start(k), keywordsEnd),
    source: 'plpgsql',
  });
}
