/** Shared state of one SQL extraction: the text, its tokens, spans, emitted facts, problems. */
import type { Evidence, Fact, FactSource, SchemaNameFact, SchemaObjectKind } from '../../core/facts.js';
import type { Span } from '../../core/types.js';
import { Utf8Offsets } from '../../core/text.js';
import { equalsFolded, tokenValue, type CopyBlock, type Token, type TokenList } from './lexer.js';

export interface ParseFailure {
  /** UTF-16 offset of the statement (or body) that failed. */
  at: number;
  what: string;
  error: string;
}

export interface SqlContext {
  /** Preprocessed text: same length and line structure as the input. */
  text: string;
  /** The text as written (COPY data rows are blanked in `text`). */
  original: string;
  copyBlocks: readonly CopyBlock[];
  source: FactSource;
  facts: Fact[];
  failures: ParseFailure[];
  /** True for pg_dump output: plain SETs only configure the restore session. */
  pgDump: boolean;
  span(start: number, end: number): Span;
  placeholderEvidence: ((text: string) => Evidence | undefined) | undefined;
}

/** One parsed statement: its AST node, UTF-16 range and tokens, and a byte-offset mapper. */
export interface Unit {
  ctx: SqlContext;
  node: Record<string, any>;
  start: number;
  end: number;
  /** The tokens of the region the statement is in: the statement's own are `tokens[tokenStart..tokenEnd)`. */
  tokens: TokenList;
  tokenStart: number;
  tokenEnd: number;
  /** Stable id for literal groups. */
  id: string;
  /** Byte offset (relative to the parsed text) to absolute UTF-16 offset. */
  loc(byteOffset: number | undefined): number;
}

/** Maps byte offsets of a parsed slice to absolute UTF-16 offsets. */
export function byteMapper(slice: string, base: number): (byteOffset: number | undefined) => number {
  const offsets = new Utf8Offsets(slice);
  return (byteOffset) => base + offsets.toUtf16(Math.max(0, byteOffset ?? 0));
}

/** Index of the unit's first token at or after `offset` (the unit's first token for offsets before it). */
export function unitTokenAt(unit: Unit, offset: number): number {
  return unit.tokens.indexAt(offset, unit.tokenStart, unit.tokenEnd);
}

const NAMEDATALEN_BYTES = 63;

/** Does name token `k` stand for `name`? PostgreSQL truncates long identifiers to 63 bytes. */
function tokenMatches(text: string, tokens: TokenList, k: number, name: string): boolean {
  const kind = tokens.kind(k);
  if (kind !== 'ident' && kind !== 'qident' && kind !== 'string') return false;
  const start = tokens.start(k);
  const end = tokens.end(k);
  // cheap rejection first: most tokens differ in length (quotes and escapes only ever shorten a value)
  if (end - start < name.length) return false;
  if (kind === 'ident' && name.length < NAMEDATALEN_BYTES) return equalsFolded(text, start, end, name);
  const value = tokenValue(text, tokens.token(k));
  if (value === name) return true;
  return Buffer.byteLength(name, 'utf8') >= NAMEDATALEN_BYTES && value.startsWith(name);
}

export interface FindOptions {
  from?: number;
  before?: number;
  /** Take the last match in the range instead of the first. */
  last?: boolean;
}

/** Index in `unit.tokens` of the (first or last) token in range that stands for `name`; -1 when none does. */
export function findTokenIndex(unit: Unit, name: string, options: FindOptions = {}): number {
  const from = options.from ?? unit.start;
  const before = options.before ?? unit.end;
  const text = unit.ctx.text;
  const tokens = unit.tokens;
  let found = -1;
  for (let k = unitTokenAt(unit, from); k < unit.tokenEnd; k++) {
    if (tokens.start(k) >= before) break;
    if (tokenMatches(text, tokens, k, name)) {
      found = k;
      if (!options.last) break;
    }
  }
  return found;
}

export function findToken(unit: Unit, name: string, options: FindOptions = {}): Token | undefined {
  const found = findTokenIndex(unit, name, options);
  return found < 0 ? undefined : unit.tokens.token(found);
}

export interface NameOptions extends FindOptions {
  parent?: string | undefined;
  /** Index in `unit.tokens` of the name token when already located (-1 or none: search for it). */
  token?: number;
}

/**
 * Emits a schema-name fact at the name token (or a dynamic-identifier for a placeholder name).
 * Returns where the name token ends (undefined when it was not found).
 */
export function emitName(unit: Unit, objectKind: SchemaObjectKind, name: string | undefined, defines: boolean, options: NameOptions = {}): number | undefined {
  if (!name) return undefined;
  const { ctx } = unit;
  const tokens = unit.tokens;
  const k = options.token !== undefined && options.token >= 0 ? options.token : findTokenIndex(unit, name, options);
  const found = k >= 0;
  const start = found ? tokens.start(k) : unit.start;
  const end = found ? tokens.end(k) : unit.start;
  const kind = found ? tokens.kind(k) : undefined;
  const asWritten = !found || kind === 'string' || (kind === 'ident' && equalsFolded(ctx.text, start, end, name));
  const fullName = asWritten ? name : tokenValue(ctx.text, tokens.token(k));
  const span = ctx.span(start, end);
  const placeholder = ctx.placeholderEvidence?.(fullName);
  if (placeholder) {
    ctx.facts.push({ kind: 'dynamic-identifier', what: 'object-name', evidence: [placeholder], span, source: ctx.source });
    return found ? end : undefined;
  }
  const fact: SchemaNameFact = { kind: 'schema-name', objectKind, name: fullName, defines, span, source: ctx.source };
  if (options.parent) fact.parent = options.parent;
  ctx.facts.push(fact);
  return found ? end : undefined;
}

/** `[{String:{sval:'a'}}, {String:{sval:'b'}}]` -> `['a', 'b']`. */
export function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const s = (item as { String?: { sval?: string } }).String?.sval;
    if (typeof s === 'string') out.push(s);
  }
  return out;
}

export function qualified(schema: string | undefined, name: string): string {
  return schema ? `${schema}.${name}` : name;
}
