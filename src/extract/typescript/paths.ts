/** Expression shapes: unwrapping, property chains and callee labels, computed from nodes (no getText). */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, isAsExpression, isAwaitExpression, isCallExpression, isComputedPropertyName, isElementAccessExpression, isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParenthesizedExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTypeAssertionExpression } from './tsapi.js';

/** Strips parentheses, type assertions, `!`, `satisfies` and `await`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (
      isParenthesizedExpression(e) ||
      isAsExpression(e) ||
      isNonNullExpression(e) ||
      isTypeAssertionExpression(e) ||
      isSatisfiesExpression(e) ||
      isAwaitExpression(e)
    ) {
      e = e.expression;
    } else {
      return e;
    }
  }
}

/**
 * `a.b?.c['d'][0]` -> `['a', 'b', 'c', 'd']`. Numeric and dynamic indexes are dropped
 * (`rows[0].id` -> `rows.id`). Undefined when the chain does not start at an identifier or `this`.
 */
export function chainOf(expr: ts.Expression): string[] | undefined {
  const parts: string[] = [];
  let cur = unwrap(expr);
  for (;;) {
    if (isPropertyAccessExpression(cur)) {
      parts.push(cur.name.text);
      cur = unwrap(cur.expression);
    } else if (isElementAccessExpression(cur)) {
      const arg = cur.argumentExpression;
      if (isStringLiteralLike(arg)) parts.push(arg.text);
      cur = unwrap(cur.expression);
    } else if (isIdentifier(cur)) {
      parts.push(cur.text);
      break;
    } else if (cur.kind === SK.ThisKeyword) {
      parts.push('this');
      break;
    } else {
      return undefined;
    }
  }
  return parts.reverse();
}

/** The innermost expression a property chain starts from (`a` in `a.b(1).c`). */
export function chainRoot(expr: ts.Expression): ts.Expression {
  let cur = unwrap(expr);
  for (;;) {
    if (isPropertyAccessExpression(cur) || isElementAccessExpression(cur) || isCallExpression(cur)) {
      cur = unwrap(cur.expression);
    } else {
      return cur;
    }
  }
}

/** A short human label for a callee: `logger.info`, `res.status(…).json`, `new Error`. */
export function labelOf(expr: ts.Expression, depth = 0): string {
  const e = unwrap(expr);
  if (depth > 6) return '…';
  if (isIdentifier(e) || isPrivateIdentifier(e)) return e.text;
  if (e.kind === SK.ThisKeyword) return 'this';
  if (e.kind === SK.SuperKeyword) return 'super';
  if (isPropertyAccessExpression(e)) return `${labelOf(e.expression, depth + 1)}.${e.name.text}`;
  if (isElementAccessExpression(e)) {
    const arg = e.argumentExpression;
    return `${labelOf(e.expression, depth + 1)}[${isStringLiteralLike(arg) ? `'${arg.text}'` : '…'}]`;
  }
  if (isCallExpression(e)) return `${labelOf(e.expression, depth + 1)}(…)`;
  if (isNewExpression(e)) return `new ${labelOf(e.expression, depth + 1)}`;
  return '…';
}

/** The name of a property (identifier, string or numeric literal key), if static. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (isIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name) || isPrivateIdentifier(name)) {
    return name.text;
  }
  if (isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (isComputedPropertyName(name) && isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** The last identifier of a callee (`hash` in `crypto.hash`, `mask` in `mask`). */
export function calleeName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (isIdentifier(e)) return e.text;
  if (isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Finds a property of an object literal by static key. */
export function propertyOf(obj: ts.ObjectLiteralExpression, key: string): ts.ObjectLiteralElementLike | undefined {
  for (const p of obj.properties) {
    if (propertyNameText(p.name) === key) return p;
  }
  return undefined;
}

/** The value expression of an object-literal property (shorthand `{ dob }` gives the identifier). */
export function propertyValue(p: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!p) return undefined;
  if (isPropertyAssignment(p)) return p.initializer;
  if (isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** An argument as an object literal, when it is one (through parentheses and assertions). */
export function asObjectLiteral(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return isObjectLiteralExpression(e) ? e : undefined;
}

/** A numeric literal's value (`404`), or undefined. */
export function numberOf(expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  return isNumericLiteral(e) ? Number(e.text) : undefined;
}
