/** Offsets to 1-based line/column spans, for UTF-16 offsets and for UTF-8 byte offsets. */
import type { Span } from './types.js';

export interface Position {
  line: number;
  column: number;
}

/** Maps UTF-16 offsets of one text to 1-based positions. CRLF, LF and lone CR end lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    const starts = this.starts;
    // Without a \r, every line ends at a \n: the native search finds them faster than a loop.
    if (text.indexOf('\r') === -1) {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const at = this.clamp(offset);
    const line = this.lineIndexOf(at, 0);
    return { line: line + 1, column: at - this.starts[line]! + 1 };
  }

  /** The offset inside the text; between the \r and \n of a CRLF (parsers report errors there), the end of that line. */
  private clamp(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13 ? clamped - 1 : clamped;
  }

  /** 0-based line of an offset, searching from line `from` on. */
  private lineIndexOf(offset: number, from: number): number {
    let lo = from;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0;
  }

  span(start: number, end: number): Span {
    const from = this.clamp(start);
    const to = this.clamp(Math.max(start, end));
    const line = this.lineIndexOf(from, 0);
    const endLine = to === from ? line : this.lineIndexOf(to, line);
    return { line: line + 1, column: from - this.starts[line]! + 1, endLine: endLine + 1, endColumn: to - this.starts[endLine]! + 1 };
  }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? this.lineStart(line + 1) : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * Converts UTF-8 byte offsets (as libpg-query reports them) to UTF-16 offsets of the same text.
 * Built lazily: pure-ASCII text needs no table.
 */
export class Utf8Offsets {
  private table: Uint32Array | undefined;
  private readonly ascii: boolean;

  constructor(private readonly text: string) {
    this.ascii = Buffer.byteLength(text, 'utf8') === text.length;
  }

  toUtf16(byteOffset: number): number {
    if (this.ascii) return Math.min(byteOffset, this.text.length);
    this.table ??= this.build();
    const table = this.table;
    if (byteOffset >= table.length) return this.text.length;
    return table[byteOffset] ?? this.text.length;
  }

  private build(): Uint32Array {
    const bytes = Buffer.byteLength(this.text, 'utf8');
    const table = new Uint32Array(bytes + 1);
    let b = 0;
    for (let i = 0; i < this.text.length; i++) {
      const code = this.text.codePointAt(i) ?? 0;
      const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let k = 0; k < width; k++) table[b + k] = i;
      b += width;
      if (code >= 0x10000) i++;
    }
    table[b] = this.text.length;
    return table;
  }
}

/** The span of a whole file's first line, for findings about a file as a whole. */
export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * The span of `text.slice(start, end)` when `text` is the source slice that begins at `origin`
 * (a fact's span start): for findings on one value inside a multi-line comment.
 */
export function spanInText(origin: Position, text: string, start: number, end: number): Span {
  const at = (offset: number): Position => {
    let line = origin.line;
    let lineStart = -1;
    for (let i = 0; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i;
      }
    }
    return lineStart < 0 ? { line, column: origin.column + offset } : { line, column: offset - lineStart };
  };
  const a = at(start);
  const b = at(Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
