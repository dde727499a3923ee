/**
 * Comments, each exactly once. The walk hands over every stretch of text that no child node
 * covers (punctuation and trivia) and every leaf's leading trivia; together they partition the
 * file, so no comment is seen twice and none is missed.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK } from './tsapi.js';
import type { Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';

const SLASH = 47;

export class CommentCollector {
  private readonly scanner: ts.Scanner;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly facts: Fact[],
    variant: ts.LanguageVariant,
  ) {
    this.scanner = typescript.createScanner(typescript.ScriptTarget.Latest, false, variant, text);
  }

  /**
   * A node without children. Tokens (identifiers, literals, keywords): only the leading trivia is
   * read, never the token's own text. Empty composites (`{}`, `{/* x *\/}` in JSX): all of it.
   */
  leaf(node: ts.Node): void {
    if (node.kind === SK.JsxText || node.kind === SK.JsxTextAllWhiteSpaces) return;
    if (node.kind > SK.LastToken) {
      this.gap(node.pos, node.end);
      return;
    }
    if (!this.hasSlash(node.pos, node.end)) return;
    const s = this.scanner;
    s.resetTokenState(node.pos);
    s.setText(this.text, node.pos, node.end - node.pos);
    for (;;) {
      const kind = s.scan();
      if (kind === SK.SingleLineCommentTrivia || kind === SK.MultiLineCommentTrivia) this.add(s.getTokenStart(), s.getTokenEnd());
      else if (kind !== SK.WhitespaceTrivia && kind !== SK.NewLineTrivia) return;
    }
  }

  /** A stretch between children: trivia and punctuation tokens only. */
  gap(start: number, end: number): void {
    if (end <= start || !this.hasSlash(start, end)) return;
    const s = this.scanner;
    s.resetTokenState(start);
    s.setText(this.text, start, end - start);
    for (let kind = s.scan(); kind !== SK.EndOfFileToken; kind = s.scan()) {
      if (kind === SK.SingleLineCommentTrivia || kind === SK.MultiLineCommentTrivia) {
        this.add(s.getTokenStart(), s.getTokenEnd());
      }
    }
  }

  private hasSlash(start: number, end: number): boolean {
    const text = this.text;
    for (let i = start; i < end - 1; i++) {
      if (text.charCodeAt(i) === SLASH) {
        const next = text.charCodeAt(i + 1);
        if (next === SLASH || next === 42) return true;
      }
    }
    return false;
  }

  private add(pos: number, end: number): void {
    this.facts.push({ kind: 'code-comment', source: 'typescript', span: this.lines.span(pos, end), text: this.text.slice(pos, end) });
  }
}
