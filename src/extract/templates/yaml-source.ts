/** YAML with exact offsets: comments from the lossless lexer, scalars split into source lines. */
import { isMap, isScalar, isSeq, Lexer, type Node as YamlNode, type Scalar } from 'yaml';
import type { SourceNode } from './json-source.js';
import type { TemplateFacts } from './facts.js';

/** Control tokens the lexer inserts; they are not part of the source. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/** `#` comments become code-comment facts. */
export function yamlComments(text: string, facts: TemplateFacts): void {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL_TOKENS.has(token)) continue;
    if (token.startsWith('#')) facts.comment(token.slice(1).trim(), offset, offset + token.length);
    offset += token.length;
  }
}

export interface Piece {
  text: string;
  start: number;
  end: number;
}

const LINE = /[^\r\n]+/g;

/** The source lines of a scalar, without indentation, quotes or a block header: exact spans per line. */
export function scalarPieces(text: string, node: Scalar): Piece[] {
  const range = node.range;
  if (!range) return [];
  let [start, end] = range;
  let raw = text.slice(start, end);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const header = raw.search(/\r?\n/);
    if (header < 0) return [];
    start += header + 1;
    raw = text.slice(start, end);
  } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    start += 1;
    end = Math.max(start, end - 1);
    raw = text.slice(start, end);
  }
  const pieces: Piece[] = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(raw); m; m = LINE.exec(raw)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body === '') continue;
    const from = start + m.index + lead;
    pieces.push({ text: body, start: from, end: from + body.length });
  }
  return pieces;
}

/** A YAML tree as the offset-keeping tree the helpdesk walker reads (strings map to their first line). */
export function toSourceNode(text: string, node: unknown): SourceNode | undefined {
  if (isMap(node)) {
    const entries: Extract<SourceNode, { kind: 'object' }>['entries'] = [];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = toSourceNode(text, pair.value);
      if (value) entries.push({ key, keyStart: (pair.key as YamlNode | null)?.range?.[0] ?? 0, value });
    }
    const [start, end] = node.range ?? [0, 0];
    return { kind: 'object', entries, start, end };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => toSourceNode(text, item)).filter((n): n is SourceNode => n !== undefined);
    const [start, end] = node.range ?? [0, 0];
    return { kind: 'array', items, start, end };
  }
  if (isScalar(node)) {
    const [start, end] = node.range ?? [0, 0];
    if (typeof node.value !== 'string') return { kind: 'other', start, end };
    const value = node.value;
    const offsetOf = scalarOffsets(text, node, value);
    return { kind: 'string', value, start, end, offsetOf };
  }
  return undefined;
}

/** Decoded index -> source offset: exact for single-line scalars and block literals, else the line start. */
function scalarOffsets(text: string, node: Scalar, value: string): (index: number) => number {
  const [start, end] = node.range ?? [0, 0];
  const pieces = scalarPieces(text, node);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const first = pieces[0];
  if (pieces.length <= 1 && !(node.type === 'QUOTE_DOUBLE' && text.slice(start, end).includes('\\'))) {
    const base = first ? first.start : start + (quoted ? 1 : 0);
    return (k) => Math.min(base + k, end);
  }
  if (node.type === 'BLOCK_LITERAL') return blockLiteralOffsets(text, start, end, value);
  return () => first?.start ?? start;
}

/** A block literal keeps lines: decoded line k is source line k after the header, shifted by the indentation. */
function blockLiteralOffsets(text: string, start: number, end: number, value: string): (index: number) => number {
  const header = text.indexOf('\n', start);
  const sourceLines: number[] = [];
  for (let at = header + 1; header >= 0 && at < end; ) {
    sourceLines.push(at);
    const next = text.indexOf('\n', at);
    if (next < 0) break;
    at = next + 1;
  }
  const firstContent = sourceLines.find((at) => text.slice(at, text.indexOf('\n', at) < 0 ? end : text.indexOf('\n', at)).trim() !== '');
  const indent = firstContent === undefined ? 0 : (/^[ ]*/.exec(text.slice(firstContent)) ?? [''])[0].length;
  const decodedLines: number[] = [0];
  for (let k = 0; k < value.length; k++) if (value[k] === '\n') decodedLines.push(k + 1);
  return (k) => {
    let lo = 0;
    let hi = decodedLines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((decodedLines[mid] ?? 0) <= k) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = sourceLines[lo];
    return lineStart === undefined ? start : Math.min(lineStart + indent + (k - (decodedLines[lo] ?? 0)), end);
  };
}
