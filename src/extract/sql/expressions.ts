/**
 * PL/pgSQL expressions as evidence: which variables, record fields and whole records flow into
 * a RAISE or an EXECUTE, and where a dynamic statement puts them (object name, comment, value).
 */
import { parseSync } from 'libpg-query';
import type { Evidence } from '../../core/facts.js';
import { byteMapper, names, type SqlContext } from './context.js';

type Node = Record<string, any>;

/** Calls whose result no longer carries the value (hashing, masking, counting). */
const REDACTING_CALL = /^(?:md5|sha\d{3}|digest|hmac|crypt|encrypt|pgp_\w*encrypt\w*|mask\w*|redact\w*|hash\w*|anonymi[sz]e\w*|count|length|char_length|octet_length)$/i;
const COLUMN_REF_AT = /(?:"(?:[^"]|"")*"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*)(?:[ \t]*\.[ \t]*(?:"(?:[^"]|"")*"|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*|\*))*/y;

export interface ParsedExpression {
  node: Node;
  /** Byte offset in the parsed wrapper to absolute UTF-16 offset in the file. */
  loc(byteOffset: number | undefined): number;
}

const PREFIX = 'SELECT ';

/** A bare variable or field reference (`p_dob`, `NEW.ssn`): common enough to skip the parser. */
const SIMPLE_REFERENCE = /^[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)*$/;

export function parseExpression(expr: string, exprStart: number): ParsedExpression | undefined {
  if (SIMPLE_REFERENCE.test(expr)) {
    const fields = expr.split('.').map((f) => ({ String: { sval: f.toLowerCase() } }));
    return { node: { ColumnRef: { fields, location: 0 } }, loc: (byteOffset) => exprStart + (byteOffset ?? 0) };
  }
  try {
    const stmt = parseSync(PREFIX + expr).stmts?.[0]?.stmt as Node | undefined;
    const node = stmt?.SelectStmt?.targetList?.[0]?.ResTarget?.val as Node | undefined;
    if (!node) return undefined;
    const toUtf16 = byteMapper(PREFIX + expr, exprStart - PREFIX.length);
    return { node, loc: toUtf16 };
  } catch {
    return undefined;
  }
}

/** Field, object and text evidence inside an expression; redacting calls hide their arguments. */
export function evidenceOf(ctx: SqlContext, parsed: ParsedExpression, node: Node, records: ReadonlySet<string>, out: Evidence[] = []): Evidence[] {
  visit(node);
  return out;

  function visit(value: unknown): void {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const n = value as Node;
    if (n.ColumnRef) {
      const parts = names(n.ColumnRef.fields);
      if (parts.length === 0) return;
      const start = parsed.loc(n.ColumnRef.location);
      COLUMN_REF_AT.lastIndex = start;
      const m = COLUMN_REF_AT.exec(ctx.text);
      const end = m ? start + m[0].length : start + parts.join('.').length;
      // as written (`NEW.ssn`), not as folded by the parser (`new.ssn`)
      const path = m ? m[0].replace(/[ \t]/g, '') : parts.join('.');
      const span = ctx.span(start, end);
      if (parts.length === 1 && records.has(parts[0]!.toLowerCase())) out.push({ kind: 'object', path, span, why: 'a whole record' });
      else out.push({ kind: 'field', path, span });
      return;
    }
    if (n.A_Const?.sval) {
      const start = parsed.loc(n.A_Const.location);
      out.push({ kind: 'text', text: n.A_Const.sval.sval ?? '', span: ctx.span(start, start + literalLength(ctx.text, start)) });
      return;
    }
    if (n.FuncCall) {
      const name = names(n.FuncCall.funcname).pop() ?? '';
      if (REDACTING_CALL.test(name)) return;
      visit(n.FuncCall.args);
      return;
    }
    for (const child of Object.values(n)) visit(child);
  }
}

/** Length of the quoted literal at `start` ('...' with '' escapes, or E'...'). */
function literalLength(text: string, start: number): number {
  let i = start;
  if (text[i] === 'E' || text[i] === 'e') i++;
  if (text[i] !== "'") return 0;
  i++;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i + 1 - start;
    }
    i++;
  }
  return i - start;
}

type Piece = { kind: 'text'; text: string } | { kind: 'hole'; node: Node; spec?: string };

/** Flattens `'a' || x || format('%I', y)` into literal text and interpolated holes. */
function pieces(node: Node): Piece[] {
  if (node.A_Const?.sval) return [{ kind: 'text', text: node.A_Const.sval.sval ?? '' }];
  if (node.TypeCast) return pieces(node.TypeCast.arg);
  const expr = node.A_Expr;
  if (expr && expr.kind === 'AEXPR_OP' && names(expr.name)[0] === '||' && expr.lexpr && expr.rexpr) {
    return [...pieces(expr.lexpr), ...pieces(expr.rexpr)];
  }
  const call = node.FuncCall;
  if (call) {
    const name = (names(call.funcname).pop() ?? '').toLowerCase();
    const args: Node[] = call.args ?? [];
    if (name === 'concat') return args.flatMap(pieces);
    if (name === 'format' && args[0]?.A_Const?.sval) return formatPieces(args[0].A_Const.sval.sval ?? '', args.slice(1));
  }
  return [{ kind: 'hole', node }];
}

const FORMAT_SPEC = /%(?:(\d+)\$)?-?(?:\d+|\*)?([sIL%])/g;

function formatPieces(format: string, args: Node[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  let next = 0;
  FORMAT_SPEC.lastIndex = 0;
  for (let m = FORMAT_SPEC.exec(format); m; m = FORMAT_SPEC.exec(format)) {
    out.push({ kind: 'text', text: format.slice(at, m.index) });
    at = m.index + m[0].length;
    if (m[2] === '%') {
      out.push({ kind: 'text', text: '%' });
      continue;
    }
    const index = m[1] ? Number(m[1]) - 1 : next;
    next = index + 1;
    const arg = args[index];
    if (arg) out.push({ kind: 'hole', node: arg, spec: m[2] });
  }
  out.push({ kind: 'text', text: format.slice(at) });
  return out;
}

/** Statements whose object names (or comments) are worth building a finding on. */
const NAMING_STATEMENT = /^\s*(?:create|alter|drop|comment|grant|revoke|truncate|insert\s+into|security\s+label)\b/i;
const NAME_POSITION = /(?:\b(?:table|view|index|schema|sequence|type|domain|function|procedure|role|user|database|trigger|policy|constraint|column|exists|into|to|on|of|partition|materialized view)\s*|[\w."])$/i;
const COMMENT_TEXT_POSITION = /\bis\s*$/i;

export interface DynamicStatement {
  what: 'object-name' | 'comment';
  evidence: Evidence[];
}

/**
 * `EXECUTE 'CREATE TABLE t_' || r.last_name`, `EXECUTE format('COMMENT ON TABLE %I IS %L', ...)`:
 * the expressions interpolated where a DDL statement puts an object name or a comment.
 */
export function dynamicStatement(ctx: SqlContext, parsed: ParsedExpression, records: ReadonlySet<string>): DynamicStatement | undefined {
  const parts = pieces(parsed.node);
  const skeleton = parts.map((p) => (p.kind === 'text' ? p.text : 'x')).join('');
  if (!NAMING_STATEMENT.test(skeleton)) return undefined;
  const isComment = /^\s*comment\b/i.test(skeleton);
  const nameEvidence: Evidence[] = [];
  const commentEvidence: Evidence[] = [];
  let before = '';
  for (const p of parts) {
    if (p.kind === 'text') {
      before += p.text;
      continue;
    }
    if (isComment && COMMENT_TEXT_POSITION.test(before)) evidenceOf(ctx, parsed, p.node, records, commentEvidence);
    else if (p.spec === 'I' || (p.spec !== 'L' && NAME_POSITION.test(before))) evidenceOf(ctx, parsed, p.node, records, nameEvidence);
    before += 'x';
  }
  const named = nameEvidence.filter((e) => e.kind !== 'text');
  const commented = commentEvidence.filter((e) => e.kind !== 'text');
  if (named.length > 0) return { what: 'object-name', evidence: [...named, ...commented] };
  if (commented.length > 0) return { what: 'comment', evidence: commented };
  return undefined;
}
