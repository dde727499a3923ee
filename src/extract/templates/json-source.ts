/**
 * A small JSON reader that keeps source offsets: every node knows where it starts and ends, and a
 * string knows the source offset of each decoded character (escapes make them differ).
 */

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

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJsonWithOffsets(text: string): SourceNode {
  let i = 0;
  const skip = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else break;
    }
  };
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${i}`, i);
  };

  const readString = (): StringNode => {
    const start = i;
    i++; // opening quote
    let value = '';
    let map: number[] | undefined;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        map ??= Array.from({ length: value.length }, (_, k) => start + 1 + k);
        const at = i;
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0);
          i += 6;
        } else {
          value += ESCAPES[e] ?? e;
          i += 2;
        }
        map.push(at);
      } else {
        map?.push(i);
        value += text[i];
        i++;
      }
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    const end = i;
    const table = map;
    const offsetOf = table ? (k: number) => (k < table.length ? (table[k] ?? end - 1) : end - 1) : (k: number) => start + 1 + Math.min(k, value.length);
    return { kind: 'string', value, start, end, offsetOf };
  };

  const readValue = (): SourceNode => {
    skip();
    const start = i;
    const c = text[i];
    if (c === '"') return readString();
    if (c === '{') {
      i++;
      const entries: ObjectNode['entries'] = [];
      skip();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, start, end: i };
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail('expected a property name');
        const key = readString();
        skip();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        entries.push({ key: key.value, keyStart: key.start, value: readValue() });
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, start, end: i };
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: SourceNode[] = [];
      skip();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, start, end: i };
      }
      for (;;) {
        items.push(readValue());
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, start, end: i };
        }
        fail('expected "," or "]"');
      }
    }
    while (i < text.length && /[\w.+-]/.test(text[i] ?? '')) i++;
    if (i === start) fail('unexpected character');
    return { kind: 'other', start, end: i };
  };

  const root = readValue();
  skip();
  if (i < text.length) fail('unexpected text after the JSON value');
  return root;
}
