/**
 * postgresql.conf (and postgresql.auto.conf, conf.d includes): `key = value  # comment` lines to
 * setting facts, `#` comments to code-comment facts. Also `-c key=value` server arguments.
 */
import type { Fact, FactSource, SettingFact } from '../core/facts.js';
import { LineIndex } from '../core/text.js';
import type { Extractor } from './types.js';

/** `key = value`, `key value` or `key=value`; the value may be quoted ('' escapes a quote). */
const SETTING_LINE = /^([ \t]*)([A-Za-z_][\w.]*)[ \t]*(?:=[ \t]*|[ \t]+)('(?:[^'\\]|''|\\.)*'|[^\s#]*)/;

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'").replace(/\\(.)/g, '$1');
  }
  return value;
}

/** Where the `#` comment of a line starts (outside a quoted value), or -1. */
function commentStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") quoted = !quoted;
    else if (c === '\\' && quoted) i++;
    else if (c === '#' && !quoted) return i;
  }
  return -1;
}

export function extractPostgresqlConf(text: string, source: FactSource = 'postgresql.conf'): Fact[] {
  const index = new LineIndex(text);
  const facts: Fact[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const content = index.lineText(line);
    const lineStart = index.lineStart(line);
    const hash = commentStart(content);
    if (hash >= 0) {
      facts.push({ kind: 'code-comment', text: content.slice(hash), span: index.span(lineStart + hash, lineStart + content.length), source });
    }
    const code = hash >= 0 ? content.slice(0, hash) : content;
    const m = SETTING_LINE.exec(code);
    if (!m || m[2] === 'include' || m[2] === 'include_dir' || m[2] === 'include_if_exists') continue;
    const keyStart = lineStart + m[1]!.length;
    const end = lineStart + m[0].length;
    facts.push({
      kind: 'setting',
      key: m[2]!.toLowerCase(),
      value: unquote(m[3] ?? ''),
      scope: 'postgresql.conf',
      span: index.span(keyStart, end),
      source,
    });
  }
  return facts;
}

/** `-c`, or `--` directly followed by a setting name. */
const OPTION_FLAG = /(?<![\w-])(?:-c|--(?=[A-Za-z_]))/g;
const KEY_VALUE = /([A-Za-z_][\w.]*)=("[^"]*"|'[^']*'|[^\s"',\]]*)/y;
/** Between `-c` and its argument: spaces, quotes, list commas and YAML dashes (`"-c", "x=y"`). */
const SEPARATOR = /[\s"',-]/;

/**
 * Settings passed on a postgres command line (docker-compose `command:`, Helm args).
 * `offset` is where `text` starts in its file; spans come from `lineIndex` of that file.
 */
export function settingsFromCommandLine(text: string, offset: number, lineIndex: LineIndex, source: FactSource = 'yaml'): SettingFact[] {
  const facts: SettingFact[] = [];
  OPTION_FLAG.lastIndex = 0;
  for (let m = OPTION_FLAG.exec(text); m; m = OPTION_FLAG.exec(text)) {
    let at = m.index + m[0].length;
    if (m[0] === '-c') while (at < text.length && SEPARATOR.test(text[at]!)) at++;
    KEY_VALUE.lastIndex = at;
    const kv = KEY_VALUE.exec(text);
    if (!kv) continue;
    OPTION_FLAG.lastIndex = at + kv[0].length;
    facts.push({
      kind: 'setting',
      key: kv[1]!.toLowerCase(),
      value: kv[2]!.replace(/^["']|["']$/g, ''),
      scope: 'command line',
      span: lineIndex.span(offset + at, offset + at + kv[0].length),
      source,
    });
  }
  return facts;
}

export const postgresqlConfExtractor: Extractor = {
  id: 'postgresql-conf',
  kinds: ['postgresql-conf'],
  extract: (file) => extractPostgresqlConf(file.text),
};
