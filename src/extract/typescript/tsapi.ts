/**
 * The TypeScript API's exports are getters: reading them in hot loops costs a call each time.
 * The walk uses these plain bindings, read once.
 */
import ts from 'typescript';

export const SK = ts.SyntaxKind;
export const {
  forEachChild,
  getDecorators,
  getModifiers,
  isArrayBindingPattern,
  isArrayLiteralExpression,
  isAsExpression,
  isAwaitExpression,
  isBinaryExpression,
  isCallExpression,
  isComputedPropertyName,
  isElementAccessExpression,
  isIdentifier,
  isNamespaceImport,
  isNewExpression,
  isNoSubstitutionTemplateLiteral,
  isNonNullExpression,
  isNumericLiteral,
  isObjectBindingPattern,
  isObjectLiteralExpression,
  isOmittedExpression,
  isParenthesizedExpression,
  isPrefixUnaryExpression,
  isPrivateIdentifier,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isPropertyDeclaration,
  isSatisfiesExpression,
  isShorthandPropertyAssignment,
  isSpreadAssignment,
  isStringLiteral,
  isStringLiteralLike,
  isTaggedTemplateExpression,
  isTemplateExpression,
  isTemplateTail,
  isTypeAssertionExpression,
  isTypeReferenceNode,
} = ts;
