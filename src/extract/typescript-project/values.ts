/**
 * What a TypeScript expression evaluates to, as far as one file shows: numbers with simple
 * arithmetic (`15 * 60 * 1000`), strings and templates (unknown parts become `{}`), object
 * literals, and constants declared in the same file.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isAsExpression, isBinaryExpression, isComputedPropertyName, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParenthesizedExpression, isPrefixUnaryExpression, isPrivateIdentifier, isPropertyAssignment, isSatisfiesExpression, isShorthandPropertyAssignment, isSpreadAssignment, isStringLiteral, isStringLiteralLike, isTemplateExpression, isTypeAssertionExpression, isVariableStatement } from '../typescript/tsapi.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

const MAX_DEPTH = 12;

export class FileValues {
  private readonly consts = new Map<string, ts.Expression>();

  constructor(sf: ts.SourceFile) {
    for (const statement of sf.statements) if (isVariableStatement(statement)) this.addDeclarations(statement.declarationList);
  }

  addDeclarations(list: ts.VariableDeclarationList): void {
    if (!(list.flags & typescript.NodeFlags.Const)) return;
    for (const d of list.declarations) {
      if (isIdentifier(d.name) && d.initializer && !this.consts.has(d.name.text)) this.consts.set(d.name.text, d.initializer);
    }
  }

  resolve(expr: ts.Expression, depth = 0): ts.Expression {
    let e = unwrap(expr);
    while (isIdentifier(e) && depth < MAX_DEPTH) {
      const init = this.consts.get(e.text);
      if (!init) break;
      e = unwrap(init);
      depth++;
    }
    return e;
  }

  number(expr: ts.Expression, depth = 0): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = this.resolve(expr);
    if (isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
    if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.MinusToken) {
      const v = this.number(e.operand, depth + 1);
      return v === undefined ? undefined : -v;
    }
    if (isBinaryExpression(e)) {
      const a = this.number(e.left, depth + 1);
      const b = this.number(e.right, depth + 1);
      if (a === undefined || b === undefined) return undefined;
      switch (e.operatorToken.kind) {
        case SyntaxKind.AsteriskToken:
          return a * b;
        case SyntaxKind.SlashToken:
          return b === 0 ? undefined : a / b;
        case SyntaxKind.PlusToken:
          return a + b;
        case SyntaxKind.MinusToken:
          return a - b;
      }
    }
    return undefined;
  }

  /** The text of a string expression; parts that cannot be known become `{}`. */
  string(expr: ts.Expression, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = this.resolve(expr);
    if (isStringLiteral(e) || isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (isTemplateExpression(e)) {
      let text = e.head.text;
      for (const span of e.templateSpans) text += (this.string(span.expression, depth + 1) ?? '{}') + span.literal.text;
      return text;
    }
    if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
      const a = this.string(e.left, depth + 1);
      const b = this.string(e.right, depth + 1);
      if (a === undefined && b === undefined) return undefined;
      return (a ?? '{}') + (b ?? '{}');
    }
    if (isNumericLiteral(e)) return e.text;
    if (isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments?.[0]) {
      const path = this.string(e.arguments[0], depth + 1);
      const base = e.arguments[1] ? this.string(e.arguments[1], depth + 1) : undefined;
      return base !== undefined && path !== undefined ? `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}` : path;
    }
    return undefined;
  }

  object(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    if (!expr) return undefined;
    const e = this.resolve(expr);
    return isObjectLiteralExpression(e) ? e : undefined;
  }
}

export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (isParenthesizedExpression(e) || isAsExpression(e) || isSatisfiesExpression(e) || isNonNullExpression(e) || isTypeAssertionExpression(e)) {
      e = e.expression;
    } else return e;
  }
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (isIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name) || isPrivateIdentifier(name)) return name.text;
  if (isComputedPropertyName(name) && isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

export interface FoundProperty {
  /** The property (for spans). */
  node: ts.ObjectLiteralElementLike;
  name: string;
  value: ts.Expression;
}

/** A property of an object literal, looking through spreads of same-file objects. */
export function property(values: FileValues, obj: ts.ObjectLiteralExpression, name: string, depth = 0): FoundProperty | undefined {
  for (let k = obj.properties.length - 1; k >= 0; k--) {
    const p = obj.properties[k]!;
    if (isPropertyAssignment(p) && propertyName(p.name) === name) return { node: p, name, value: p.initializer };
    if (isShorthandPropertyAssignment(p) && p.name.text === name) return { node: p, name, value: p.name };
    if (isSpreadAssignment(p) && depth < 4) {
      const inner = values.object(p.expression);
      const found = inner ? property(values, inner, name, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** True when the object spreads something this file cannot see (`...authConfig` from another module). */
export function hasOpaqueSpread(values: FileValues, obj: ts.ObjectLiteralExpression, depth = 0): boolean {
  return obj.properties.some((p) => {
    if (!isSpreadAssignment(p)) return false;
    const inner = values.object(p.expression);
    return !inner || (depth < 4 && hasOpaqueSpread(values, inner, depth + 1));
  });
}

/** `a.b.c` through nested object literals. */
export function propertyPath(values: FileValues, obj: ts.ObjectLiteralExpression, path: readonly string[]): FoundProperty | undefined {
  let at: ts.ObjectLiteralExpression | undefined = obj;
  let found: FoundProperty | undefined;
  for (const name of path) {
    if (!at) return undefined;
    found = property(values, at, name);
    if (!found) return undefined;
    at = values.object(found.value);
  }
  return found;
}
