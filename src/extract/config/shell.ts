/**
 * Shell scripts (and `run:` scripts in CI YAML): `#` comments, Neon API calls with curl, the Neon
 * CLI, psql `-c` SQL and heredocs, postgres `-c name=value` options and URLs.
 */
import type { Fact, FactSource } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import { extractSqlText, loadSqlParser } from '../sql/index.js';
import type { Extractor } from '../types.js';
import { settingsFromArgs, settingsFromCommandLine, urlFacts } from './connection.js';
import { hipaaFlag, hipaaInText, projectAction } from './neon-api.js';

export interface ShellContext {
  /** The host file's text: offsets are into it. */
  text: string;
  lines: LineIndex;
  path: string;
  source: FactSource;
  facts: Fact[];
}

interface Word {
  /** Unquoted value. */
  value: string;
  start: number;
  end: number;
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  command: Word[];
}

const COMMAND_PREFIXES = new Set(['sudo', 'exec', 'time', 'command', 'npx', 'pnpx', 'bunx', 'env', 'nohup']);
const CURL_DATA = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Facts of the shell text between `start` and `end` of `ctx.text`. */
export function extractShellRegion(ctx: ShellContext, start: number, end: number): void {
  const { text } = ctx;
  let words: Word[] = [];
  let pendingHeredocs: Heredoc[] = [];
  let i = start;

  const finish = () => {
    if (words.length) analyseCommand(ctx, words);
    words = [];
  };
  const endOfLine = () => {
    finish();
    for (const doc of pendingHeredocs) i = skipHeredoc(ctx, doc, i, end);
    pendingHeredocs = [];
  };

  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (c === '\n' || c === '\r') {
      i++;
      endOfLine();
      continue;
    }
    if (c === '#') {
      const stop = lineEnd(text, i, end);
      if (!(i === 0 && text[1] === '!')) {
        ctx.facts.push({ kind: 'code-comment', text: text.slice(i + 1, stop).trim(), span: ctx.lines.span(i, stop), source: ctx.source });
      }
      i = stop;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`' || c === '{' || c === '}') {
      finish();
      i++;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      finish();
      i += 2;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const doc = readHeredocStart(text, i, end);
      if (doc) {
        pendingHeredocs.push({ ...doc.heredoc, command: [...words] });
        i = doc.next;
        continue;
      }
    }
    const word = readWord(text, i, end);
    words.push(word);
    i = Math.max(word.end, i + 1);
  }
  finish();
}

function lineEnd(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && text[k] !== '\n' && text[k] !== '\r') k++;
  return k;
}

function readWord(text: string, start: number, end: number): Word {
  let value = '';
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') break;
    if (c === '$' && text[i + 1] === '(') break;
    if (c === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 || close > end ? end : close;
      value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < end && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < end && '"\\$`\n'.includes(text[i + 1]!)) {
          value += text[i + 1];
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      i++;
      continue;
    }
    value += c;
    i++;
  }
  return { value, start, end: Math.min(i, end) };
}

function readHeredocStart(text: string, at: number, end: number): { heredoc: Omit<Heredoc, 'command'>; next: number } | undefined {
  let i = at + 2;
  const stripTabs = text[i] === '-';
  if (stripTabs) i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const word = readWord(text, i, end);
  const delimiter = word.value;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(delimiter)) return undefined;
  return { heredoc: { delimiter, stripTabs }, next: word.end };
}

/** Skips a heredoc body starting at `from` (the line after the command); psql bodies are SQL. */
function skipHeredoc(ctx: ShellContext, doc: Heredoc, from: number, end: number): number {
  const { text } = ctx;
  let lineStart = from;
  while (lineStart < end) {
    const stop = lineEnd(text, lineStart, end);
    const line = text.slice(lineStart, stop);
    if ((doc.stripTabs ? line.replace(/^\t+/, '') : line).trim() === doc.delimiter) {
      if (isPsql(doc.command)) emitSql(ctx, from, lineStart);
      return stop;
    }
    lineStart = stop + (text[stop] === '\r' && text[stop + 1] === '\n' ? 2 : 1);
  }
  return end;
}

function isPsql(words: readonly Word[]): boolean {
  return commandName(words)?.value === 'psql';
}

function commandIndex(words: readonly Word[]): number {
  let k = 0;
  while (k < words.length && (ASSIGNMENT.test(words[k]!.value) || COMMAND_PREFIXES.has(words[k]!.value) || words[k]!.value === 'export')) k++;
  return k;
}

function commandName(words: readonly Word[]): Word | undefined {
  const w = words[commandIndex(words)];
  return w ? { ...w, value: w.value.replace(/^.*\//, '') } : undefined;
}

function emitSql(ctx: ShellContext, start: number, end: number): void {
  if (end <= start) return;
  ctx.facts.push(
    ...extractSqlText(ctx.text.slice(start, end), {
      path: ctx.path,
      source: ctx.source,
      lineIndex: ctx.lines,
      mapOffset: (offset) => start + offset,
      psql: true,
    }),
  );
}

/** The raw range of a word's content, without surrounding quotes. */
function innerRange(ctx: ShellContext, word: Word): { start: number; end: number } {
  const first = ctx.text[word.start];
  const last = ctx.text[word.end - 1];
  if ((first === '"' || first === "'") && last === first && word.end - word.start >= 2) return { start: word.start + 1, end: word.end - 1 };
  const eq = ctx.text.slice(word.start, word.end).search(/=["']/);
  if (eq > 0 && last === ctx.text[word.start + eq + 1]) return { start: word.start + eq + 2, end: word.end - 1 };
  return word;
}

function analyseCommand(ctx: ShellContext, words: Word[]): void {
  const k = commandIndex(words);
  for (const w of words.slice(0, k)) {
    if (/^PGOPTIONS=/.test(w.value)) settingsFromCommandLine(w.value.slice('PGOPTIONS='.length), ctx.lines.span(w.start, w.end), 'PGOPTIONS', ctx.source, ctx.facts);
  }
  const name = commandName(words);
  const args = words.slice(k + 1);
  switch (name?.value) {
    case 'curl':
      curl(ctx, name, args);
      break;
    case 'neonctl':
    case 'neon':
      neonCli(ctx, name, args);
      break;
    case 'psql':
      psql(ctx, args);
      break;
    case 'createdb':
      createdb(ctx, args);
      break;
    case 'postgres':
    case 'pg_ctl':
    case 'pg_ctlcluster':
      settingsFromArgs(args.map((w) => ({ value: w.value, span: ctx.lines.span(w.start, w.end) })), name.value, ctx.source, ctx.facts);
      break;
  }
  if (name?.value !== 'curl') {
    for (const w of words) if (w.value.includes('://')) urlFacts(w.value, ctx.lines.span(w.start, w.end), 'url', ctx.source, ctx.facts);
  }
}

function curl(ctx: ShellContext, name: Word, args: Word[]): void {
  let method: string | undefined;
  let url: Word | undefined;
  const data: Word[] = [];
  for (let j = 0; j < args.length; j++) {
    const a = args[j]!.value;
    const next = args[j + 1];
    if ((a === '-X' || a === '--request') && next) {
      method = next.value;
      j++;
    } else if (/^-X[A-Z]+$/.test(a)) method = a.slice(2);
    else if (CURL_DATA.has(a) && next) {
      data.push(next);
      j++;
    } else if (/^--(?:data|data-raw|data-binary|json)=/.test(a)) data.push(args[j]!);
    else if (a === '--url' && next) {
      url = next;
      j++;
    } else if (!url && /^(?:https?:\/\/|\$\{?\w+\}?\/)/.test(a)) url = args[j];
  }
  if (!url) return;
  urlFacts(url.value, ctx.lines.span(url.start, url.end), 'api-call', ctx.source, ctx.facts);
  const action = projectAction(url.value, method ?? (data.length ? 'POST' : 'GET'));
  if (!action) return;
  let found = { state: 'missing' as const, span: ctx.lines.span(name.start, name.end) } as { state: ReturnType<typeof hipaaInText>['state']; span: ReturnType<LineIndex['span']> };
  for (const d of data) {
    const range = innerRange(ctx, d);
    const hit = hipaaInText(ctx.text.slice(range.start, range.end));
    if (hit.at !== undefined && (hit.state !== 'missing' || found.state === 'missing')) {
      found = { state: hit.state, span: ctx.lines.span(range.start + hit.at, range.start + hit.at + (hit.length ?? 0)) };
    }
    if (hit.state !== 'missing') break;
  }
  ctx.facts.push({ kind: 'project-request', action, hipaa: found.state, via: 'curl', span: found.span, source: ctx.source });
}

function neonCli(ctx: ShellContext, name: Word, args: Word[]): void {
  const positional = args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  const [group, verb] = positional;
  if (!group || !verb) return;
  if ((group === 'projects' || group === 'project') && (verb === 'create' || verb === 'update')) {
    let hipaa: ReturnType<typeof hipaaFlag> = 'missing';
    let span = ctx.lines.span(name.start, name.end);
    for (const w of args) {
      const state = hipaaFlag(w.value);
      if (state) {
        hipaa = state;
        span = ctx.lines.span(w.start, w.end);
        break;
      }
    }
    ctx.facts.push({ kind: 'project-request', action: verb, hipaa, via: 'neonctl', span, source: ctx.source });
    return;
  }
  const creates = verb === 'create';
  for (let j = 0; j + 1 < args.length; j++) {
    const flag = args[j]!.value;
    const target = args[j + 1]!;
    const isName = flag === '--name' || flag === '-n';
    if ((group === 'databases' || group === 'database' || group === 'db') && isName) emitName(ctx, 'database', target, creates);
    else if ((group === 'roles' || group === 'role') && isName) emitName(ctx, 'role', target, creates);
    else if (flag === '--database-name' || flag === '--database') emitName(ctx, 'database', target, false);
    else if (flag === '--role-name') emitName(ctx, 'role', target, false);
  }
}

function emitName(ctx: ShellContext, objectKind: 'database' | 'role', word: Word, defines: boolean): void {
  if (!word.value || word.value.includes('$')) return;
  const range = innerRange(ctx, word);
  ctx.facts.push({ kind: 'schema-name', objectKind, name: word.value, defines, span: ctx.lines.span(range.start, range.end), source: ctx.source });
}

function psql(ctx: ShellContext, args: Word[]): void {
  for (let j = 0; j < args.length; j++) {
    const a = args[j]!;
    if ((a.value === '-c' || a.value === '--command') && args[j + 1]) {
      const range = innerRange(ctx, args[j + 1]!);
      emitSql(ctx, range.start, range.end);
      j++;
    } else if (a.value.startsWith('--command=')) {
      const range = innerRange(ctx, a);
      emitSql(ctx, range.start === a.start ? a.start + '--command='.length : range.start, range.end);
    }
  }
}

function createdb(ctx: ShellContext, args: Word[]): void {
  const withValue = new Set(['-h', '--host', '-p', '--port', '-U', '--username', '-O', '--owner', '-T', '--template', '-E', '--encoding', '-D', '--tablespace', '-l', '--locale', '--maintenance-db']);
  for (let j = 0; j < args.length; j++) {
    const v = args[j]!.value;
    if (withValue.has(v)) j++;
    else if (!v.startsWith('-')) {
      emitName(ctx, 'database', args[j]!, true);
      return;
    }
  }
}

export async function extractShell(path: string, text: string, source: FactSource = 'shell'): Promise<Fact[]> {
  await loadSqlParser();
  const ctx: ShellContext = { text, lines: new LineIndex(text), path, source, facts: [] };
  extractShellRegion(ctx, 0, text.length);
  return ctx.facts;
}

export const shellExtractor: Extractor = {
  id: 'shell',
  kinds: ['shell'],
  extract: (file) => extractShell(file.path, file.text),
};
