/** The state of one file's walk: scopes of bindings, enclosing classes, output facts. */
import type ts from 'typescript';
import type { Evidence, Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import type { PhiCategory, Span } from '../../core/types.js';
import type { ReceiverKind } from './names.js';

/** What the extractor knows about a name in scope. */
export interface Binding {
  /** What it refers to, when it is a sink or a client (a logger, a Redis client, a request). */
  kind?: ReceiverKind;
  /** The module it was imported from. */
  module?: string;
  /** For named imports: the exported name (`captureException`). */
  imported?: string;
  /** What its value carries; `[]` means known clean (a count, a masked value). */
  evidence?: Evidence[];
  /**
   * True when the value was built as a string (template, concatenation): findings point at where
   * it was built. Otherwise findings point at the use.
   */
  built?: boolean;
  /** Static text of a string constant (a base URL), to recognise helpdesk endpoints. */
  text?: string;
  /** For repositories and models: the entity or table name. */
  entity?: string;
}

export class Scope {
  private readonly names = new Map<string, Binding>();

  constructor(readonly parent: Scope | undefined) {}

  set(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.names.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

export interface ClassInfo {
  /** `this.<name>` bindings: class fields and constructor parameter properties. */
  fields: Map<string, Binding>;
  /** True when the class extends Error or another *Error / *Exception class. */
  isError: boolean;
}

/**
 * Answers whether an expression's type makes it PHI-bearing. The syntactic walk has none; the
 * type-aware mode (a ts.Program and its checker) plugs one in.
 */
export interface TypeOracle {
  objectEvidence(expr: ts.Expression): { why: string; model?: string; category?: PhiCategory } | undefined;
}

export interface WalkContext {
  sf: ts.SourceFile;
  text: string;
  lines: LineIndex;
  facts: Fact[];
  scope: Scope;
  classes: ClassInfo[];
  sanitizers: ReadonlySet<string>;
  logSinks: ReadonlySet<string>;
  /** Nodes already reported as part of an enclosing construct (`throw new Error` vs `new Error`). */
  handled: Set<ts.Node>;
  /** True inside a function that is a route handler or middleware (has req/res-like parameters). */
  types?: TypeOracle;
}

/** The span of a node's own text, without the comments and blank space before it. */
export function nodeSpan(lines: LineIndex, sf: ts.SourceFile, node: ts.Node): Span {
  return lines.span(node.getStart(sf), node.end);
}

export function spanOf(ctx: WalkContext, node: ts.Node): Span {
  return nodeSpan(ctx.lines, ctx.sf, node);
}

export function currentClass(ctx: WalkContext): ClassInfo | undefined {
  return ctx.classes[ctx.classes.length - 1];
}
