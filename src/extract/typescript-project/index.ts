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

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = ts.SyntaxKind;

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
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        if (imports.call(call)) return;
        sessions.call(call);
        neon.call(call);
        break;
      }
      case SyntaxKind.NewExpression:
        sessions.call(node as ts.NewExpression);
        break;
      case SyntaxKind.VariableDeclarationList:
        values.addDeclarations(node as ts.VariableDeclarationList);
        break;
      case SyntaxKind.VariableDeclaration:
        imports.variable(node as ts.VariableDeclaration);
        sessions.typedOptions(node as ts.VariableDeclaration);
        break;
      case SyntaxKind.JsxOpeningElement:
      case SyntaxKind.JsxSelfClosingElement:
        sessions.jsx(node as ts.JsxOpeningLikeElement);
        break;
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        neon.envReference(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        break;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        neon.text(node as ts.StringLiteral);
        return;
      case SyntaxKind.TemplateExpression:
        neon.text(node as ts.TemplateExpression);
        for (const span of (node as ts.TemplateExpression).templateSpans) visit(span.expression);
        return;
      case SyntaxKind.ImportDeclaration:
      case SyntaxKind.ExportDeclaration:
        return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return facts;
}

