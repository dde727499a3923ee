/** Which module each local name comes from (`import`, `require`), and dependency facts for imports. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isCallExpression, isExportDeclaration, isIdentifier, isNamedImports, isNamespaceImport, isObjectBindingPattern, isStringLiteral } from '../typescript/tsapi.js';
import type { Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import { nodeSpan } from '../typescript/context.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

export interface Binding {
  module: string;
  /** `default`, `*` (namespace or a whole `require`), or the imported name. */
  imported: string;
}

export class Imports {
  readonly bindings = new Map<string, Binding>();
  readonly modules = new Set<string>();

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly lines: LineIndex,
    private readonly facts: Fact[],
  ) {}

  /** Any import of a module equal to `name` or under it (`next-auth`, `next-auth/react`). */
  uses(name: string): boolean {
    for (const m of this.modules) if (m === name || m.startsWith(`${name}/`)) return true;
    return false;
  }

  binding(name: string): Binding | undefined {
    return this.bindings.get(name);
  }

  /** `import x from 'm'`, `import { a as b } from 'm'`, `import * as ns from 'm'`, `export ... from 'm'`. */
  declaration(node: ts.ImportDeclaration | ts.ExportDeclaration): void {
    const spec = node.moduleSpecifier;
    if (!spec || !isStringLiteral(spec)) return;
    const module = spec.text;
    this.dependency(module, spec);
    if (isExportDeclaration(node)) return;
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name) this.bindings.set(clause.name.text, { module, imported: 'default' });
    const named = clause.namedBindings;
    if (named && isNamespaceImport(named)) this.bindings.set(named.name.text, { module, imported: '*' });
    if (named && isNamedImports(named)) {
      for (const el of named.elements) {
        const imported = (el.propertyName ?? el.name).text;
        this.bindings.set(el.name.text, { module, imported });
        if (module === 'drizzle-orm/neon' && imported === 'usersSync') this.named(module, imported, el);
      }
    }
  }

  /** `require('m')` or `import('m')`: a dependency. Returns true for such calls. */
  call(node: ts.CallExpression): boolean {
    const module = requiredModule(node);
    if (module === undefined) return false;
    this.dependency(module, node.arguments[0] as ts.StringLiteral);
    return true;
  }

  /** `const x = require('m')`, `const { a: b } = require('m')`. */
  variable(node: ts.VariableDeclaration): void {
    const init = node.initializer;
    const module = init && isCallExpression(init) ? requiredModule(init) : undefined;
    if (module === undefined) return;
    if (isIdentifier(node.name)) this.bindings.set(node.name.text, { module, imported: '*' });
    else if (isObjectBindingPattern(node.name)) {
      for (const el of node.name.elements) {
        if (!isIdentifier(el.name)) continue;
        const imported = el.propertyName && isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
        this.bindings.set(el.name.text, { module, imported });
        if (module === 'drizzle-orm/neon' && imported === 'usersSync') this.named(module, imported, el);
      }
    }
  }

  private dependency(module: string, spec: ts.StringLiteral): void {
    this.modules.add(module);
    if (module.startsWith('.') || module.startsWith('/')) return;
    this.facts.push({
      kind: 'dependency',
      name: module,
      via: 'import',
      span: this.lines.span(spec.getStart(this.sf) + 1, spec.getEnd() - 1),
      source: 'typescript',
    });
  }

  /** A specific export that means a service is used (`usersSync` from `drizzle-orm/neon` is Neon Auth's table). */
  private named(module: string, name: string, node: ts.Node): void {
    this.facts.push({
      kind: 'dependency',
      name: `${module}#${name}`,
      via: 'import',
      span: nodeSpan(this.lines, this.sf, node),
      source: 'typescript',
    });
  }
}

function requiredModule(node: ts.CallExpression): string | undefined {
  const isRequire = isIdentifier(node.expression) && node.expression.text === 'require';
  const isDynamic = node.expression.kind === SyntaxKind.ImportKeyword;
  const arg = node.arguments[0];
  return (isRequire || isDynamic) && arg && isStringLiteral(arg) ? arg.text : undefined;
}
