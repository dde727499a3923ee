/**
 * Parser error messages quote the text they choke on (`Unexpected scalar token in YAML stream:
 * "<the line>"`, V8's `"{"name": Rosalind O"... is not valid JSON`). A message about a scanned
 * file is output, so quoted source is masked or dropped before it becomes a parse problem.
 */
import { mask } from '../classify/mask.js';

const QUOTED = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;

/** Masks every quoted fragment (punctuation such as `":"` stays readable). First line only. */
export function maskQuoted(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.replace(QUOTED, (whole: string, double?: string, single?: string) =>
    double !== undefined ? `"${mask(double)}"` : `'${mask(single ?? '')}'`,
  );
}

const JSON_EXCERPT_SUFFIX = ' is not valid JSON';

/** A JSON.parse error without V8's excerpt of the text. */
export function jsonErrorReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (!message.endsWith(JSON_EXCERPT_SUFFIX)) return message;
  const quote = message.indexOf(', "');
  return quote > 0 ? message.slice(0, quote) : 'not valid JSON';
}

/**
 * A YAML error by its code (`BAD_INDENT` -> "bad indent"): the yaml library's messages can quote
 * the offending text unquoted (`Not a YAML token: <the line>`), so only the code is kept.
 */
export function yamlErrorReason(error: { code?: string; message: string }): string {
  return error.code ? error.code.toLowerCase().replace(/_/g, ' ') : maskQuoted(error.message);
}
