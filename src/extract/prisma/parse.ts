/**
 * A purpose-built reader of the Prisma schema grammar: blocks (model, view, type, enum,
 * generator, datasource), field and enum-value lines, attributes with their arguments, and
 * comments. Exact offsets throughout; anything it cannot read is recorded, never thrown.
 */
import { stringValue, tokenize, type Token } from './lexer.js';

export interface Name {
  text: string;
  start: number;
  end: number;
}

export interface Argument {
  /** `map` in `map: "x"`; undefined for a positional argument. */
  name?: string;
  tokens: Token[];
}

export interface Attribute {
  /** Without `@`/`@@`: `map`, `relation`, `db.VarChar`. */
  name: string;
  block: boolean;
  args: Argument[];
}

export interface Member {
  name: Name;
  /** Field type (`String`, `Patient`); undefined for enum values. */
  type?: Name;
  list: boolean;
  attributes: Attribute[];
}

export type BlockKeyword = 'model' | 'view' | 'type' | 'enum' | 'generator' | 'datasource';

export interface Block {
  keyword: BlockKeyword;
  name: Name;
  members: Member[];
  attributes: Attribute[];
  /** `key = value` lines of generator and datasource blocks. */
  assignments: { key: Name; value: Token[] }[];
}

/** A run of `///` lines (or `//` lines) on consecutive lines, and what it documents. */
export interface CommentRun {
  start: number;
  end: number;
  /** For doc comments: the block and member documented. */
  block?: Block;
  member?: Member;
}

export interface Problem {
  offset: number;
  message: string;
}

export interface ParsedSchema {
  text: string;
  blocks: Block[];
  docs: CommentRun[];
  comments: CommentRun[];
  problems: Problem[];
}

const BLOCK_KEYWORDS = new Set<string>(['model', 'view', 'type', 'enum', 'generator', 'datasource']);

/** Generator directives written as doc comments (`/// @zod.string.min(1)`, `/// [Json]`): not prose. */
const DIRECTIVE = /^\/\/\/\s*(?:@|\[[\w.]+\]\s*$)/;

export function parseSchema(text: string): ParsedSchema {
  const tokens = tokenize(text);
  const out: ParsedSchema = { text, blocks: [], docs: [], comments: [], problems: [] };
  const reader = new LineReader(text, tokens, out);
  let block: Block | undefined;
  for (let line = reader.next(); line; line = reader.next()) {
    const first = line.tokens[0];
    if (line.brace === '{') {
      if (!block) out.problems.push({ offset: line.offset, message: 'a `{` outside any block' });
      continue;
    }
    if (line.brace === '}') {
      reader.flushDocs(block, undefined);
      if (block) block = undefined;
      else out.problems.push({ offset: line.offset, message: 'a `}` that closes no block' });
      continue;
    }
    if (!first) continue;
    if (!block) {
      block = openBlock(text, line.tokens, reader, out);
      if (block) out.blocks.push(block);
      continue;
    }
    readBlockLine(text, block, line.tokens, reader, out);
  }
  if (block) out.problems.push({ offset: text.length, message: `a ${block.keyword} block is not closed` });
  reader.flushDocs(undefined, undefined);
  return out;
}

function openBlock(text: string, tokens: Token[], reader: LineReader, out: ParsedSchema): Block | undefined {
  const [kw, name] = tokens;
  const keyword = kw && kw.kind === 'ident' ? text.slice(kw.start, kw.end) : '';
  if (!kw || !BLOCK_KEYWORDS.has(keyword) || !name || name.kind !== 'ident' || !reader.opensBlock()) {
    out.problems.push({ offset: kw?.start ?? 0, message: 'unexpected text outside a block' });
    reader.flushDocs(undefined, undefined);
    return undefined;
  }
  const block: Block = { keyword: keyword as BlockKeyword, name: nameOf(text, name), members: [], attributes: [], assignments: [] };
  reader.flushDocs(block, undefined);
  return block;
}

function readBlockLine(text: string, block: Block, tokens: Token[], reader: LineReader, out: ParsedSchema): void {
  const first = tokens[0]!;
  const firstText = text.slice(first.start, first.end);
  if (firstText === '@@') {
    block.attributes.push(...readAttributes(text, tokens, 0, out));
    reader.flushDocs(block, undefined);
    return;
  }
  if (first.kind !== 'ident') {
    out.problems.push({ offset: first.start, message: `unexpected text in a ${block.keyword} block` });
    return;
  }
  if (block.keyword === 'generator' || block.keyword === 'datasource') {
    const eq = tokens[1];
    if (eq && text.slice(eq.start, eq.end) === '=') block.assignments.push({ key: nameOf(text, first), value: tokens.slice(2) });
    else out.problems.push({ offset: first.start, message: `expected \`key = value\` in a ${block.keyword} block` });
    return;
  }
  const member: Member = { name: nameOf(text, first), list: false, attributes: [] };
  let at = 1;
  if (block.keyword !== 'enum') {
    const type = tokens[1];
    if (!type || type.kind !== 'ident') {
      out.problems.push({ offset: first.start, message: 'a field without a type' });
      block.members.push(member);
      reader.flushDocs(block, member);
      return;
    }
    member.type = nameOf(text, type);
    at = 2;
    // Unsupported("...") and modifiers: `?`, `[]`, `!`
    while (at < tokens.length && text.slice(tokens[at]!.start, tokens[at]!.end) !== '@') {
      const t = text.slice(tokens[at]!.start, tokens[at]!.end);
      if (t === '[') member.list = true;
      at++;
    }
  }
  member.attributes = readAttributes(text, tokens, at, out);
  block.members.push(member);
  reader.flushDocs(block, member);
}

/** Attributes from `tokens[from]` on: `@map("x") @db.VarChar(20) @@index([a], map: "i")`. */
function readAttributes(text: string, tokens: Token[], from: number, out: ParsedSchema): Attribute[] {
  const attrs: Attribute[] = [];
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const marker = text.slice(t.start, t.end);
    if (marker !== '@' && marker !== '@@') {
      out.problems.push({ offset: t.start, message: 'unexpected text where an attribute was expected' });
      return attrs;
    }
    i++;
    let name = '';
    while (i < tokens.length && (tokens[i]!.kind === 'ident' || text.slice(tokens[i]!.start, tokens[i]!.end) === '.')) {
      name += text.slice(tokens[i]!.start, tokens[i]!.end);
      i++;
    }
    const attr: Attribute = { name, block: marker === '@@', args: [] };
    if (i < tokens.length && text.charCodeAt(tokens[i]!.start) === 40) {
      i = readArguments(text, tokens, i, attr.args);
    }
    attrs.push(attr);
  }
  return attrs;
}

/** Reads `( ... )` starting at the `(`; returns the index after the matching `)`. */
function readArguments(text: string, tokens: Token[], open: number, args: Argument[]): number {
  let depth = 0;
  let current: Argument = { tokens: [] };
  let i = open;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const c = t.kind === 'punct' ? text.charCodeAt(t.start) : 0;
    if (c === 40 || c === 91) {
      depth++;
      if (depth === 1) continue;
    } else if (c === 41 || c === 93) {
      depth--;
      if (depth === 0) {
        i++;
        break;
      }
    } else if (c === 44 && depth === 1) {
      args.push(current);
      current = { tokens: [] };
      continue;
    } else if (c === 58 && depth === 1 && current.tokens.length === 1 && current.tokens[0]!.kind === 'ident') {
      current = { name: text.slice(current.tokens[0]!.start, current.tokens[0]!.end), tokens: [] };
      continue;
    }
    current.tokens.push(t);
  }
  if (current.tokens.length || current.name) args.push(current);
  return i;
}

function nameOf(text: string, token: Token): Name {
  return { text: text.slice(token.start, token.end), start: token.start, end: token.end };
}

/** A string argument as a name whose span includes the quotes (as SQL quoted identifiers do). */
export function stringName(text: string, token: Token | undefined): Name | undefined {
  if (!token || token.kind !== 'string') return undefined;
  return { text: stringValue(text, token), start: token.start, end: token.end };
}

interface LogicalLine {
  tokens: Token[];
  brace?: '{' | '}';
  offset: number;
}

/**
 * Splits the token stream into logical lines: a newline outside `(`/`[` ends a line, each brace
 * is a line of its own. Comments are taken out on the way: `//` runs become code comments,
 * `///` runs wait for the declaration they document.
 */
class LineReader {
  private i = 0;
  private pendingDocs: CommentRun[] = [];
  private trailingDocs: CommentRun[] = [];
  private comment: CommentRun | undefined;
  private doc: CommentRun | undefined;
  /** Line breaks since the last comment token (2+ ends a comment run). */
  private breaks = 0;
  private lineHasCode = false;
  private queued: LogicalLine | undefined;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly out: ParsedSchema,
  ) {}

  next(): LogicalLine | undefined {
    if (this.queued) {
      const q = this.queued;
      this.queued = undefined;
      return q;
    }
    if (this.i >= this.tokens.length) {
      this.endComment();
      this.endDoc();
      return undefined;
    }
    const line: Token[] = [];
    let depth = 0;
    let offset = this.tokens[this.i]!.start;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++]!;
      if (t.kind === 'newline') {
        this.breaks++;
        this.lineHasCode = false;
        if (depth === 0 && line.length) break;
        continue;
      }
      if (t.kind === 'comment' || t.kind === 'doc') {
        this.takeComment(t, line.length > 0 || this.lineHasCode);
        continue;
      }
      if (t.kind === 'string' && t.unterminated) this.out.problems.push({ offset: t.start, message: 'a string without its closing quote' });
      this.lineHasCode = true;
      this.endComment();
      this.endDoc();
      this.breaks = 0;
      const c = t.kind === 'punct' ? this.text.charCodeAt(t.start) : 0;
      if ((c === 123 || c === 125) && depth === 0) {
        const brace: LogicalLine = { tokens: [], brace: c === 123 ? '{' : '}', offset: t.start };
        if (line.length) {
          this.queued = brace;
          return { tokens: line, offset };
        }
        return brace;
      }
      if (c === 40 || c === 91) depth++;
      else if ((c === 41 || c === 93) && depth > 0) depth--;
      if (!line.length) offset = t.start;
      line.push(t);
    }
    return line.length ? { tokens: line, offset } : this.next();
  }

  /** The header just read is followed by `{` (possibly on the next line). */
  opensBlock(): boolean {
    let j = this.i;
    while (j < this.tokens.length && (this.tokens[j]!.kind === 'newline' || this.tokens[j]!.kind === 'comment')) j++;
    const t = this.tokens[j];
    if (this.queued?.brace === '{') return true;
    return Boolean(t && t.kind === 'punct' && this.text.charCodeAt(t.start) === 123);
  }

  /** Gives the waiting doc comments (and a trailing one on the same line) their target. */
  flushDocs(block: Block | undefined, member: Member | undefined): void {
    this.endDoc();
    for (const run of [...this.pendingDocs, ...this.trailingDocs]) {
      if (block) run.block = block;
      if (member) run.member = member;
      this.out.docs.push(run);
    }
    this.pendingDocs = [];
    this.trailingDocs = [];
  }

  private takeComment(t: Token, trailing: boolean): void {
    const directive = t.kind === 'doc' && DIRECTIVE.test(this.text.slice(t.start, Math.min(t.end, t.start + 80)));
    if (t.kind === 'comment' || directive) {
      this.endDoc();
      if (directive) return;
      if (!trailing && this.comment && this.breaks === 1) this.comment.end = t.end;
      else {
        this.endComment();
        this.comment = { start: t.start, end: t.end };
        if (trailing) this.endComment();
      }
    } else {
      this.endComment();
      if (trailing) {
        this.endDoc();
        this.trailingDocs.push({ start: t.start, end: t.end });
      } else if (this.doc && this.breaks === 1) this.doc.end = t.end;
      else {
        this.endDoc();
        this.doc = { start: t.start, end: t.end };
      }
    }
    this.breaks = 0;
  }

  private endComment(): void {
    if (this.comment) this.out.comments.push(this.comment);
    this.comment = undefined;
  }

  private endDoc(): void {
    if (this.doc) this.pendingDocs.push(this.doc);
    this.doc = undefined;
  }
}
