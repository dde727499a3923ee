/**
 * Placeholders inside text: `{{ patient.dob }}`, `{{{raw}}}`, `{{- x | upcase -}}` (Mustache,
 * Handlebars, Liquid, Zendesk), and the field paths an expression reads (`<%= member.diagnosis %>`).
 */

export interface PathRef {
  path: string;
  /** Offsets relative to the searched text. */
  start: number;
  end: number;
}

export interface Placeholder {
  start: number;
  end: number;
  /** The expression between the braces, with its offset. */
  inner: string;
  innerStart: number;
}

const DOUBLE_BRACES = /\{\{(\{?)([^{}]*)\}\}\}?/g;

export function findPlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = [];
  DOUBLE_BRACES.lastIndex = 0;
  for (let m = DOUBLE_BRACES.exec(text); m; m = DOUBLE_BRACES.exec(text)) {
    const innerStart = m.index + 2 + (m[1] ?? '').length;
    out.push({ start: m.index, end: m.index + m[0].length, inner: m[2] ?? '', innerStart });
  }
  return out;
}

const PATH = /[A-Za-z_$@][\w$@-]*(?:\s*(?:\?\.|\.)\s*[A-Za-z_$][\w$-]*|\[\d+\])*/g;
const STRING_LITERAL = /'[^'\n]*'|"[^"\n]*"|`[^`]*`/g;
const KEYWORDS = new Set([
  'if', 'else', 'unless', 'each', 'with', 'for', 'in', 'of', 'let', 'const', 'var', 'new', 'typeof',
  'true', 'false', 'null', 'undefined', 'and', 'or', 'not', 'this', 'return', 'function', 'await',
  'lookup', 'log', 'blank', 'empty', 'nil', 'contains', 'as',
]);

export type ExpressionSyntax = 'mustache' | 'liquid' | 'js';

/**
 * Field paths read by an expression. Liquid filters after `|` are ignored; a Mustache helper
 * (`formatDate patient.dob`) and a JS call (`fmt(patient.dob)`) count only by their arguments.
 */
export function pathsIn(expression: string, offset = 0, syntax: ExpressionSyntax = 'mustache'): PathRef[] {
  let expr = expression;
  if (syntax === 'liquid') {
    const bar = expr.indexOf('|');
    if (bar >= 0) expr = expr.slice(0, bar);
  }
  expr = expr.replace(STRING_LITERAL, (s) => ' '.repeat(s.length));
  const refs: PathRef[] = [];
  PATH.lastIndex = 0;
  for (let m = PATH.exec(expr); m; m = PATH.exec(expr)) {
    const raw = m[0];
    const before = m.index > 0 ? (expr[m.index - 1] ?? '') : '';
    // A property of a call result or a number suffix is not a field path of its own.
    if (before === '.' || /\d/.test(before)) continue;
    const path = raw.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/^this\./, '').replace(/^@root\./, '');
    if (KEYWORDS.has(path) || path.startsWith('@')) continue;
    if (expr.slice(m.index + raw.length).trimStart().startsWith('(')) continue;
    refs.push({ path, start: offset + m.index, end: offset + m.index + raw.length });
  }
  const first = refs[0];
  if (syntax === 'mustache' && first && refs.length > 1 && !first.path.includes('.')) refs.shift();
  return refs;
}
