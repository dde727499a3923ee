/**
 * `.env*` files: `KEY=value` lines become setting facts (scope `env`), URLs dependency facts
 * (via `env`), and `#` lines code comments. A key naming a service (`NEON_AUTH_URL`) is a
 * dependency `env:KEY` even when the value is left empty in an example file.
 */
import type { Fact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import type { Extractor } from '../types.js';
import { connectionOptionSettings } from './connection.js';

const LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

export function extractEnv(text: string): Fact[] {
  const lines = new LineIndex(text);
  const facts: Fact[] = [];
  for (let n = 1; n <= lines.lineCount; n++) {
    const lineText = lines.lineText(n);
    const start = lines.lineStart(n);
    const trimmed = lineText.trimStart();
    if (trimmed.startsWith('#')) {
      const at = start + lineText.indexOf('#');
      facts.push({ kind: 'code-comment', text: trimmed.slice(1).trim(), span: lines.span(at, start + lineText.length), source: 'env' });
      continue;
    }
    const m = LINE.exec(lineText);
    if (!m) continue;
    const key = m[1] ?? '';
    const valueStart = m[0].length;
    const { value, end, comment } = readValue(lineText, valueStart);
    const keyStart = start + lineText.indexOf(key);
    const span = lines.span(keyStart, start + Math.max(end, keyStart - start + key.length));
    facts.push({ kind: 'setting', key, value, scope: 'env', span, source: 'env' });
    facts.push({ kind: 'dependency', name: `env:${key}`, via: 'env', span: lines.span(keyStart, keyStart + key.length), source: 'env' });
    if (value.includes('://')) {
      const valueSpan = lines.span(start + valueStart, start + end);
      facts.push({ kind: 'dependency', name: value, via: 'env', span: valueSpan, source: 'env' });
      connectionOptionSettings(value, valueSpan, 'env', facts);
    }
    if (comment) facts.push({ kind: 'code-comment', text: comment.text, span: lines.span(start + comment.at, start + lineText.length), source: 'env' });
  }
  return facts;
}

function readValue(line: string, from: number): { value: string; end: number; comment?: { text: string; at: number } } {
  const quote = line[from];
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, from + 1);
    if (close > 0) {
      const rest = line.slice(close + 1);
      const hash = rest.indexOf('#');
      return {
        value: line.slice(from + 1, close),
        end: close + 1,
        ...(hash >= 0 ? { comment: { text: rest.slice(hash + 1).trim(), at: close + 1 + hash } } : {}),
      };
    }
  }
  const hash = line.slice(from).search(/[ \t]#/);
  if (hash >= 0) {
    const at = from + hash + line.slice(from + hash).indexOf('#');
    return { value: line.slice(from, from + hash).trim(), end: from + hash, comment: { text: line.slice(at + 1).trim(), at } };
  }
  return { value: line.slice(from).trim(), end: line.trimEnd().length };
}

export const envExtractor: Extractor = {
  id: 'env',
  kinds: ['env'],
  extract: (file) => extractEnv(file.text),
};
