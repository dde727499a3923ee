/**
 * SQL built in code: object names and `COMMENT ON` text assembled from interpolated values
 * (`CREATE TABLE export_${p.lastName}`) become `dynamic-identifier` facts.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, isBinaryExpression, isCallExpression, isStringLiteralLike, isTemplateExpression } from './tsapi.js';
import type { Evidence } from '../../core/facts.js';
import { spanOf, type WalkContext } from './context.js';
import { evidenceOf } from './evidence.js';
import { calleeName, unwrap } from './paths.js';

type Piece = { text: string } | { expr: ts.Expression };

const SQL_START = /^\s*(create|alter|drop|comment\s+on|insert\s+into|update|delete\s+from|select|grant|revoke|truncate|with|refresh\s+materialized|reindex|vacuum|analyze|cluster|lock|copy)\b/i;
const IDENT_CHAR = /[A-Za-z0-9_$".]$/;
const IDENT_START = /^[A-Za-z0-9_".]/;
const BEFORE_NAME = /\b(table|view|schema|index|into|from|join|update|sequence|type|function|procedure|trigger|database|role|user|exists|column|constraint|extension|policy|publication|on\s+schema|on\s+table|to|owner\s+to|rename\s+to)\s*$/i;
const COMMENT_VALUE = /\bis\s+(e?'|\$\$)[^']*$/i;
/** Only the end of the text before an interpolation decides its position (keeps the scan linear). */
const TAIL = 80;

/** The pieces of a string built by a template literal or `+` concatenation; undefined otherwise. */
function piecesOf(expr: ts.Expression, out: Piece[] = [], depth = 0): Piece[] | undefined {
  const e = unwrap(expr);
  if (depth > 30) return undefined;
  if (isTemplateExpression(e)) {
    out.push({ text: e.head.text });
    for (const span of e.templateSpans) {
      out.push({ expr: span.expression });
      out.push({ text: span.literal.text });
    }
    return out;
  }
  if (isStringLiteralLike(e)) {
    out.push({ text: e.text });
    return out;
  }
  if (isBinaryExpression(e) && e.operatorToken.kind === SK.PlusToken) {
    if (!piecesOf(e.left, out, depth + 1)) return undefined;
    const right = unwrap(e.right);
    if (isStringLiteralLike(right) || isTemplateExpression(right) || isBinaryExpression(right)) return piecesOf(right, out, depth + 1);
    out.push({ expr: e.right });
    return out;
  }
  if (depth > 0) {
    out.push({ expr: e });
    return out;
  }
  return undefined;
}

/** Values spliced into object names or comments of SQL text built by a template or concatenation. */
export function dynamicSql(expr: ts.TemplateExpression | ts.BinaryExpression, ctx: WalkContext): void {
  const pieces = piecesOf(expr);
  if (!pieces || pieces.length < 3) return;
  const first = pieces[0];
  if (!first || !('text' in first) || !SQL_START.test(first.text)) return;
  const names: Evidence[] = [];
  const comments: Evidence[] = [];
  let before = '';
  const isComment = /^\s*comment\s+on\b/i.test(first.text);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if ('text' in piece) {
      before += piece.text;
      continue;
    }
    const next = pieces[i + 1];
    const after = next && 'text' in next ? next.text : '';
    const tail = before.slice(-TAIL);
    if (isComment && COMMENT_VALUE.test(tail)) {
      comments.push(...evidenceOf(piece.expr, ctx));
    } else if ((IDENT_CHAR.test(tail) && !/['=]$/.test(tail)) || (IDENT_START.test(after) && !/'\s*$/.test(tail)) || BEFORE_NAME.test(tail)) {
      names.push(...evidenceOf(piece.expr, ctx));
    }
    before += ' $x ';
  }
  emit(ctx, expr, 'object-name', names);
  emit(ctx, expr, 'comment', comments);
}

/**
 * Tagged SQL templates bind interpolations as parameters; only identifier helpers
 * (`sql.id(x)`, `sql.identifier([x])`, `sql.raw(x)`, postgres.js `sql(x)`) splice names.
 */
export function dynamicTaggedSql(node: ts.TaggedTemplateExpression, ctx: WalkContext): void {
  const t = node.template;
  if (!isTemplateExpression(t)) return;
  if (!SQL_START.test(t.head.text)) return;
  const names: Evidence[] = [];
  for (const span of t.templateSpans) {
    const e = unwrap(span.expression);
    if (!isCallExpression(e)) continue;
    const name = calleeName(e.expression);
    if (name === 'id' || name === 'identifier' || name === 'ident' || name === 'raw' || name === 'unsafe' || name === 'sql') {
      for (const a of e.arguments) names.push(...identifierArgEvidence(a, ctx));
    }
  }
  emit(ctx, node, 'object-name', names);
}

/** `sql.id(\`practice_${id}\`)`: what is interpolated into the identifier. */
function identifierArgEvidence(a: ts.Expression, ctx: WalkContext): Evidence[] {
  return evidenceOf(a, ctx).filter((e) => e.kind !== 'text' || !/^[\w.]*$/.test(e.text));
}

function emit(ctx: WalkContext, node: ts.Node, what: 'object-name' | 'comment', evidence: Evidence[]): void {
  if (evidence.length === 0) return;
  ctx.facts.push({ kind: 'dynamic-identifier', source: 'typescript', span: spanOf(ctx, node), what, evidence });
}

/** True when a string-building expression starts like SQL (cheap pre-check on the first text). */
export function looksLikeSql(expr: ts.TemplateExpression | ts.BinaryExpression): boolean {
  if (isTemplateExpression(expr)) return SQL_START.test(expr.head.text);
  let left: ts.Expression = expr;
  while (isBinaryExpression(left) && left.operatorToken.kind === SK.PlusToken) left = unwrap(left.left);
  return isStringLiteralLike(left) ? SQL_START.test(left.text) : isTemplateExpression(left) && SQL_START.test(left.head.text);
}
