/**
 * The ORM plug-in of the TypeScript walk: schema names and comments of Drizzle, TypeORM,
 * Sequelize, Knex and Kysely (tables, columns, indexes, constraints, enums, views), identifiers
 * built at run time in those builders, and ORM settings that log queries.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isNewExpression } from '../typescript/tsapi.js';
import type { TsVisitor, TsVisitorFactory } from '../ts-visitor.js';
import { chainOf, unwrap } from './ast.js';
import { drizzleChain, type DrizzleState } from './drizzle.js';
import { Emitter } from './emit.js';
import { QueryLogSettings } from './query-log.js';
import { schemaBuilderChain } from './schema-builders.js';
import { migrationCall, sequelizeModel } from './sequelize.js';
import { typeormClass, typeormNew } from './typeorm.js';

/** Read once: `ts.SyntaxKind` is a getter on the module namespace. */
const K = typescript.SyntaxKind;
const IF = K.IfStatement;
const CONDITIONAL = K.ConditionalExpression;
const BINARY = K.BinaryExpression;
const PROPERTY_ASSIGNMENT = K.PropertyAssignment;
const VARIABLE = K.VariableDeclaration;
const CALL = K.CallExpression;
const NEW = K.NewExpression;
const CLASS = K.ClassDeclaration;
const CLASS_EXPRESSION = K.ClassExpression;
const OBJECT = K.ObjectLiteralExpression;
const PROPERTY_ACCESS = K.PropertyAccessExpression;
const IDENTIFIER = K.Identifier;

/** Names that make a call chain worth flattening: roots and methods the analyses read. */
const INTERESTING = new Set([
  'pgTable', 'pgEnum', 'pgSchema', 'pgView', 'pgMaterializedView', 'pgSequence', 'schema', 'define', 'init',
  'createTable', 'addColumn', 'changeColumn', 'renameColumn', 'renameTable', 'addIndex', 'addConstraint', 'createIndex',
  'createForeignKey', 'createUniqueConstraint', 'createCheckConstraint', 'createPrimaryKey', 'drizzle', 'knex', 'Knex',
  '$on', 'createConnection', 'forRoot',
]);

/** Whether any step of the callee chain has an interesting name (no allocation). */
function worthReading(call: ts.CallExpression, schemaVariables: ReadonlyMap<string, string>): boolean {
  let e: ts.Expression = call.expression;
  for (let guard = 0; guard < 64; guard++) {
    const kind = e.kind;
    if (kind === PROPERTY_ACCESS) {
      const name = (e as ts.PropertyAccessExpression).name.text;
      if (INTERESTING.has(name)) return true;
      e = (e as ts.PropertyAccessExpression).expression;
    } else if (kind === CALL) {
      e = (e as ts.CallExpression).expression;
    } else if (kind === IDENTIFIER) {
      const name = (e as ts.Identifier).text;
      return INTERESTING.has(name) || schemaVariables.has(name);
    } else if (kind === K.AwaitExpression || kind === K.NonNullExpression || kind === K.ParenthesizedExpression) {
      e = (e as ts.AwaitExpression).expression;
    } else return false;
  }
  return false;
}

/**
 * Files without any of these words hold nothing for this plug-in: skip the per-node work. The
 * query-log words are the ORM constructors and the option keys the settings reader looks for,
 * written as keys (`logging:`), so the word in prose or a logger call does not count.
 */
const RELEVANT = new RegExp(
  [
    'pgTable|pgEnum|pgSchema|pgView|pgMaterializedView|pgSequence|@Entity|@ViewEntity|\\bTable(?:Column|Index|ForeignKey|Unique|Check)?\\(',
    '\\.define\\(|\\.init\\(|createTable|alterTable|addColumn|changeColumn|renameColumn|renameTable|addIndex|addConstraint|createIndex',
    'createType|createSchema|createView',
    'PrismaClient|Kysely|Sequelize|DataSource|createConnection|forRoot|drizzle|\\bknex\\b|\\bKnex\\b|\\$on\\(|logQuery|enhancedDatabaseReporting',
    '\\b(?:logging|debug|benchmark|logQueryParameters)\\b[\'"]?\\s*[:,}]',
  ].join('|'),
);

export const ormVisitor: TsVisitorFactory = ({ sourceFile, lines }) => {
  if (!RELEVANT.test(sourceFile.text)) return undefined;
  return new OrmVisitor(sourceFile, lines);
};

class OrmVisitor implements TsVisitor {
  private readonly em: Emitter;
  private readonly settings: QueryLogSettings;
  private readonly drizzle: DrizzleState = { schemas: new Map(), tables: new Map() };
  /** Calls and `new` expressions already read as part of an outer chain. */
  private readonly handled = new Set<ts.Node>();
  /** `const patients = pgTable(...)`: the variable a chain is assigned to. */
  private readonly variables = new Map<ts.Node, string>();

  constructor(sf: ts.SourceFile, lines: ConstructorParameters<typeof Emitter>[1]) {
    this.em = new Emitter(sf, lines);
    this.settings = new QueryLogSettings(this.em, sf);
  }

  visit(node: ts.Node): void {
    switch (node.kind) {
      case IF:
      case CONDITIONAL:
      case BINARY:
      case PROPERTY_ASSIGNMENT:
        this.settings.trackGuards(node);
        return;
      case VARIABLE: {
        this.settings.trackGuards(node);
        const v = node as ts.VariableDeclaration;
        if (v.initializer && v.name.kind === IDENTIFIER) this.variables.set(unwrap(v.initializer), v.name.text);
        return;
      }
      case CALL:
        this.call(node as ts.CallExpression);
        return;
      case NEW: {
        const n = node as ts.NewExpression;
        this.settings.newExpression(n);
        if (!this.handled.has(n) && typeormNew(this.em, n, undefined)) this.markInner(n);
        return;
      }
      case CLASS:
      case CLASS_EXPRESSION:
        typeormClass(this.em, node as ts.ClassDeclaration);
        this.settings.classDeclaration(node as ts.ClassDeclaration);
        return;
      case OBJECT:
        this.settings.objectLiteral(node as ts.ObjectLiteralExpression);
        return;
      default:
        return;
    }
  }

  finish() {
    return this.em.facts;
  }

  private call(node: ts.CallExpression): void {
    if (this.handled.has(node) || !worthReading(node, this.drizzle.schemas)) return;
    this.settings.call(node);
    const chain = chainOf(node);
    // inner calls of this chain are read with it, not again on their own
    for (const s of chain) if (s.args) this.handled.add(s.node);
    if (
      drizzleChain(this.em, chain, this.drizzle, this.variables.get(node)) ||
      schemaBuilderChain(this.em, chain) ||
      sequelizeModel(this.em, chain) ||
      migrationCall(this.em, chain, this.handled)
    ) {
      this.markInner(node);
    }
  }

  /** Marks nested `new Table...(...)` so the visit does not read them a second time. */
  private markInner(node: ts.Node): void {
    const go = (n: ts.Node): void => {
      if (isNewExpression(n) && n !== node) this.handled.add(n);
      typescript.forEachChild(n, go);
    };
    typescript.forEachChild(node, go);
  }
}
