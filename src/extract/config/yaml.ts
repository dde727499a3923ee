/**
 * YAML: CI workflows (`run:` scripts read as shell), docker-compose `command:` postgres options,
 * Spring session timeouts, environment keys, URLs and `#` comments.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Fact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import { loadSqlParser } from '../sql/index.js';
import type { Extractor } from '../types.js';
import { settingsFromArgs, urlFacts, type ArgItem } from './connection.js';
import { parseDuration } from './duration.js';
import { SESSION_IDLE, sessionSetting } from './session-keys.js';
import { extractShellRegion, type ShellContext } from './shell.js';
import { yamlErrorReason } from '../../core/parser-message.js';

const SPRING_SESSION_TIMEOUT = ['server.servlet.session.timeout', 'spring.session.timeout'];
const ENV_KEYS = new Set(['env', 'environment']);

interface YamlContext {
  shell: ShellContext;
  /** Ranges of scalar values: a `#` inside one is text, not a comment. */
  scalars: [number, number][];
}

export async function extractYaml(path: string, text: string): Promise<Fact[]> {
  await loadSqlParser();
  const lines = new LineIndex(text);
  const ctx: YamlContext = { shell: { text, lines, path, source: 'yaml', facts: [] }, scalars: [] };
  const docs = parseAllDocuments(text);
  for (const doc of Array.isArray(docs) ? docs : []) {
    const error = doc.errors[0];
    if (error) {
      const at = error.pos[0];
      ctx.shell.facts.push({
        kind: 'parse-problem',
        message: `invalid YAML at line ${lines.position(at).line}: ${yamlErrorReason(error)}`,
        stillScanned: 'comments and the parts of the document the YAML parser recovered',
        span: lines.span(at, at + 1),
        source: 'yaml',
      });
    }
    if (doc.contents) walk(ctx, doc.contents as YamlNode, []);
  }
  comments(ctx);
  return ctx.shell.facts;
}

function walk(ctx: YamlContext, node: YamlNode, path: string[]): void {
  if (isScalar(node)) {
    if (node.range) ctx.scalars.push([node.range[0], node.range[1]]);
    if (typeof node.value === 'string' && node.value.includes('://') && node.range) {
      urlFacts(node.value, span(ctx, node.range), 'url', 'yaml', ctx.shell.facts);
    }
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) if (item) walk(ctx, item as YamlNode, path);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (isScalar(pair.key) && pair.key.range) ctx.scalars.push([pair.key.range[0], pair.key.range[1]]);
    const value = pair.value as YamlNode | null;
    if (key === undefined || !value) continue;
    const here = [...path, key];
    if (key === 'run' && isScalar(value) && typeof value.value === 'string' && value.range) {
      ctx.scalars.push([value.range[0], value.range[1]]);
      extractShellRegion(ctx.shell, value.range[0], value.range[1]);
      continue;
    }
    if ((key === 'command' || key === 'entrypoint') && (isSeq(value) || isScalar(value))) postgresCommand(ctx, value);
    if (ENV_KEYS.has(path[path.length - 1] ?? '') && isScalar(pair.key) && pair.key.range) {
      ctx.shell.facts.push({ kind: 'dependency', name: `env:${key}`, via: 'env', span: span(ctx, pair.key.range), source: 'yaml' });
    }
    const dotted = here.join('.');
    if (SPRING_SESSION_TIMEOUT.some((k) => dotted.endsWith(k)) && isScalar(value) && value.range && isScalar(pair.key) && pair.key.range) {
      const text = String(value.value);
      const seconds = parseDuration(text, 1);
      ctx.shell.facts.push(sessionSetting(SESSION_IDLE, text, seconds, 'spring', ctx.shell.lines.span(pair.key.range[0], value.range[1]), 'yaml'));
    }
    walk(ctx, value, here);
  }
}

/** `command: postgres -c log_statement=all` or `["postgres", "-c", "log_statement=all"]`. */
function postgresCommand(ctx: YamlContext, value: YamlNode): void {
  const items: ArgItem[] = [];
  const scalars = isSeq(value) ? value.items : [value];
  for (const item of scalars) {
    if (isScalar(item) && item.range && (typeof item.value === 'string' || typeof item.value === 'number')) {
      items.push({ value: String(item.value), span: span(ctx, item.range) });
    }
  }
  const first = items[0]?.value.trim().split(/\s+/)[0] ?? '';
  if (first !== 'postgres' && first !== '-c' && !items.some((i) => /(^|\s)-c\s*\S+=/.test(i.value) || i.value === '-c')) return;
  settingsFromArgs(items, 'command', 'yaml', ctx.shell.facts);
}

function span(ctx: YamlContext, range: readonly number[]) {
  return ctx.shell.lines.span(range[0] ?? 0, range[1] ?? range[0] ?? 0);
}

/** `#` comments outside scalars: at a line start or after whitespace. */
function comments(ctx: YamlContext): void {
  const { text, lines } = ctx.shell;
  const scalars = ctx.scalars.sort((a, b) => a[0] - b[0]);
  let s = 0;
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    while (s < scalars.length && scalars[s]![1] <= i) s++;
    if (s < scalars.length && scalars[s]![0] <= i) continue;
    const before = text[i - 1];
    if (i > 0 && before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    ctx.shell.facts.push({ kind: 'code-comment', text: text.slice(i + 1, end).trim(), span: lines.span(i, end), source: 'yaml' });
    i = end;
  }
}

export const yamlExtractor: Extractor = {
  id: 'yaml',
  kinds: ['yaml'],
  extract: (file) => extractYaml(file.path, file.text),
};
