/** Facts read straight from tokens: comments, and references to the `neon_auth` schema. */
import type { SqlContext } from './context.js';
import type { TokenList } from './lexer.js';

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
export function emitComments(ctx: SqlContext, tokens: TokenList): void {
  const text = ctx.text;
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart < 0) return;
    ctx.facts.push({ kind: 'code-comment', text: text.slice(runStart, runEnd), span: ctx.span(runStart, runEnd), source: ctx.source });
    runStart = -1;
  };
  // end of the previous token, -1 before the first
  let previousEnd = -1;
  for (let k = 0; k < tokens.length; k++) {
    const start = tokens.start(k);
    const end = tokens.end(k);
    if (tokens.kind(k) !== 'comment') {
      previousEnd = end;
      continue;
    }
    const lineComment = text.charCodeAt(start) === 45;
    const ownLine = previousEnd < 0 || (previousEnd <= start && lineBreakBetween(text, previousEnd, start));
    if (lineComment && runStart >= 0 && ownLine && nextLine(text, runEnd, start)) {
      runEnd = end;
    } else {
      flush();
      runStart = start;
      runEnd = end;
      if (!lineComment || !ownLine) flush();
    }
    previousEnd = end;
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
export function emitNeonAuthReferences(ctx: SqlContext, tokens: TokenList): void {
  const text = ctx.text;
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (!tokens.isWord(text, k, 'neon_auth')) continue;
    if (tokens.kind(k + 1) !== 'punct' || text[tokens.start(k + 1)] !== '.') continue;
    ctx.facts.push({
      kind: 'dependency',
      name: `neon_auth.${text.slice(tokens.start(k + 2), tokens.end(k + 2))}`,
      via: 'sql',
      span: ctx.span(tokens.start(k), tokens.end(k + 2)),
      source: ctx.source,
    });
  }
}
