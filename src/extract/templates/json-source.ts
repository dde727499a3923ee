/**
 * JSON with source offsets for the template extractors: every node knows where it starts and
 * ends, and a string knows the source offset of each decoded character (escapes make them differ).
 */
import { parseJson, type JsonNode } from '../config/json-scan.js';

export type SourceNode = ObjectNode | ArrayNode | StringNode | OtherNode;

interface NodeBase {
  start: number;
  end: number;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  entries: { key: string; keyStart: number; value: SourceNode }[];
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: SourceNode[];
}

export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
  /** Source offset of the decoded character at `index` (or of the closing quote at `value.length`). */
  offsetOf(index: number): number;
}

export interface OtherNode extends NodeBase {
  kind: 'other';
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * The config extractor's JSON parser (src/extract/config/json-scan.ts), with each string given
 * the source offset of every decoded character. Throws JsonSyntaxError on invalid JSON.
 */
export function parseJsonWithOffsets(text: string): SourceNode {
  const parsed = parseJson(text);
  if (parsed.error) throw new JsonSyntaxError(`${parsed.error.message} at offset ${parsed.error.at}`, parsed.error.at);
  if (!parsed.root) throw new JsonSyntaxError('no JSON value at offset 0', 0);
  return sourceNodeOf(text, parsed.root);
}

function sourceNodeOf(text: string, node: JsonNode): SourceNode {
  const { start, end } = node;
  switch (node.type) {
    case 'object':
      return { kind: 'object', start, end, entries: node.entries.map((e) => ({ key: e.key, keyStart: e.keyStart, value: sourceNodeOf(text, e.value) })) };
    case 'array':
      return { kind: 'array', start, end, items: node.items.map((item) => sourceNodeOf(text, item)) };
    case 'string':
      return { kind: 'string', start, end, value: node.value, offsetOf: decodedOffsets(text, start, end, node.value.length) };
    default:
      return { kind: 'other', start, end };
  }
}

/** Source offset of each decoded character of the string literal at [start, end) (quotes included). */
function decodedOffsets(text: string, start: number, end: number, length: number): (index: number) => number {
  const content = start + 1;
  const backslash = text.indexOf('\\', content);
  if (backslash === -1 || backslash >= end - 1) return (k) => content + Math.min(k, length);
  const map: number[] = [];
  for (let i = content; i < end - 1; ) {
    map.push(i);
    i += text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
  }
  return (k) => (k < map.length ? (map[k] ?? end - 1) : end - 1);
}
