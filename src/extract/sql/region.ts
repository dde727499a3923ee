/**
 * Parses a region of SQL (a file, a function body, one embedded statement): the whole region
 * first, and only if that fails statement by statement, so one bad statement loses only itself.
 */
import { parseSync } from 'libpg-query';
import { byteMapper, type SqlContext, type Unit } from './context.js';
import type { Token, TokenList } from './lexer.js';
import { fallbackStatement } from './fallback.js';
import { parserReady } from './parser.js';
import { extractStatement } from './statements.js';

interface RawStatement {
  stmt: Record<string, any>;
  stmt_location?: number;
  stmt_len?: number;
}

/**
 * `sql`, when given, is what to parse instead of the region's text: same length, so offsets
 * still point into the file (PL/pgSQL blanks the INTO clause of its statements this way).
 */
export function extractRegion(ctx: SqlContext, start: number, end: number, tokens: TokenList, sql?: string): void {
  if (!parserReady()) {
    ctx.failures.push({ at: start, what: 'SQL', error: 'the PostgreSQL parser was not loaded' });
    for (const piece of splitStatements(ctx, tokens, start, end)) fallbackStatement(ctx, piece);
    return;
  }
  const slice = sql !== undefined && sql.length === end - start ? sql : ctx.text.slice(start, end);
  const parsed = tryParse(slice);
  if (parsed.ok) {
    emitUnits(ctx, parsed.stmts, slice, start, tokens);
    return;
  }
  for (const piece of splitStatements(ctx, tokens, start, end)) {
    const first = piece[0];
    const last = piece[piece.length - 1];
    if (!first || !last) continue;
    const pieceText = slice.slice(first.start - start, last.end - start);
    const result = tryParse(pieceText);
    if (result.ok) emitUnits(ctx, result.stmts, pieceText, first.start, tokens);
    else {
      ctx.failures.push({ at: first.start, what: 'statement', error: result.error });
      fallbackStatement(ctx, piece);
    }
  }
}

function tryParse(sql: string): { ok: true; stmts: RawStatement[] } | { ok: false; error: string } {
  try {
    return { ok: true, stmts: (parseSync(sql).stmts ?? []) as RawStatement[] };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function emitUnits(ctx: SqlContext, stmts: RawStatement[], slice: string, base: number, tokens: TokenList): void {
  const loc = byteMapper(slice, base);
  for (const raw of stmts) {
    const startByte = raw.stmt_location ?? 0;
    const start = loc(startByte);
    const end = raw.stmt_len ? loc(startByte + raw.stmt_len) : base + slice.length;
    const unit: Unit = { ctx, node: raw.stmt, start, end, tokens, tokenStart: tokens.indexAt(start), tokenEnd: tokens.indexAt(end), id: `s${start}`, loc };
    try {
      extractStatement(unit);
    } catch (error) {
      ctx.failures.push({ at: start, what: 'statement', error: `internal: ${error instanceof Error ? error.message : String(error)}` });
      fallbackStatement(ctx, tokens.toArray(unit.tokenStart, unit.tokenEnd));
    }
  }
}

/** Statements as token runs separated by top-level `;` (strings and comments are single tokens). */
export function splitStatements(ctx: SqlContext, tokens: TokenList, start: number, end: number): Token[][] {
  const pieces: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokens.toArray(tokens.indexAt(start), tokens.indexAt(end))) {
    if (t.kind === 'punct' && ctx.text[t.start] === ';') {
      if (current.some((c) => c.kind !== 'comment')) pieces.push(current);
      current = [];
      continue;
    }
    if (t.kind === 'comment' && current.length === 0) continue;
    current.push(t);
  }
  if (current.some((c) => c.kind !== 'comment')) pieces.push(current);
  return pieces;
}
