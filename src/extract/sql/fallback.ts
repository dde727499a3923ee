/**
 * The token-level pass for a statement the parser rejected: names after DDL keywords,
 * COMMENT ON texts and string literals. Less precise than the tree, but nothing is skipped.
 */
import type { SchemaObjectKind } from '../../core/facts.js';
import { emitName, type SqlContext, type Unit } from './context.js';
import { asciiLower, TokenList, tokenValue, type Token } from './lexer.js';

const CREATE_MODIFIERS = new Set(['or', 'replace', 'unique', 'temp', 'temporary', 'unlogged', 'global', 'local', 'materialized', 'recursive', 'trusted', 'procedural', 'constraint', 'foreign']);
const KIND_WORDS: Record<string, SchemaObjectKind> = {
  table: 'table',
  view: 'view',
  index: 'index',
  sequence: 'sequence',
  type: 'type',
  domain: 'type',
  schema: 'schema',
  function: 'function',
  procedure: 'function',
  aggregate: 'function',
  trigger: 'trigger',
  policy: 'policy',
  role: 'role',
  user: 'role',
  group: 'role',
  database: 'database',
  column: 'column',
  constraint: 'constraint',
};
const NAME_SKIP = new Set(['if', 'not', 'exists', 'concurrently', 'only']);
const NOT_COLUMN = new Set(['constraint', 'primary', 'unique', 'check', 'foreign', 'exclude', 'like', 'column', 'value', 'if']);

function word(ctx: SqlContext, t: Token | undefined): string {
  return t && t.kind === 'ident' ? asciiLower(ctx.text.slice(t.start, t.end)) : '';
}

function isName(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'ident' || t.kind === 'qident');
}

function isPunct(ctx: SqlContext, t: Token | undefined, ch: string): boolean {
  return t !== undefined && t.kind === 'punct' && ctx.text[t.start] === ch;
}

export function fallbackStatement(ctx: SqlContext, tokens: readonly Token[]): void {
  const first = tokens[0];
  if (!first) return;
  const last = tokens[tokens.length - 1]!;
  // the unit's list holds the same tokens in the same order: an index into `tokens` is one into it
  const unit: Unit = { ctx, node: {}, start: first.start, end: last.end, tokens: TokenList.of(tokens), tokenStart: 0, tokenEnd: tokens.length, id: `s${first.start}`, loc: () => first.start };
  const leading = word(ctx, first);
  const alterKind = leading === 'alter' ? KIND_WORDS[word(ctx, tokens[1])] ?? 'table' : 'table';
  let commentLiteral: Token | undefined;
  if (leading === 'comment') commentLiteral = commentOn(ctx, tokens);

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const w = word(ctx, t);
    if (w === 'create') k = createName(unit, tokens, k);
    else if (w === 'rename') k = renameName(unit, tokens, k, alterKind);
    else if (w === 'constraint' && isName(tokens[k + 1])) {
      emitName(unit, 'constraint', tokenValue(ctx.text, tokens[k + 1]!), true, { token: k + 1 });
      k++;
    } else if (w === 'add' && leading === 'alter') k = addColumn(unit, tokens, k);
    else if (t.kind === 'string' && t !== commentLiteral) {
      ctx.facts.push({ kind: 'literal', text: tokenValue(ctx.text, t), group: unit.id, span: ctx.span(t.start, t.end), source: ctx.source });
    }
  }
}

/** Index of the last token of a (qualified) name starting at k, emitting its last part. */
function emitQualified(unit: Unit, tokens: readonly Token[], k: number, kind: SchemaObjectKind, defines: boolean): number {
  let j = k;
  while (isName(tokens[j]) && isPunct(unit.ctx, tokens[j + 1], '.') && isName(tokens[j + 2])) j += 2;
  const t = tokens[j];
  if (!t || !isName(t)) return k;
  emitName(unit, kind, tokenValue(unit.ctx.text, t), defines, { token: j });
  return j;
}

function createName(unit: Unit, tokens: readonly Token[], k: number): number {
  const { ctx } = unit;
  let j = k + 1;
  while (CREATE_MODIFIERS.has(word(ctx, tokens[j]))) j++;
  const kind = KIND_WORDS[word(ctx, tokens[j])];
  if (!kind) return k;
  const isTable = word(ctx, tokens[j]) === 'table';
  j++;
  while (NAME_SKIP.has(word(ctx, tokens[j]))) j++;
  if (!isName(tokens[j]) || word(ctx, tokens[j]) === 'on') return j - 1;
  const end = emitQualified(unit, tokens, j, kind, true);
  if (isTable && isPunct(ctx, tokens[end + 1], '(')) return tableColumns(unit, tokens, end + 1);
  return end;
}

/** Column names of `CREATE TABLE t ( ... )`: the first name of each top-level element. */
function tableColumns(unit: Unit, tokens: readonly Token[], open: number): number {
  const { ctx } = unit;
  let depth = 0;
  let atElementStart = false;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (isPunct(ctx, t, '(')) {
      depth++;
      if (depth === 1) atElementStart = true;
      continue;
    }
    if (isPunct(ctx, t, ')')) {
      depth--;
      if (depth === 0) return j;
      continue;
    }
    if (depth === 1 && isPunct(ctx, t, ',')) {
      atElementStart = true;
      continue;
    }
    if (depth === 1 && atElementStart) {
      atElementStart = false;
      const w = word(ctx, t);
      if (w === 'constraint' && isName(tokens[j + 1])) {
        emitName(unit, 'constraint', tokenValue(ctx.text, tokens[j + 1]!), true, { token: j + 1 });
        j++;
      } else if (isName(t) && !NOT_COLUMN.has(w)) {
        emitName(unit, 'column', tokenValue(ctx.text, t), true, { token: j });
      }
    }
  }
  return tokens.length - 1;
}

function renameName(unit: Unit, tokens: readonly Token[], k: number, alterKind: SchemaObjectKind): number {
  const { ctx } = unit;
  let kind = alterKind;
  let j = k + 1;
  const sub = KIND_WORDS[word(ctx, tokens[j])];
  if (sub === 'column' || sub === 'constraint') {
    kind = sub;
    j++;
  }
  while (j < tokens.length && word(ctx, tokens[j]) !== 'to') j++;
  const target = tokens[j + 1];
  if (!target || (!isName(target) && target.kind !== 'string')) return j;
  emitName(unit, target.kind === 'string' ? 'enum-label' : kind, tokenValue(ctx.text, target), true, { token: j + 1 });
  return j + 1;
}

function addColumn(unit: Unit, tokens: readonly Token[], k: number): number {
  const { ctx } = unit;
  let j = k + 1;
  if (word(ctx, tokens[j]) === 'column') j++;
  while (NAME_SKIP.has(word(ctx, tokens[j]))) j++;
  const t = tokens[j];
  if (!t || !isName(t) || NOT_COLUMN.has(word(ctx, t))) return k;
  emitName(unit, 'column', tokenValue(ctx.text, t), true, { token: j });
  return j;
}

/** `COMMENT ON <kind> <name> IS '<text>'`: returns the literal so it is not also a literal fact. */
function commentOn(ctx: SqlContext, tokens: readonly Token[]): Token | undefined {
  const kindWord = word(ctx, tokens[2]);
  const kind = kindWord === 'materialized' ? 'materialized-view' : KIND_WORDS[kindWord] ?? 'other';
  let isAt = -1;
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (word(ctx, tokens[k]) === 'is') {
      isAt = k;
      break;
    }
  }
  const literal = tokens[isAt + 1];
  if (isAt < 0 || !literal || literal.kind !== 'string') return undefined;
  const target = tokens
    .slice(kindWord === 'materialized' ? 4 : 3, isAt)
    .map((t) => (isName(t) ? tokenValue(ctx.text, t) : ctx.text.slice(t.start, t.end)))
    .join('');
  ctx.facts.push({
    kind: 'schema-comment',
    objectKind: kind,
    target,
    text: tokenValue(ctx.text, literal),
    span: ctx.span(literal.start, literal.end),
    source: ctx.source,
  });
  return literal;
}
