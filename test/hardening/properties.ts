/** Checks shared by the fuzz tests: spans inside the file, and no planted value in output. */
import { LineIndex } from '../../src/core/text.js';

interface SpanLike {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const isSpan = (value: unknown): value is SpanLike =>
  typeof value === 'object' && value !== null && ['line', 'column', 'endLine', 'endColumn'].every((k) => typeof (value as Record<string, unknown>)[k] === 'number');

/** Every span nested anywhere in `value` (facts carry spans in evidence, arguments, fields). */
export function spansIn(value: unknown, out: SpanLike[] = [], depth = 0): SpanLike[] {
  if (depth > 20 || typeof value !== 'object' || value === null) return out;
  if (isSpan(value)) out.push(value);
  for (const child of Array.isArray(value) ? value : Object.values(value)) spansIn(child, out, depth + 1);
  return out;
}

/** Why a span is outside the text, or undefined when it is inside (columns may point one past the end). */
export function spanProblem(span: SpanLike, lines: LineIndex): string | undefined {
  const { line, column, endLine, endColumn } = span;
  const inLine = (l: number, c: number) => l >= 1 && l <= lines.lineCount && c >= 1 && c <= lines.lineText(l).length + 1;
  if (![line, column, endLine, endColumn].every(Number.isInteger)) return `not integers: ${JSON.stringify(span)}`;
  if (!inLine(line, column)) return `start outside the text: ${JSON.stringify(span)} (lines: ${lines.lineCount})`;
  if (!inLine(endLine, endColumn)) return `end outside the text: ${JSON.stringify(span)} (lines: ${lines.lineCount})`;
  if (endLine < line || (endLine === line && endColumn < column)) return `end before start: ${JSON.stringify(span)}`;
  return undefined;
}

/** The planted values (case-insensitive) that appear in full in any of the strings. */
export function leaked(values: readonly string[], outputs: readonly string[]): string[] {
  const haystack = outputs.join('\n').toLowerCase();
  return [...new Set(values)].filter((v) => v.length >= 4 && haystack.includes(v.toLowerCase()));
}
