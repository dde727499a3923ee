/** Comments of SQL and Prisma files, found with the extractors' own lexers (never in strings). */
import { tokenize as tokenizePrisma } from '../../extract/prisma/lexer.js';
import { lexSql } from '../../extract/sql/lexer.js';
import { LineIndex } from '../../core/text.js';

export interface CommentRange {
  start: number;
  end: number;
  /** The text without its delimiters (`--`, `/* *\/`, `//`). */
  value: string;
}

export type CommentFinder = (text: string) => CommentRange[];

export const sqlComments: CommentFinder = (text) =>
  lexSql(text, 0, text.length, { psql: true })
    .tokens.toArray()
    .filter((token) => token.kind === 'comment')
    .map(({ start, end }) => {
      const raw = text.slice(start, end);
      const value = raw.startsWith('--') ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
      return { start, end, value };
    });

/** `//` comments; `///` is documentation (a schema comment), not a place for directives. */
export const prismaComments: CommentFinder = (text) =>
  tokenizePrisma(text)
    .filter((token) => token.kind === 'comment')
    .map(({ start, end }) => ({ start, end, value: text.slice(start + 2, end) }));

/** postgresql.conf: `#` to the end of the line, outside a quoted value. */
export const hashComments: CommentFinder = (text) => {
  const lines = new LineIndex(text);
  const comments: CommentRange[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const content = lines.lineText(line);
    let quoted = false;
    for (let i = 0; i < content.length; i++) {
      const c = content[i];
      if (c === "'") quoted = !quoted;
      else if (c === '\\' && quoted) i++;
      else if (c === '#' && !quoted) {
        const start = lines.lineStart(line) + i;
        comments.push({ start, end: lines.lineStart(line) + content.length, value: content.slice(i + 1) });
        break;
      }
    }
  }
  return comments;
};
