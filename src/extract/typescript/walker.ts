/** The one walk over a source file: bindings, sinks, SQL text, literals and comments. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, forEachChild, getModifiers, isBinaryExpression, isIdentifier, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral, isStringLiteralLike } from './tsapi.js';
import { bindClassMember, bindDeclaration, bindImport, bindParameter } from './aliases.js';
import type { CommentCollector } from './comments.js';
import type { TsVisitor } from '../ts-visitor.js';
import type { LiteralFact } from '../../core/facts.js';
import { Scope, spanOf, type WalkContext } from './context.js';
import { calleeName, propertyNameText, unwrap } from './paths.js';
import { embeddedTemplate, extractEmbeddedSql, isSqlTag, sqlArgument } from './embedded-sql.js';
import { visitCall, visitNew, visitThrow } from './sinks.js';
import { dynamicSql, dynamicTaggedSql, looksLikeSql } from './sql-text.js';

const ERROR_BASE = /(Error|Exception)$/;
const SCHEMA_KEYS = new Set(['comment', 'tableName', 'modelName', 'schema']);
/** Schema builders and ORM decorators: their string arguments are object names, not literals. */
const SCHEMA_CALLS = new Set([
  'comment', 'createTable', 'dropTable', 'renameTable', 'alterTable', 'table', 'createSchema', 'createSchemaIfNotExists',
  'addColumn', 'renameColumn', 'dropColumn', 'changeColumn', 'removeColumn', 'addIndex', 'removeIndex', 'createIndex',
  'dropIndex', 'addConstraint', 'removeConstraint', 'createView', 'createType', 'pgTable', 'pgEnum', 'pgView', 'pgSchema',
  'Entity', 'Index', 'Column', 'Unique', 'Check', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'JoinColumn', 'JoinTable',
  'ViewEntity', 'Table', 'define', 'index', 'uniqueIndex', 'primaryKey', 'foreignKey',
]);
const SCHEMA_OBJECTS = /^(Table|TableColumn|TableIndex|TableForeignKey|TableUnique|TableCheck|View)$/;

/** `new TableColumn({ name: 'x', comment: '...' })`: names and comments belong to the schema rules. */
function schemaNameLiterals(n: ts.NewExpression, ctx: WalkContext): void {
  for (const a of n.arguments ?? []) {
    const obj = unwrap(a);
    if (!isObjectLiteralExpression(obj)) continue;
    for (const p of obj.properties) {
      if (isPropertyAssignment(p) && isStringLiteralLike(p.initializer)) ctx.handled.add(p.initializer);
    }
  }
}

/** What the walk does at a node, by syntax kind (a table lookup instead of a chain of case labels). */
const enum Action {
  Children,
  CommentsOnly,
  Import,
  Function,
  Class,
  Parameter,
  Property,
  Call,
  New,
  Throw,
  TaggedTemplate,
  Template,
  Binary,
  Group,
  PropertyAssignment,
  Literal,
  ElementAccess,
  ExpressionStatement,
  VariableDeclaration,
}

const ACTION = new Uint8Array(SK.Count + 1);
for (let kind = SK.FirstTypeNode; kind <= SK.LastTypeNode; kind++) ACTION[kind] = Action.CommentsOnly;
for (const kind of [SK.ExportDeclaration, SK.ImportEqualsDeclaration, SK.InterfaceDeclaration, SK.TypeAliasDeclaration]) ACTION[kind] = Action.CommentsOnly;
ACTION[SK.ImportDeclaration] = Action.Import;
for (const kind of [SK.FunctionDeclaration, SK.FunctionExpression, SK.ArrowFunction, SK.MethodDeclaration, SK.Constructor, SK.GetAccessor, SK.SetAccessor]) ACTION[kind] = Action.Function;
ACTION[SK.ClassDeclaration] = Action.Class;
ACTION[SK.ClassExpression] = Action.Class;
ACTION[SK.Parameter] = Action.Parameter;
ACTION[SK.PropertyDeclaration] = Action.Property;
ACTION[SK.CallExpression] = Action.Call;
ACTION[SK.NewExpression] = Action.New;
ACTION[SK.ThrowStatement] = Action.Throw;
ACTION[SK.TaggedTemplateExpression] = Action.TaggedTemplate;
ACTION[SK.TemplateExpression] = Action.Template;
ACTION[SK.BinaryExpression] = Action.Binary;
ACTION[SK.ObjectLiteralExpression] = Action.Group;
ACTION[SK.ArrayLiteralExpression] = Action.Group;
ACTION[SK.PropertyAssignment] = Action.PropertyAssignment;
ACTION[SK.StringLiteral] = Action.Literal;
ACTION[SK.NoSubstitutionTemplateLiteral] = Action.Literal;
ACTION[SK.ElementAccessExpression] = Action.ElementAccess;
ACTION[SK.ExpressionStatement] = Action.ExpressionStatement;
ACTION[SK.VariableDeclaration] = Action.VariableDeclaration;

export class Walker {
  /** Literal facts: the enclosing object/array literal of the current node, and the key. */
  private group: string | undefined;
  private field: string | undefined;

  /** Plug-in visitors that walk along (only those with a `visit`); bit i of `active` is visitor i. */
  private readonly visitors: ((node: ts.Node) => boolean | void)[];
  private active: number;

  constructor(
    private readonly ctx: WalkContext,
    private readonly comments: CommentCollector,
    visitors: readonly TsVisitor[] = [],
  ) {
    this.visitors = visitors.flatMap((v) => (v.visit ? [v.visit.bind(v)] : []));
    this.active = (1 << this.visitors.length) - 1;
  }

  walk(node: ts.Node): void {
    const skipped = this.active === 0 ? 0 : this.enter(node);
    this.walkNode(node);
    this.active |= skipped;
  }

  /** Hands the node to the active visitors; returns those that skip its descendants (now inactive). */
  private enter(node: ts.Node): number {
    let skipped = 0;
    const visitors = this.visitors;
    for (let i = 0; i < visitors.length; i++) {
      const bit = 1 << i;
      if (this.active & bit && (visitors[i] as (node: ts.Node) => boolean | void)(node) === true) skipped |= bit;
    }
    this.active &= ~skipped;
    return skipped;
  }

  private walkNode(node: ts.Node): void {
    const action = ACTION[node.kind] as number;
    if (action === Action.Children) {
      this.walkChildren(node);
      return;
    }
    if (action === Action.CommentsOnly) {
      this.commentsOnly(node);
      return;
    }
    const ctx = this.ctx;
    const savedScope = ctx.scope;
    const savedGroup = this.group;
    const savedField = this.field;
    let pushedClass = false;

    switch (action) {
      case Action.Import:
        bindImport(node as ts.ImportDeclaration, ctx);
        this.commentsOnly(node);
        return;
      case Action.Function:
        ctx.scope = new Scope(ctx.scope);
        break;
      case Action.Class:
        ctx.classes.push({ fields: new Map(), isError: extendsError(node as ts.ClassLikeDeclaration) });
        pushedClass = true;
        break;
      case Action.Parameter: {
        const p = node as ts.ParameterDeclaration;
        bindParameter(p, ctx);
        if (getModifiers(p)?.length) bindClassMember(p, ctx);
        break;
      }
      case Action.Property:
        bindClassMember(node as ts.PropertyDeclaration, ctx);
        break;
      case Action.Call: {
        const c = node as ts.CallExpression;
        if (isModuleLoad(c)) {
          this.commentsOnly(node);
          return;
        }
        visitCall(c, ctx);
        const callName = calleeName(c.expression);
        if (callName && SCHEMA_CALLS.has(callName)) {
          for (const a of c.arguments) if (isStringLiteralLike(a)) ctx.handled.add(a);
        }
        const sqlArg = sqlArgument(c);
        if (sqlArg) extractEmbeddedSql(sqlArg, ctx, false);
        break;
      }
      case Action.New: {
        const n = node as ts.NewExpression;
        visitNew(n, ctx);
        const ctor = calleeName(n.expression);
        if (ctor && SCHEMA_OBJECTS.test(ctor)) schemaNameLiterals(n, ctx);
        break;
      }
      case Action.Throw:
        visitThrow(node as ts.ThrowStatement, ctx);
        break;
      case Action.TaggedTemplate: {
        const tagged = node as ts.TaggedTemplateExpression;
        dynamicTaggedSql(tagged, ctx);
        const template = isSqlTag(tagged.tag) ? embeddedTemplate(tagged) : undefined;
        if (template) extractEmbeddedSql(template, ctx, true);
        break;
      }
      case Action.Template:
        if (looksLikeSql(node as ts.TemplateExpression)) dynamicSql(node as ts.TemplateExpression, ctx);
        break;
      case Action.Binary: {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind === SK.PlusToken && looksLikeSql(b) && !isInnerConcat(b)) dynamicSql(b, ctx);
        break;
      }
      case Action.Group:
        this.group = `${node.kind === SK.ArrayLiteralExpression ? 'array' : 'object'}@${node.pos}`;
        this.field = undefined;
        break;
      case Action.PropertyAssignment: {
        const p = node as ts.PropertyAssignment;
        this.field = propertyNameText(p.name);
        this.literalOrWalkProperty(p);
        this.group = savedGroup;
        this.field = savedField;
        return;
      }
      case Action.Literal:
        this.literal(node as ts.StringLiteralLike);
        break;
      case Action.ElementAccess: {
        const e = node as ts.ElementAccessExpression;
        this.walkChildrenExcept(e, e.argumentExpression);
        return;
      }
      case Action.ExpressionStatement: {
        const ex = (node as ts.ExpressionStatement).expression;
        if (isStringLiteral(ex)) {
          this.commentsOnly(node); // 'use strict', 'use client'
          return;
        }
        break;
      }
      default:
        break;
    }

    this.walkChildren(node);

    if (action === Action.VariableDeclaration) bindDeclaration(node as ts.VariableDeclaration, ctx);
    if (pushedClass) ctx.classes.pop();
    ctx.scope = savedScope;
    this.group = savedGroup;
    this.field = savedField;
  }

  /**
   * The child loops keep their state (the end of the last child, whether there was one) in
   * fields, saved and restored around each level, so the walk allocates no closure per node.
   */
  private cursor = 0;
  private sawChild = false;

  private readonly walkChild = (child: ts.Node): void => {
    this.sawChild = true;
    if (child.pos > this.cursor) this.comments.gap(this.cursor, child.pos);
    this.walk(child);
    if (child.end > this.cursor) this.cursor = child.end;
  };

  private readonly commentsChild = (child: ts.Node): void => {
    this.sawChild = true;
    if (child.pos > this.cursor) this.comments.gap(this.cursor, child.pos);
    this.commentsOnlyChild(child);
    if (child.end > this.cursor) this.cursor = child.end;
  };

  private walkChildren(node: ts.Node): void {
    this.eachChild(node, this.walkChild);
  }

  private eachChild(node: ts.Node, visit: (child: ts.Node) => void): void {
    const outerCursor = this.cursor;
    const outerSawChild = this.sawChild;
    this.cursor = node.pos;
    this.sawChild = false;
    forEachChild(node, visit);
    if (!this.sawChild) this.comments.leaf(node);
    else if (node.end > this.cursor) this.comments.gap(this.cursor, node.end);
    this.cursor = outerCursor;
    this.sawChild = outerSawChild;
  }

  /** Walks children but treats one child (a computed key `x['k']`) as a non-literal. */
  private walkChildrenExcept(node: ts.Node, skipLiteral: ts.Node): void {
    let cursor = node.pos;
    forEachChild(node, (child) => {
      if (child.pos > cursor) this.comments.gap(cursor, child.pos);
      if (child === skipLiteral && isStringLiteralLike(child)) this.commentsOnlyChild(child);
      else this.walk(child);
      if (child.end > cursor) cursor = child.end;
    });
    if (node.end > cursor) this.comments.gap(cursor, node.end);
  }

  private literalOrWalkProperty(p: ts.PropertyAssignment): void {
    let cursor = p.pos;
    forEachChild(p, (child) => {
      if (child.pos > cursor) this.comments.gap(cursor, child.pos);
      if (child === p.name) this.commentsOnlyChild(child);
      else this.walk(child);
      if (child.end > cursor) cursor = child.end;
    });
    if (p.end > cursor) this.comments.gap(cursor, p.end);
  }

  /** Comments of a subtree that holds no facts of its own (imports, types, keys); the node was entered. */
  private commentsOnly(node: ts.Node): void {
    this.eachChild(node, this.commentsChild);
  }

  private commentsOnlyChild(child: ts.Node): void {
    const skipped = this.active === 0 ? 0 : this.enter(child);
    this.commentsOnly(child);
    this.active |= skipped;
  }

  private literal(node: ts.StringLiteralLike): void {
    const text = node.text;
    if (text.length < 2 || this.ctx.handled.has(node)) return; // SQL text: literals come from the SQL extractor
    // schema descriptions and object names are judged by the schema rules, not as literals
    if (this.field && SCHEMA_KEYS.has(this.field)) return;
    const fact: LiteralFact = { kind: 'literal', source: 'typescript', span: spanOf(this.ctx, node), text };
    if (this.group) fact.group = this.group;
    if (this.field) fact.field = this.field;
    this.ctx.facts.push(fact);
  }
}

function extendsError(node: ts.ClassLikeDeclaration): boolean {
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== SK.ExtendsKeyword) continue;
    for (const t of clause.types) {
      const e = unwrap(t.expression);
      const name = isIdentifier(e) ? e.text : isPropertyAccessExpression(e) ? e.name.text : '';
      if (ERROR_BASE.test(name)) return true;
    }
  }
  return false;
}

/** `'a' + b + 'c'` parses as `('a' + b) + 'c'`: only the outermost `+` is analysed. */
const innerConcats = new WeakSet<ts.Node>();
function isInnerConcat(b: ts.BinaryExpression): boolean {
  let left: ts.Expression = b.left;
  while (isParenthesizedExpression(left)) left = left.expression;
  if (isBinaryExpression(left) && left.operatorToken.kind === SK.PlusToken) innerConcats.add(left);
  return innerConcats.has(b);
}

/** `require('x')`, `import('x')`: module names are not literals. */
function isModuleLoad(c: ts.CallExpression): boolean {
  const callee = c.expression;
  if (callee.kind === SK.ImportKeyword) return true;
  return isIdentifier(callee) && callee.text === 'require' && c.arguments.length === 1 && isStringLiteralLike(c.arguments[0] as ts.Expression);
}
