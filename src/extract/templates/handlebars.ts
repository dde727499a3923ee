/** Handlebars and Mustache templates, read with `@handlebars/parser` so placeholders keep exact spans. */
import { parse } from '@handlebars/parser';
import { blank, type TemplateFacts } from './facts.js';
import { findPlaceholders, pathsIn } from './interpolations.js';
import { scanMarkup } from './markup.js';
import { maskQuoted } from '../../core/parser-message.js';

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

interface HbsNode {
  type: string;
  loc?: Loc;
  path?: HbsNode;
  params?: HbsNode[];
  hash?: { pairs: { value: HbsNode }[] };
  program?: { body: HbsNode[] };
  inverse?: { body: HbsNode[] };
  body?: HbsNode[];
  parts?: string[];
  data?: boolean;
  value?: unknown;
}

/** Block helpers whose body reads fields of their argument: `{{#with patient}}{{dob}}{{/with}}`. */
const SCOPE_HELPERS = new Set(['each', 'with']);

export function extractHandlebars(facts: TemplateFacts): void {
  const text = facts.text;
  const chars = text.split('');
  let ast: HbsNode;
  try {
    ast = parse(text) as unknown as HbsNode;
  } catch (error) {
    const reason = maskQuoted(error instanceof Error ? error.message : String(error));
    facts.problem(`the Handlebars parser rejected this template (${reason})`, 'placeholders and text found by a token scan');
    scanMustacheTokens(facts, chars);
    scanMarkup(chars.join(''), facts);
    return;
  }
  const offset = (p: { line: number; column: number }) => facts.lines.lineStart(p.line) + p.column;

  const interpolate = (node: HbsNode, scope: string): void => {
    if (node.type === 'SubExpression') return readsOf(node, scope);
    if (node.type !== 'PathExpression' || node.data || !node.loc || !node.parts || node.parts.length === 0) return;
    const path = [scope, ...node.parts].filter(Boolean).join('.');
    facts.field('interpolation', path, offset(node.loc.start), offset(node.loc.end));
  };
  const readsOf = (node: HbsNode, scope: string): void => {
    const params = node.params ?? [];
    const hash = node.hash?.pairs ?? [];
    if (params.length === 0 && hash.length === 0 && node.path) return interpolate(node.path, scope);
    for (const p of params) interpolate(p, scope);
    for (const pair of hash) interpolate(pair.value, scope);
  };
  const walk = (nodes: readonly HbsNode[], scope: string): void => {
    for (const node of nodes) {
      if (node.type === 'CommentStatement' && node.loc) {
        const start = offset(node.loc.start);
        const end = offset(node.loc.end);
        facts.comment(String(node.value ?? '').trim(), start, end);
        blank(chars, start, end);
      } else if (node.type === 'MustacheStatement') {
        readsOf(node, scope);
      } else if (node.type === 'BlockStatement') {
        const helper = node.path?.parts?.join('.') ?? '';
        const arg = node.params?.[0];
        const inner = SCOPE_HELPERS.has(helper) && arg?.type === 'PathExpression' ? [scope, ...(arg.parts ?? [])].filter(Boolean).join('.') : scope;
        walk(node.program?.body ?? [], inner);
        walk(node.inverse?.body ?? [], scope);
      }
    }
  };
  walk(ast.body ?? [], '');
  maskPlaceholders(chars);
  scanMarkup(chars.join(''), facts);
}

/** Blanks every `{{…}}` so the markup pass sees only text. */
function maskPlaceholders(chars: string[]): void {
  for (const p of findPlaceholders(chars.join(''))) blank(chars, p.start, p.end);
}

/** Fallback and the reader for `{{…}}` in HTML/MJML: comments and field paths by a token scan. */
export function scanMustacheTokens(facts: TemplateFacts, chars: string[]): void {
  const text = chars.join('');
  let at = text.indexOf('{{!');
  while (at >= 0) {
    const dashed = text.startsWith('{{!--', at);
    const close = text.indexOf(dashed ? '--}}' : '}}', at);
    const end = close < 0 ? text.length : close + (dashed ? 4 : 2);
    facts.comment(text.slice(at + (dashed ? 5 : 3), close < 0 ? end : close).trim(), at, end);
    blank(chars, at, end);
    at = text.indexOf('{{!', end);
  }
  const masked = chars.join('');
  for (const p of findPlaceholders(masked)) {
    const inner = p.inner.trim();
    if (!/^[/>]|^else\b|^!/.test(inner)) {
      const lead = p.inner.length - p.inner.trimStart().length;
      const expression = inner.replace(/^[#^&~-]\s*/, (m) => ' '.repeat(m.length));
      // `{{#if x}}` and other blocks only test their argument; `#each`/`#with` scope, they do not print.
      if (!/^[#^]/.test(inner)) for (const ref of pathsIn(expression.replace(/[~-]\s*$/, ''), p.innerStart + lead)) facts.field('interpolation', ref.path, ref.start, ref.end);
    }
    blank(chars, p.start, p.end);
  }
}
