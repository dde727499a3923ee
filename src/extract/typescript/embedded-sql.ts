/**
 * SQL embedded in code (`queryRunner.query(\`...\`)`, `knex.raw('...')`, `sql\`...\``) goes through
 * the SQL extractor, with interpolations replaced by placeholders and spans in the host file.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isNoSubstitutionTemplateLiteral, isPropertyAccessExpression, isStringLiteralLike, isTemplateExpression, isTemplateTail } from './tsapi.js';
import type { Evidence } from '../../core/facts.js';
import { extractSqlText } from '../sql/index.js';
import type { WalkContext } from './context.js';
import { evidenceOf } from './evidence.js';
import { SQL_CALLS } from './names.js';
import { calleeName, unwrap } from './paths.js';

const SQL_START = /^\s*(create|alter|drop|comment\s+on|insert|update|delete|select|grant|revoke|truncate|with|do|refresh|reindex|set|begin|commit)\b/i;
const PLACEHOLDER = /__phi_(\d+)__/;

/** Text segments: offset in the SQL text and the host offset it came from. */
interface Segment {
  sql: number;
  host: number;
}

function hostMapper(segments: readonly Segment[]): (offset: number) => number {
  return (offset) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid] as Segment).sql <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = segments[lo] as Segment;
    return seg.host + (offset - seg.sql);
  };
}

/** A SQL string argument (literal or template) of a query call, or undefined. */
export function sqlArgument(call: ts.CallExpression): ts.StringLiteralLike | ts.TemplateExpression | undefined {
  const name = calleeName(call.expression);
  if (!name || !SQL_CALLS.has(name) || !isPropertyAccessExpression(unwrap(call.expression))) return undefined;
  const arg = call.arguments[0];
  if (!arg) return undefined;
  const a = unwrap(arg);
  if (isStringLiteralLike(a)) return SQL_START.test(a.text) ? a : undefined;
  if (isTemplateExpression(a)) return SQL_START.test(a.head.text) ? a : undefined;
  return undefined;
}

/** Runs the SQL extractor over an embedded SQL string; `bindParameters` for tagged templates. */
export function extractEmbeddedSql(node: ts.StringLiteralLike | ts.TemplateExpression, ctx: WalkContext, bindParameters: boolean): void {
  const segments: Segment[] = [];
  const exprs: ts.Expression[] = [];
  let sql = '';
  const text = ctx.text;
  if (isTemplateExpression(node)) {
    const headStart = node.head.getStart(ctx.sf) + 1;
    segments.push({ sql: 0, host: headStart });
    sql += text.slice(headStart, node.head.end - 2);
    node.templateSpans.forEach((span, i) => {
      const placeholder = bindParameters ? `$${i + 1}` : `__phi_${i}__`;
      exprs.push(span.expression);
      segments.push({ sql: sql.length, host: span.expression.getStart(ctx.sf) });
      sql += placeholder;
      const litStart = span.literal.getStart(ctx.sf) + 1;
      const litEnd = span.literal.end - (isTemplateTail(span.literal) ? 1 : 2);
      segments.push({ sql: sql.length, host: litStart });
      sql += text.slice(litStart, litEnd);
    });
  } else {
    const start = node.getStart(ctx.sf) + 1;
    segments.push({ sql: 0, host: start });
    sql = text.slice(start, node.end - 1);
  }
  const placeholderEvidence = (name: string): Evidence | undefined => {
    const m = PLACEHOLDER.exec(name);
    const expr = m ? exprs[Number(m[1])] : undefined;
    return expr ? evidenceOf(expr, ctx)[0] : undefined;
  };
  const facts = extractSqlText(sql, {
    path: ctx.sf.fileName,
    source: 'sql',
    mapOffset: hostMapper(segments),
    lineIndex: ctx.lines,
    placeholderEvidence,
  });
  for (const f of facts) {
    // dynamic names are reported from the TypeScript side, with all interpolated evidence
    if (f.kind === 'dynamic-identifier') continue;
    if (f.kind === 'schema-name' && PLACEHOLDER.test(f.name)) continue;
    ctx.facts.push(f);
  }
  ctx.handled.add(node);
}

/** Tagged templates that hold SQL: `sql\`...\``, `Prisma.sql\`...\``, `db.sql\`...\``. */
export function isSqlTag(tag: ts.Expression): boolean {
  const name = calleeName(tag);
  return name === 'sql' || name === 'SQL' || name === '$queryRaw' || name === '$executeRaw';
}

export function embeddedTemplate(node: ts.TaggedTemplateExpression): ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression | undefined {
  const t = node.template;
  const head = isNoSubstitutionTemplateLiteral(t) ? t.text : t.head.text;
  return SQL_START.test(head) ? t : undefined;
}
