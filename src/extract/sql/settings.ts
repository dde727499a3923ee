/** Setting facts from SET, SET LOCAL, ALTER SYSTEM/DATABASE/ROLE ... SET. */
import { findToken, unitTokenAt, type Unit } from './context.js';

type Node = Record<string, any>;

/** The text of a constant node as PostgreSQL would read it for a GUC. */
export function settingValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.TypeCast) return settingValue(node.TypeCast.arg);
  if (node.String) return node.String.sval ?? '';
  const c = node.A_Const;
  if (!c) return undefined;
  if (c.sval) return c.sval.sval ?? '';
  if (c.ival) return String(c.ival.ival ?? 0);
  if (c.fval) return String(c.fval.fval ?? '');
  if (c.boolval) return c.boolval.boolval ? 'true' : 'false';
  return undefined;
}

export function emitSetting(unit: Unit, set: Node | undefined, scope: string, preamble = false): void {
  if (!set || set.kind !== 'VAR_SET_VALUE' || typeof set.name !== 'string') return;
  const value = (set.args ?? []).map((a: Node) => settingValue(a) ?? '').join(', ');
  const { ctx } = unit;
  // the key follows the last SET keyword before the value
  let keyFrom = unit.start;
  const valueAt = set.location !== undefined && set.location >= 0 ? unit.loc(set.location) : unit.end;
  const tokens = unit.tokens;
  for (let k = unit.tokenStart; k < unit.tokenEnd; k++) {
    if (tokens.start(k) >= valueAt) break;
    if (tokens.isWord(ctx.text, k, 'set')) keyFrom = tokens.end(k);
  }
  const firstPart = set.name.split('.')[0] ?? set.name;
  const keyToken = findToken(unit, firstPart, { from: keyFrom });
  const start = keyToken?.start ?? unit.start;
  let end = keyToken?.end ?? unit.end;
  for (let k = unitTokenAt(unit, start); k < unit.tokenEnd; k++) {
    const kind = tokens.kind(k);
    if (tokens.start(k) >= unit.end || (kind === 'punct' && ctx.text[tokens.start(k)] === ';')) break;
    if (kind !== 'comment') end = tokens.end(k);
  }
  ctx.facts.push({
    kind: 'setting',
    key: set.name,
    value,
    scope,
    ...(preamble ? { preamble: true } : {}),
    span: ctx.span(start, end),
    source: ctx.source,
  });
}
