/**
 * Project-level facts of one TypeScript/JavaScript file, for the project rules
 * (`phi/session-timeout`, `phi/non-baa-service`, `phi/hipaa-project-setting`): session lifetimes,
 * imports, environment variables, URLs and Neon project requests. Pure: the TS extractor calls it
 * with the source file it already parsed.
 */
import ts from 'typescript';
import type { Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import { Imports } from './imports.js';
import { NeonFinder } from './neon.js';
import { SessionFinder } from './sessions.js';
import { FileValues } from './values.js';

export function projectFactsFromTs(sf: ts.SourceFile, path: string, lines: LineIndex): Fact[] {
  void path;
  const facts: Fact[] = [];
  const values = new FileValues(sf);
  const imports = new Imports(sf, lines, facts);
  // imports first: a call may come before the import that binds its callee only in odd code
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) imports.declaration(statement);
  }
  const sessions = new SessionFinder(sf, lines, values, imports, facts);
  const neon = new NeonFinder(sf, lines, values, imports, facts);

  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        if (imports.call(call)) return;
        sessions.call(call);
        neon.call(call);
        break;
      }
      case ts.SyntaxKind.NewExpression:
        sessions.call(node as ts.NewExpression);
        break;
      case ts.SyntaxKind.VariableDeclarationList:
        values.addDeclarations(node as ts.VariableDeclarationList);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        imports.variable(node as ts.VariableDeclaration);
        sessions.typedOptions(node as ts.VariableDeclaration);
        break;
      case ts.SyntaxKind.JsxOpeningElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
        sessions.jsx(node as ts.JsxOpeningLikeElement);
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        neon.envReference(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        break;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        neon.text(node as ts.StringLiteral);
        return;
      case ts.SyntaxKind.TemplateExpression:
        neon.text(node as ts.TemplateExpression);
        for (const span of (node as ts.TemplateExpression).templateSpans) visit(span.expression);
        return;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
        return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return facts;
}

