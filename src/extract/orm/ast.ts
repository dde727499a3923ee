/** Small, allocation-light readers of TypeScript syntax shared by the ORM analyses. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isArrayLiteralExpression, isArrowFunction, isAsExpression, isAwaitExpression, isCallExpression, isFunctionExpression, isIdentifier, isMethodDeclaration, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParenthesizedExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isTypeAssertionExpression } from '../typescript/tsapi.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

/** One step of a call chain: `db.schema.createTable('t')` is `db`, `schema`, `createTable('t')`. */
export interface Segment {
  name: string;
  /** Arguments, when the step is a call. */
  args?: ts.NodeArray<ts.Expression>;
  node: ts.Expression;
}

const MAX_CHAIN = 64;

/** Flattens `a.b(1).c(2)` into segments from the root outwards; stops at anything else. */
export function chainOf(expr: ts.Expression): Segment[] {
  const out: Segment[] = [];
  let e: ts.Expression = expr;
  let pendingArgs: ts.NodeArray<ts.Expression> | undefined;
  let pendingCall: ts.Expression | undefined;
  for (let guard = 0; guard < MAX_CHAIN; guard++) {
    if (isCallExpression(e)) {
      pendingArgs = e.arguments;
      pendingCall = e;
      e = e.expression;
      continue;
    }
    if (isNonNullExpression(e) || isParenthesizedExpression(e) || isAwaitExpression(e)) {
      e = e.expression;
      continue;
    }
    if (isPropertyAccessExpression(e)) {
      out.push(pendingArgs ? { name: e.name.text, args: pendingArgs, node: pendingCall! } : { name: e.name.text, node: e });
      pendingArgs = undefined;
      e = e.expression;
      continue;
    }
    const name = isIdentifier(e) ? e.text : e.kind === SyntaxKind.ThisKeyword ? 'this' : '';
    out.push(pendingArgs ? { name, args: pendingArgs, node: pendingCall! } : { name, node: e });
    break;
  }
  return out.reverse();
}

/** A string literal or a template without substitutions. */
export function isStringLike(node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return !!node && (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral);
}

export function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  while (isParenthesizedExpression(e) || isAsExpression(e) || isSatisfiesExpression(e) || isNonNullExpression(e) || isTypeAssertionExpression(e)) {
    e = e.expression;
  }
  return e;
}

export function propertyName(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (isIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name) || isPrivateIdentifier(name)) return name.text;
  if (isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The value of `key` in an object literal (last one wins, as at run time). */
export function property(obj: ts.ObjectLiteralExpression | undefined, key: string): ts.Expression | undefined {
  if (!obj) return undefined;
  let found: ts.Expression | undefined;
  for (const p of obj.properties) {
    if (isPropertyAssignment(p) && propertyName(p.name) === key) found = p.initializer;
    else if (isShorthandPropertyAssignment(p) && p.name.text === key) found = p.name;
    else if (isMethodDeclaration(p) && propertyName(p.name) === key) found = p as unknown as ts.Expression;
  }
  return found;
}

/** The property node itself (for spans covering `key: value`). */
export function propertyNode(obj: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  let found: ts.ObjectLiteralElementLike | undefined;
  for (const p of obj.properties) if (p.name && propertyName(p.name) === key) found = p;
  return found;
}

export function asObject(node: ts.Node | undefined): ts.ObjectLiteralExpression | undefined {
  if (!node) return undefined;
  const e = unwrap(node as ts.Expression);
  return isObjectLiteralExpression(e) ? e : undefined;
}

export function asFunction(node: ts.Node | undefined): ts.ArrowFunction | ts.FunctionExpression | undefined {
  if (!node) return undefined;
  const e = unwrap(node as ts.Expression);
  return isArrowFunction(e) || isFunctionExpression(e) ? e : undefined;
}

/** `true`, `false`, a string, a number: the literal's text; otherwise undefined. */
export function literalText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  const e = unwrap(node as ts.Expression);
  if (e.kind === SyntaxKind.TrueKeyword) return 'true';
  if (e.kind === SyntaxKind.FalseKeyword) return 'false';
  if (isStringLike(e)) return e.text;
  if (isNumericLiteral(e)) return e.text;
  return undefined;
}

/** Strings of an array literal (`['query', 'warn']`) and `{ level: 'query' }` entries. */
export function arrayStrings(node: ts.Node | undefined): string[] | undefined {
  if (!node) return undefined;
  const e = unwrap(node as ts.Expression);
  if (!isArrayLiteralExpression(e)) return undefined;
  const out: string[] = [];
  for (const el of e.elements) {
    if (isStringLike(el)) out.push(el.text);
    else if (isObjectLiteralExpression(el)) {
      const level = property(el, 'level');
      if (isStringLike(level)) out.push(level.text);
    }
  }
  return out;
}

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return typescript.canHaveDecorators(node) ? (typescript.getDecorators(node) ?? []) : [];
}

/** `@Entity(...)`: the decorator's name and arguments. */
export function decoratorCall(d: ts.Decorator): { name: string; args: readonly ts.Expression[] } | undefined {
  const e = d.expression;
  if (isCallExpression(e)) {
    const callee = e.expression;
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
    return { name, args: e.arguments };
  }
  if (isIdentifier(e)) return { name: e.text, args: [] };
  return undefined;
}

/** Walks a subtree, children after parents; stop descending by returning false. */
export function walk(node: ts.Node, visit: (n: ts.Node) => boolean | void): void {
  const go = (n: ts.Node): void => {
    if (visit(n) === false) return;
    typescript.forEachChild(n, go);
  };
  go(node);
}

/** True when any identifier named `name` occurs in the subtree. */
export function mentions(node: ts.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (isIdentifier(n) && names.has(n.text)) found = true;
    return !found;
  });
  return found;
}
