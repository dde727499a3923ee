/**
 * TOML (line by line, enough for configuration files such as `supabase/config.toml`): each
 * `key = value` becomes a setting fact keyed `table.key`; Supabase's `[auth.sessions]`
 * `inactivity_timeout` and `timebox` become session lifetimes; `#` comments become comments.
 */
import type { Fact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import type { Extractor } from '../types.js';
import { connectionOptionSettings } from './connection.js';
import { parseDuration } from './duration.js';
import { SESSION_ABSOLUTE, SESSION_IDLE, sessionSetting, type SessionKey } from './session-keys.js';

const TABLE = /^[ \t]*\[\[?([^\]]*)\]/;
const KEY_VALUE = /^\s*([A-Za-z0-9_.-]+|"[^"]*")\s*=\s*/;

const SUPABASE_SESSION_KEYS: Record<string, SessionKey> = {
  'auth.sessions.inactivity_timeout': SESSION_IDLE,
  'auth.sessions.timebox': SESSION_ABSOLUTE,
};

export function extractToml(text: string): Fact[] {
  const lines = new LineIndex(text);
  const facts: Fact[] = [];
  let table = '';
  for (let n = 1; n <= lines.lineCount; n++) {
    const line = lines.lineText(n);
    const start = lines.lineStart(n);
    const t = TABLE.exec(line);
    if (t) {
      table = (t[1] ?? '').replace(/"/g, '').trim();
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    let commentAt = -1;
    if (kv) {
      const key = (kv[1] ?? '').replace(/"/g, '');
      const { value, end } = readValue(line, kv[0].length);
      commentAt = line.indexOf('#', end);
      const full = table ? `${table}.${key}` : key;
      const keyStart = start + line.indexOf(kv[1] ?? '');
      const span = lines.span(keyStart, start + end);
      const sessionKey = SUPABASE_SESSION_KEYS[full];
      if (sessionKey) facts.push(sessionSetting(sessionKey, value, parseDuration(value, 1), 'supabase', span, 'other'));
      else facts.push({ kind: 'setting', key: full, value, scope: 'toml', span, source: 'other' });
      if (value.includes('://')) {
        facts.push({ kind: 'dependency', name: value, via: 'url', span, source: 'other' });
        connectionOptionSettings(value, span, 'other', facts);
      }
    } else {
      commentAt = line.trimStart().startsWith('#') ? line.indexOf('#') : -1;
    }
    if (commentAt >= 0) {
      facts.push({ kind: 'code-comment', text: line.slice(commentAt + 1).trim(), span: lines.span(start + commentAt, start + line.length), source: 'other' });
    }
  }
  return facts;
}

function readValue(line: string, from: number): { value: string; end: number } {
  const q = line[from];
  if (q === '"' || q === "'") {
    let k = from + 1;
    while (k < line.length && line[k] !== q) k += line[k] === '\\' && q === '"' ? 2 : 1;
    return { value: line.slice(from + 1, k), end: Math.min(k + 1, line.length) };
  }
  const hash = line.indexOf('#', from);
  const end = hash < 0 ? line.trimEnd().length : hash;
  return { value: line.slice(from, end).trim(), end: from + line.slice(from, end).trimEnd().length };
}

export const tomlExtractor: Extractor = {
  id: 'toml',
  kinds: ['toml'],
  extract: (file) => extractToml(file.text),
};
