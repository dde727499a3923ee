/**
 * The SourceCode of a SQL, Prisma or postgresql.conf file. The phi rules work on the engine's facts, so the tree
 * is one `Document` node; what ESLint needs from the text itself is its comments, for
 * `eslint-disable` directives and `/* eslint ... *\/` inline config.
 */
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { FileProblem, RulesConfig, SourceLocation, TraversalStep } from '@eslint/core';
import { LineIndex } from '../../core/text.js';
import type { CommentFinder } from './comments.js';

export type PhiTextKind = 'sql' | 'prisma' | 'postgresql-conf';

export interface PhiDocument {
  type: 'Document';
  range: [number, number];
  loc: SourceLocation;
}

export interface PhiComment {
  type: 'Comment';
  value: string;
  range: [number, number];
  loc: SourceLocation;
}

type PhiNode = PhiDocument | PhiComment;

/** The engine's line breaks (CRLF, LF, lone CR), so ESLint's lines are the CLI's lines. */
export const LINE_ENDING = /\r\n|[\r\n]/u;

const commentParser = new ConfigCommentParser();
const DISABLE_LABELS = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-line', 'eslint-disable-next-line']);
const INLINE_CONFIG_LABELS = new Set([...DISABLE_LABELS, 'eslint']);

/** ESLint locations: 1-based lines, 0-based columns. */
export function locOf(lines: LineIndex, start: number, end: number): SourceLocation {
  const a = lines.position(start);
  const b = lines.position(end);
  return { start: { line: a.line, column: a.column - 1 }, end: { line: b.line, column: b.column - 1 } };
}

export class PhiTextSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: PhiDocument;
  SyntaxElementWithLoc: PhiNode;
  ConfigNode: PhiComment;
}> {
  readonly kind: PhiTextKind;
  readonly #findComments: CommentFinder;
  #comments: PhiComment[] | undefined;

  constructor({ text, ast, kind, findComments }: { text: string; ast: PhiDocument; kind: PhiTextKind; findComments: CommentFinder }) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
    this.kind = kind;
    this.#findComments = findComments;
  }

  override getParent(node: PhiNode): PhiNode | undefined {
    return node === this.ast ? undefined : this.ast;
  }

  /** Every comment, in source order (lexed on first use). */
  getAllComments(): PhiComment[] {
    if (!this.#comments) {
      const lines = new LineIndex(this.text);
      this.#comments = this.#findComments(this.text).map(({ start, end, value }) => ({
        type: 'Comment',
        value,
        range: [start, end],
        loc: locOf(lines, start, end),
      }));
    }
    return this.#comments;
  }

  /** Comments that hold an `eslint` directive; most files have none, so most files are never lexed. */
  getInlineConfigNodes(): PhiComment[] {
    if (!this.text.includes('eslint')) return [];
    return this.getAllComments().filter((comment) => {
      const label = commentParser.parseDirective(comment.value)?.label;
      return label !== undefined && INLINE_CONFIG_LABELS.has(label);
    });
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || !DISABLE_LABELS.has(parsed.label)) continue;
      if (parsed.label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${parsed.label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      const type = parsed.label.slice('eslint-'.length) as Directive['type'];
      directives.push(new Directive({ type, node: comment, value: parsed.value, justification: parsed.justification }));
    }
    return { problems, directives };
  }

  /** `/* eslint phi/log: "off" *\/` (and `-- eslint phi/log: off` in SQL). */
  applyInlineConfig(): { configs: { loc: SourceLocation; config: { rules: RulesConfig } }[]; problems: FileProblem[] } {
    const configs: { loc: SourceLocation; config: { rules: RulesConfig } }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ loc: comment.loc, config: { rules: result.config } });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }

  override traverse(): Iterable<TraversalStep> {
    return [
      new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, undefined] }),
      new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, undefined] }),
    ];
  }
}
