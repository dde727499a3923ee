/**
 * Project-level facts of one TypeScript/JavaScript file, for the project rules
 * (`phi/session-timeout`, `phi/non-baa-service`, `phi/hipaa-project-setting`): session lifetimes,
 * imports, environment variables, URLs and Neon project requests. Pure: the TS extractor calls it
 * with the source file it already parsed.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isExportDeclaration, isImportDeclaration } from '../typescript/tsapi.js';
import type { Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import type { TsVisitorFactory } from '../ts-visitor.js';
import { Imports } from './imports.js';
import { NeonFinder } from './neon.js';
import { SessionFinder, usesSessionLibrary } from './sessions.js';
import { FileValues } from './values.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

/** Words without which no node of a file yields more than its import facts. */
const WORTH_WALKING = /\brequire\s*\(|\bimport\s*\(|\benv\b|:\/\/|\/auth|data-api|idle_session_timeout|roject|NeonAuth|DataApi|DataAPI/;

/** The project facts as a visitor of the TypeScript walk; import facts need no walk at all. */
export const projectVisitor: TsVisitorFactory = ({ sourceFile: sf, lines }) => {
  const facts: Fact[] = [];
  const imports = new Imports(sf, lines, facts);
  // imports first: a call may come before the import that binds its callee only in odd code
  for (const statement of sf.statements) {
    if (isImportDeclaration(statement) || isExportDeclaration(statement)) imports.declaration(statement);
  }
  const finish = () => facts;
  if (!WORTH_WALKING.test(sf.text) && !usesSessionLibrary(imports)) return { finish };
  const values = new FileValues(sf);
  const sessions = new SessionFinder(sf, lines, values, imports, facts);
  const neon = new NeonFinder(sf, lines, values, imports, facts);

  const visit = (node: ts.Node): boolean => {
    switch (node.kind) {
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        if (imports.call(call)) return true;
        sessions.call(call);
        neon.call(call);
        return false;
      }
      case SyntaxKind.NewExpression:
        sessions.call(node as ts.NewExpression);
        return false;
      case SyntaxKind.VariableDeclarationList:
        values.addDeclarations(node as ts.VariableDeclarationList);
        return false;
      case SyntaxKind.VariableDeclaration:
        imports.variable(node as ts.VariableDeclaration);
        sessions.typedOptions(node as ts.VariableDeclaration);
        return false;
      case SyntaxKind.JsxOpeningElement:
      case SyntaxKind.JsxSelfClosingElement:
        sessions.jsx(node as ts.JsxOpeningLikeElement);
        return false;
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        neon.envReference(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
        return false;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        neon.text(node as ts.StringLiteral);
        return true;
      case SyntaxKind.TemplateExpression:
        neon.text(node as ts.TemplateExpression);
        return false;
      case SyntaxKind.ImportDeclaration:
      case SyntaxKind.ExportDeclaration:
        return true;
      default:
        return false;
    }
  };
  return { visit, finish };
};

/** The same facts from a walk of their own, for callers without the TypeScript extractor. */
export function projectFactsFromTs(sourceFile: ts.SourceFile, path: string, lines: LineIndex): Fact[] {
  const visitor = projectVisitor({ sourceFile, path, lines }) as ReturnType<typeof projectVisitor> & {};
  const visit = visitor.visit;
  if (visit) {
    const go = (node: ts.Node): void => {
      if (visit(node) !== true) typescript.forEachChild(node, go);
    };
    go(sourceFile);
  }
  return visitor.finish();
}
