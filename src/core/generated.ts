/**
 * Minified and generated JavaScript: bundles are not source anyone edits, and one 5 MB line
 * costs a full parse for findings nobody can act on. They are reported as not scanned (a
 * `phi/parse-error` warning that says why), never dropped silently. Other kinds are always
 * read: a one-line JSON export of helpdesk macros is exactly where PHI hides.
 */
import type { FileKind } from '../extract/types.js';

/** Small files are cheap to scan and rarely bundles. */
const MIN_BYTES = 4096;
/** Hand-written code averages well under 100 characters a line; minifiers produce thousands. */
const MAX_AVERAGE_LINE = 300;

/**
 * Source code reaches the line count of an average line of MAX_AVERAGE_LINE characters long
 * before its end: counting `\n` alone until then settles it without a pass over every character.
 */
function hasEnoughLines(text: string): boolean {
  const needed = Math.floor(text.length / (MAX_AVERAGE_LINE + 0.5)) + 1;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines < needed; at = text.indexOf('\n', at + 1)) lines++;
  return lines >= needed;
}

/** Why the file is left out, or undefined when it reads as source. */
export function generatedReason(kind: FileKind, text: string): string | undefined {
  if (kind !== 'typescript' || text.length < MIN_BYTES || hasEnoughLines(text)) return undefined;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    // \n, or a lone \r (classic Mac line endings)
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines++;
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  longest = Math.max(longest, text.length - start);
  const average = Math.round(text.length / lines);
  if (average <= MAX_AVERAGE_LINE) return undefined;
  return (
    `not scanned: minified or generated code (${lines} line${lines === 1 ? '' : 's'}, the longest ` +
    `${longest.toLocaleString('en-US')} characters); scan its source instead, or add it to "exclude" in phi-scan.config.json`
  );
}
