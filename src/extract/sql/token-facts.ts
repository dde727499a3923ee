/** Facts read straight from tokens: comments, and references to the `neon_auth` schema. */
import type { SqlContext } from './context.js';
import { identEquals, type Token } from './lexer.js';

/** True when only spaces/tabs and exactly one line break separate two offsets. */
function nextLine(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) breaks++;
    } else if (c !== 32 && c !== 9) return false;
  }
  return breaks === 1;
}

/**
 * One code-comment fact per block comment and per run of `--` comments on consecutive lines,
 * so context on a neighbouring line ("... (DOB 1990-05-17)") is judged together.
 * The text is the exact source slice, so offsets inside it map back to the file.
 */
export function emitComments(ctx: SqlContext, tokens: readonly Token[]): void {
  const text = ctx.text;
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart < 0) return;
    ctx.facts.push({ kind: 'code-comment', text: text.slice(runStart, runEnd), span: ctx.span(runStart, runEnd), source: ctx.source });
    runStart = -1;
  };
  let previous: Token | undefined;
  for (const t of tokens) {
    if (t.kind !== 'comment') {
      previous = t;
      continue;
    }
    const lineComment = text.charCodeAt(t.start) === 45;
    const ownLine = !previous || previous.end <= t.start && lineBreakBetween(text, previous.end, t.start);
    if (lineComment && runStart >= 0 && ownLine && nextLine(text, runEnd, t.start)) {
      runEnd = t.end;
    } else {
      flush();
      runStart = t.start;
      runEnd = t.end;
      if (!lineComment || !ownLine) flush();
    }
    previous = t;
  }
  flush();
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** `neon_auth.users_sync`: the project relies on Neon Auth, which the BAA does not cover. */
export function emitNeonAuthReferences(ctx: SqlContext, tokens: readonly Token[]): void {
  const text = ctx.text;
  for (let k = 0; k + 2 < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'ident' || !identEquals(text, t, 'neon_auth')) continue;
    const dot = tokens[k + 1]!;
    const name = tokens[k + 2]!;
    if (dot.kind !== 'punct' || text[dot.start] !== '.') continue;
    ctx.facts.push({
      kind: 'dependency',
      name: `neon_auth.${text.slice(name.start, name.end)}`,
      via: 'sql',
      span: ctx.span(t.start, name.end),
      source: ctx.source,
    });
  }
}
