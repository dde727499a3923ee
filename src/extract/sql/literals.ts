/** Literal facts: INSERT rows, compared values (`WHERE mrn = '...'`), COPY ... FROM stdin rows. */
import type { LiteralFact } from '../../core/facts.js';
import { names, type Unit } from './context.js';

type Node = Record<string, any>;

/** The text of a constant (`'x'`, `'x'::date`, `42`), or undefined for anything else. */
function constantOf(node: Node | undefined): { text: string; location: number | undefined } | undefined {
  if (!node) return undefined;
  if (node.TypeCast) return constantOf(node.TypeCast.arg);
  const c = node.A_Const;
  if (!c) return undefined;
  if (c.sval) return { text: c.sval.sval ?? '', location: c.location };
  if (c.ival) return { text: String(c.ival.ival ?? 0), location: c.location };
  if (c.fval) return { text: String(c.fval.fval ?? ''), location: c.location };
  return undefined;
}

function emitLiteral(unit: Unit, text: string, location: number | undefined, group: string, field: string | undefined): void {
  if (text === '') return;
  const start = unit.loc(location);
  const k = unit.tokens.indexAt(start);
  const end = k < unit.tokens.length && unit.tokens.start(k) === start ? unit.tokens.end(k) : start + text.length;
  const fact: LiteralFact = { kind: 'literal', text, group, span: unit.ctx.span(start, end), source: unit.ctx.source };
  if (field) fact.field = field;
  unit.ctx.facts.push(fact);
}

export function emitInsertLiterals(unit: Unit, select: Node | undefined, cols: (string | undefined)[], table: string | undefined): void {
  const rows: Node[] = select?.valuesLists ?? [];
  rows.forEach((row, r) => {
    const items: Node[] = row.List?.items ?? [];
    items.forEach((item, i) => {
      const c = constantOf(item);
      if (c) emitLiteral(unit, c.text, c.location, `${unit.id}:${table ?? ''}:row${r}`, cols[i]);
    });
  });
}

/** `column = 'value'`, `column LIKE 'value%'`, `column IN ('a', 'b')` and the mirrored forms. */
export function emitComparisonLiteral(unit: Unit, expr: Node): void {
  const left = expr.lexpr as Node | undefined;
  const right = expr.rexpr as Node | undefined;
  const column = left?.ColumnRef ? left.ColumnRef : right?.ColumnRef;
  const other = left?.ColumnRef ? right : left;
  if (!column || !other) return;
  const field = names(column.fields).pop();
  const values: Node[] = other.List ? other.List.items ?? [] : [other];
  for (const v of values) {
    const c = constantOf(v);
    if (c) emitLiteral(unit, c.text, c.location, unit.id, field);
  }
}

function unescapeCopy(field: string): string {
  return field.replace(/\\(.)/g, (_, ch: string) => (ch === 't' ? '\t' : ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch));
}

/** Rows of the `COPY ... FROM stdin` block that follows this statement (tab-separated text format). */
export function emitCopyLiterals(unit: Unit, cols: string[], table: string | undefined): void {
  const { ctx } = unit;
  const block = ctx.copyBlocks.find((b) => b.statementEnd >= unit.end && ctx.text.slice(unit.end, b.statementEnd).trim() === '');
  if (!block) return;
  const data = ctx.original;
  let lineStart = block.start;
  let row = 0;
  while (lineStart < block.end) {
    let lineEnd = data.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > block.end) lineEnd = block.end;
    const contentEnd = data.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let fieldStart = lineStart;
    let col = 0;
    while (fieldStart <= contentEnd) {
      let fieldEnd = data.indexOf('\t', fieldStart);
      if (fieldEnd === -1 || fieldEnd > contentEnd) fieldEnd = contentEnd;
      const raw = data.slice(fieldStart, fieldEnd);
      if (raw !== '\\N' && raw !== '') {
        const fact: LiteralFact = { kind: 'literal', text: unescapeCopy(raw), group: `${unit.id}:${table ?? ''}:row${row}`, span: ctx.span(fieldStart, fieldEnd), source: ctx.source };
        const field = cols[col];
        if (field) fact.field = field;
        ctx.facts.push(fact);
      }
      col++;
      fieldStart = fieldEnd + 1;
    }
    row++;
    lineStart = lineEnd + 1;
  }
}
