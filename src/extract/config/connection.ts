/** PostgreSQL options on command lines and in connection strings (`-c name=value`, `options=...`). */
import type { DependencyFact, Fact, FactSource } from '../../core/facts.js';
import type { Span } from '../../core/types.js';

export interface ArgItem {
  value: string;
  span: Span;
}

const NAME_VALUE = /^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/s;

/**
 * `-c name=value`, `-cname=value` and `--name=value` pairs of a postgres command line, each
 * becoming a setting fact at the item that holds it. Items may hold several words (`"-c a=b -c c=d"`).
 */
export function settingsFromArgs(items: readonly ArgItem[], scope: string, source: FactSource, out: Fact[]): void {
  const words: ArgItem[] = [];
  for (const item of items) {
    for (const part of item.value.split(/\s+/)) if (part) words.push({ value: part, span: item.span });
  }
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    let pair: ArgItem | undefined;
    if (w.value === '-c' && words[k + 1]) {
      pair = words[k + 1];
      k++;
    } else if (w.value.startsWith('-c') && w.value.length > 2 && !w.value.startsWith('--')) pair = { value: w.value.slice(2), span: w.span };
    else if (w.value.startsWith('--') && w.value.includes('=')) pair = { value: w.value.slice(2), span: w.span };
    const m = pair ? NAME_VALUE.exec(pair.value) : undefined;
    if (!m || !pair) continue;
    const key = (m[1] ?? '').replace(/-/g, '_');
    out.push({ kind: 'setting', key, value: unquote(m[2] ?? ''), scope, span: pair.span, source });
  }
}

/** The same for one string (a `PGOPTIONS` value, a `command:` string, a connection `options`). */
export function settingsFromCommandLine(value: string, span: Span, scope: string, source: FactSource, out: Fact[]): void {
  settingsFromArgs([{ value, span }], scope, source, out);
}

const OPTIONS_PARAM = /[?&]options=([^&#\s]*)/i;

/** A URL: a dependency fact, plus settings from a connection string's `options` parameter. */
export function urlFacts(url: string, span: Span, via: DependencyFact['via'], source: FactSource, out: Fact[]): void {
  out.push({ kind: 'dependency', name: url, via, span, source });
  connectionOptionSettings(url, span, source, out);
}

export function connectionOptionSettings(url: string, span: Span, source: FactSource, out: Fact[]): void {
  if (!/^postgres(?:ql)?:\/\//i.test(url.trim())) return;
  const m = OPTIONS_PARAM.exec(url);
  if (!m) return;
  let options = m[1] ?? '';
  try {
    options = decodeURIComponent(options.replace(/\+/g, ' '));
  } catch {
    // keep the raw text
  }
  settingsFromCommandLine(options, span, 'connection options', source, out);
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/s, '$2');
}
