/** Turns ORM syntax into facts with the exact spans of the literals that carry each name. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isCallExpression, isElementAccessExpression, isExpression, isIdentifier, isPrivateIdentifier, isPropertyAccessExpression, isTemplateExpression } from '../typescript/tsapi.js';
import type { Evidence, Fact, FactSource, SchemaNameFact, SchemaObjectKind } from '../../core/facts.js';
import type { Span } from '../../core/types.js';
import type { LineIndex } from '../../core/text.js';
import { nodeSpan } from '../typescript/context.js';
import { isStringLike, unwrap } from './ast.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

export type OrmSource = Extract<FactSource, 'drizzle' | 'typeorm' | 'sequelize' | 'knex' | 'kysely' | 'prisma' | 'typescript'>;

type NameExtra = Partial<Pick<SchemaNameFact, 'parent' | 'defines' | 'mappedFrom' | 'references' | 'virtual'>>;

/** Methods that only reshape a value: the identifier built from `x.toLowerCase()` carries `x`. */
const RESHAPING = new Set(['toLowerCase', 'toUpperCase', 'trim', 'replace', 'replaceAll', 'slice', 'substring', 'padStart', 'padEnd', 'toString', 'normalize', 'split', 'join', 'concat', 'toISOString']);

export class Emitter {
  readonly facts: Fact[] = [];

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly lines: LineIndex,
  ) {}

  span(node: ts.Node): Span {
    return nodeSpan(this.lines, this.sf, node);
  }

  /**
   * A name from a literal (`'patients'`) or an identifier (a property or class name).
   * A template with substitutions becomes a dynamic identifier; anything else is skipped.
   */
  name(source: OrmSource, objectKind: SchemaObjectKind, node: ts.Node | undefined, extra: NameExtra = {}): string | undefined {
    if (!node) return undefined;
    const e = isExpression(node) ? unwrap(node) : node;
    let text: string | undefined;
    if (isStringLike(e)) text = e.text;
    else if (isIdentifier(e) || isPrivateIdentifier(e)) text = e.text;
    else if (isTemplateExpression(e)) {
      this.dynamic(source, 'object-name', e);
      return undefined;
    }
    if (text === undefined || text === '') return undefined;
    this.facts.push({ kind: 'schema-name', objectKind, name: text, defines: true, ...extra, span: this.span(e), source });
    return text;
  }

  /** A `comment` option: a schema comment when literal, a dynamic comment when interpolated. */
  comment(source: OrmSource, objectKind: SchemaObjectKind, target: string, node: ts.Node | undefined): void {
    if (!node) return;
    const e = unwrap(node as ts.Expression);
    if (isStringLike(e)) this.facts.push({ kind: 'schema-comment', objectKind, target, text: e.text, span: this.span(e), source });
    else if (isTemplateExpression(e)) this.dynamic(source, 'comment', e);
  }

  dynamic(source: OrmSource, what: 'object-name' | 'comment', template: ts.TemplateExpression): void {
    const evidence: Evidence[] = [];
    const text = (n: ts.Node, t: string) => {
      if (t.trim()) evidence.push({ kind: 'text', text: t, span: this.span(n) });
    };
    text(template.head, template.head.text);
    for (const part of template.templateSpans) {
      const path = valuePath(part.expression);
      if (path) evidence.push({ kind: 'field', path, span: this.span(part.expression) });
      text(part.literal, part.literal.text);
    }
    this.facts.push({ kind: 'dynamic-identifier', what, evidence, span: this.span(template), source });
  }

  setting(source: OrmSource, key: string, value: string, node: ts.Node, scope: string, developmentOnly: boolean): void {
    this.facts.push({ kind: 'setting', key, value, scope, ...(developmentOnly ? { developmentOnly: true } : {}), span: this.span(node), source });
  }
}

/** `patient.lastName.toLowerCase()` -> `patient.lastName`; undefined when not a value path. */
export function valuePath(node: ts.Expression): string | undefined {
  let e = unwrap(node);
  while (isCallExpression(e) && isPropertyAccessExpression(e.expression) && RESHAPING.has(e.expression.name.text)) {
    e = unwrap(e.expression.expression);
  }
  const parts: string[] = [];
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    if (isPropertyAccessExpression(e)) parts.push(e.name.text);
    else if (isStringLike(e.argumentExpression)) parts.push(e.argumentExpression.text);
    else return undefined;
    e = unwrap(e.expression);
  }
  if (isIdentifier(e)) parts.push(e.text);
  else if (e.kind === SyntaxKind.ThisKeyword) parts.push('this');
  else return undefined;
  return parts.reverse().join('.');
}
