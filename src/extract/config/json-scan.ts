/**
 * A small JSON (and JSONC) parser that keeps offsets: every value and object key carries its
 * start and end, so facts get exact spans. Tolerates comments and trailing commas; on a syntax
 * error it stops and reports where.
 */

export type JsonNode =
  | { type: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; value: number }
  | { type: 'literal'; start: number; end: number; value: boolean | null };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonComment {
  start: number;
  end: number;
  text: string;
}

export interface JsonParse {
  root: JsonNode | undefined;
  comments: JsonComment[];
  error?: { at: number; message: string };
}

class JsonSyntaxError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const MAX_DEPTH = 200;

export function parseJson(text: string, base = 0): JsonParse {
  const comments: JsonComment[] = [];
  let i = 0;

  const skip = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 47 && text[i + 1] === '/') {
        const end = text.indexOf('\n', i);
        const stop = end < 0 ? text.length : end;
        comments.push({ start: base + i, end: base + stop, text: text.slice(i + 2, stop).replace(/\r$/, '') });
        i = stop;
      } else if (c === 47 && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        const stop = end < 0 ? text.length : end + 2;
        comments.push({ start: base + i, end: base + stop, text: text.slice(i + 2, end < 0 ? text.length : end) });
        i = stop;
      } else return;
    }
  };

  const string = (): { value: string; start: number; end: number } => {
    const start = i;
    i++;
    let value = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) throw new JsonSyntaxError(start, 'unterminated string');
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        value += text.slice(chunk, i);
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0);
          i += 6;
        } else {
          value += ESCAPES[e] ?? e;
          i += 2;
        }
        chunk = i;
        continue;
      }
      if (c === '\n') throw new JsonSyntaxError(i, 'line break in a string');
      i++;
    }
    value += text.slice(chunk, i);
    i++;
    return { value, start: base + start, end: base + i };
  };

  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(i, 'nesting too deep');
    skip();
    const c = text[i];
    const start = i;
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      for (;;) {
        skip();
        if (text[i] === '}') {
          i++;
          break;
        }
        if (text[i] !== '"') throw new JsonSyntaxError(i, 'expected a key');
        const key = string();
        skip();
        if (text[i] !== ':') throw new JsonSyntaxError(i, 'expected ":"');
        i++;
        entries.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: value(depth + 1) });
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') throw new JsonSyntaxError(i, 'expected "," or "}"');
      }
      return { type: 'object', start: base + start, end: base + i, entries };
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      for (;;) {
        skip();
        if (text[i] === ']') {
          i++;
          break;
        }
        items.push(value(depth + 1));
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') throw new JsonSyntaxError(i, 'expected "," or "]"');
      }
      return { type: 'array', start: base + start, end: base + i, items };
    }
    if (c === '"') return { type: 'string', ...string() };
    for (const [word, lit] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { type: 'literal', start: base + start, end: base + i, value: lit };
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      return { type: 'number', start: base + start, end: base + i, value: Number(m[0]) };
    }
    throw new JsonSyntaxError(i, i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
  };

  try {
    const root = value(0);
    skip();
    if (i < text.length) return { root, comments, error: { at: base + i, message: 'unexpected text after the JSON value' } };
    return { root, comments };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { root: undefined, comments, error: { at: base + error.at, message: error.message } };
    throw error;
  }
}

export function entry(node: JsonNode | undefined, key: string): JsonEntry | undefined {
  return node?.type === 'object' ? node.entries.find((e) => e.key === key) : undefined;
}

export function member(node: JsonNode | undefined, ...path: string[]): JsonNode | undefined {
  let at = node;
  for (const key of path) at = entry(at, key)?.value;
  return at;
}
