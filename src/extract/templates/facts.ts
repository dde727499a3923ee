/** Collects the facts of one template file with exact spans, from UTF-16 offsets into its text. */
import type { CodeCommentFact, Fact, FactSource, TemplateFieldFact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';

export type FieldRole = 'label' | 'description' | 'placeholder' | 'id' | 'value' | 'interpolation' | 'text' | 'subject';

export interface FieldExtras {
  group?: string;
  input?: string;
}

export class TemplateFacts {
  readonly lines: LineIndex;
  private readonly fields: TemplateFieldFact[] = [];
  private readonly others: Fact[] = [];
  private readonly commentTexts: string[] = [];

  constructor(
    readonly text: string,
    readonly template: string,
    readonly source: FactSource = 'template',
  ) {
    this.lines = new LineIndex(text);
  }

  field(role: FieldRole, text: string, start: number, end: number, extras: FieldExtras = {}): void {
    if (text.trim() === '') return;
    const fact: TemplateFieldFact = { kind: 'template-field', source: this.source, span: this.lines.span(start, end), role, text, template: this.template };
    if (extras.group !== undefined) fact.group = extras.group;
    if (extras.input !== undefined) fact.input = extras.input;
    this.fields.push(fact);
  }

  /**
   * `text`: the comment's words without delimiters and surrounding space; `start`..`end`: the
   * whole comment. The span is where the text itself stands, so offsets inside the text map back
   * to the file (rules point at a value inside a comment); text rewritten from the source keeps
   * the whole comment's span.
   */
  comment(text: string, start: number, end: number): void {
    if (text.trim() === '') return;
    const at = this.text.indexOf(text, start);
    const span = at >= 0 && at + text.length <= end ? this.lines.span(at, at + text.length) : this.lines.span(start, end);
    const fact: CodeCommentFact = { kind: 'code-comment', source: this.source, span, text };
    this.others.push(fact);
    this.commentTexts.push(text);
  }

  problem(message: string, stillScanned: string, start = 0): void {
    this.others.push({ kind: 'parse-problem', source: this.source, span: this.lines.span(start, start), message, stillScanned });
  }

  /** Comment texts seen so far (a template's comments often say where it is sent). */
  get comments(): readonly string[] {
    return this.commentTexts;
  }

  get templateFields(): readonly TemplateFieldFact[] {
    return this.fields;
  }

  /** All facts; `ticket` marks whether the template feeds a support ticket. */
  finish(ticket: boolean): Fact[] {
    for (const f of this.fields) f.ticket = ticket;
    return [...this.fields, ...this.others];
  }
}

/** Replaces `text[start, end)` by spaces, keeping line breaks, so offsets stay valid for later passes. */
export function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = chars[i];
    if (c !== '\n' && c !== '\r') chars[i] = ' ';
  }
}
