/**
 * The SQL extractor: migrations, seeds, pg_dump output and psql scripts to facts, and
 * `extractSqlText` for SQL embedded in other languages (spans in the host file).
 */
import { scanSync } from 'libpg-query';
import { mask } from '../../classify/mask.js';
import type { Evidence, Fact, FactSource } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import type { Extractor } from '../types.js';
import type { SqlContext } from './context.js';
import { mergeBySpan, sortBySpan } from './fact-order.js';
import { applyEdits, lexSql } from './lexer.js';
import { loadSqlParser, parserReady } from './parser.js';
import { extractRegion } from './region.js';
import { emitComments, emitNeonAuthReferences } from './token-facts.js';

export { loadSqlParser } from './parser.js';

const PG_DUMP_HEADER = /^--\s*Dumped (?:from database version|by pg_dump)/m;
const HEADER_WINDOW = 4000;

export interface SqlTextOptions {
  /** Path of the host file (for messages). */
  path: string;
  source: FactSource;
  /** UTF-16 offset in the SQL text to UTF-16 offset in the host file (default: identity). */
  mapOffset?: (utf16Offset: number) => number;
  /** Line index of the HOST file. */
  lineIndex: LineIndex;
  /**
   * Called with every object name and COMMENT ON text: return evidence when it contains a
   * placeholder the caller put in place of an interpolated expression; the fact then becomes
   * a `dynamic-identifier` carrying that evidence.
   */
  placeholderEvidence?: (text: string) => Evidence | undefined;
  /** Treat the text as a psql script (meta-commands, `:var`, `${...}`, `?`). Default true. */
  psql?: boolean;
}

function runExtraction(sql: string, options: SqlTextOptions): Fact[] {
  const lexed = lexSql(sql, 0, sql.length, { psql: options.psql !== false });
  const text = applyEdits(sql, lexed.edits);
  const map = options.mapOffset;
  const lineIndex = options.lineIndex;
  const ctx: SqlContext = {
    text,
    original: sql,
    copyBlocks: lexed.copyBlocks,
    source: options.source,
    facts: [],
    failures: [],
    pgDump: isPgDump(sql),
    span: map ? (start, end) => lineIndex.span(map(start), map(end)) : (start, end) => lineIndex.span(start, end),
    placeholderEvidence: options.placeholderEvidence,
  };
  emitComments(ctx, lexed.tokens);
  emitNeonAuthReferences(ctx, lexed.tokens);
  // the comment facts of the whole file come first: kept apart and merged, so sorting stays linear
  const tokenFacts = sortBySpan(ctx.facts);
  ctx.facts = [];
  extractRegion(ctx, 0, text.length, lexed.tokens);
  lexed.tokens.release();
  if (ctx.failures.length > 0) ctx.facts.push(parseProblem(ctx));
  return mergeBySpan(tokenFacts, sortBySpan(ctx.facts));
}

function isPgDump(sql: string): boolean {
  const dumped = sql.indexOf('Dumped');
  return dumped !== -1 && dumped < HEADER_WINDOW && PG_DUMP_HEADER.test(sql.slice(0, HEADER_WINDOW));
}

function parseProblem(ctx: SqlContext): Fact {
  const first = ctx.failures.reduce((a, b) => (b.at < a.at ? b : a));
  const span = ctx.span(first.at, first.at);
  const count = ctx.failures.length;
  const others = count > 1 ? ` (and ${count - 1} more)` : '';
  return {
    kind: 'parse-problem',
    message: `the PostgreSQL parser rejected a ${first.what} at line ${span.line}: ${maskQuotedTokens(first.error)}${others}`,
    stillScanned:
      'object names after DDL keywords, COMMENT ON texts, string literals and comments of the rejected part; every other statement was fully analysed',
    span: { ...span, endColumn: span.column + 1 },
    source: ctx.source,
  };
}

/**
 * libpg-query quotes the offending token (`syntax error at or near "'512-73-0921'"`, quoted
 * identifiers doubled: `""x""`): the quoted part is masked unless it is one SQL keyword, so the
 * message locates the problem without repeating the value.
 */
function maskQuotedTokens(error: string): string {
  const open = error.indexOf('"');
  const close = error.lastIndexOf('"');
  if (open < 0 || close <= open) return error;
  const inner = error.slice(open + 1, close);
  return isKeyword(inner) ? error : `${error.slice(0, open + 1)}${mask(inner)}${error.slice(close)}`;
}

function isKeyword(text: string): boolean {
  if (!parserReady() || !/^[A-Za-z_]+$/.test(text)) return false;
  try {
    const tokens = scanSync(text).tokens;
    return tokens.length === 1 && tokens[0]!.keywordKind > 0;
  } catch {
    return false;
  }
}

/**
 * SQL embedded in another language (a `pg.query`/`knex.raw` literal): facts with host spans.
 * Synchronous: `await loadSqlParser()` once before; without it only the token pass runs.
 */
export function extractSqlText(sql: string, options: SqlTextOptions): Fact[] {
  try {
    return runExtraction(sql, { ...options, psql: options.psql ?? false });
  } catch (error) {
    const at = options.mapOffset ? options.mapOffset(0) : 0;
    const span = options.lineIndex.span(at, at + 1);
    return [
      {
        kind: 'parse-problem',
        message: `SQL text could not be analysed: ${error instanceof Error ? error.message : String(error)}`,
        stillScanned: 'nothing in this SQL text',
        span,
        source: options.source,
      },
    ];
  }
}

export async function extractSqlFile(path: string, text: string): Promise<Fact[]> {
  await loadSqlParser();
  return runExtraction(text, { path, source: 'sql', lineIndex: new LineIndex(text) });
}

export const sqlExtractor: Extractor = {
  id: 'sql',
  kinds: ['sql'],
  // Synchronous once the parser is loaded (the ESLint plugin's rules cannot await).
  extract: (file) =>
    parserReady() ? runExtraction(file.text, { path: file.path, source: 'sql', lineIndex: new LineIndex(file.text) }) : extractSqlFile(file.path, file.text),
};
