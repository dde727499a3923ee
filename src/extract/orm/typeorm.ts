/**
 * TypeORM: `@Entity`/`@ViewEntity` classes with their columns, relations, indexes and comments,
 * and the migration API (`new Table({...})`, `new TableColumn({...})`, `new TableIndex({...})`).
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isArrayLiteralExpression, isArrowFunction, isBlock, isFunctionExpression, isIdentifier, isNewExpression, isPropertyDeclaration } from '../typescript/tsapi.js';
import { asObject, decoratorCall, decoratorsOf, isStringLike, property, propertyName, unwrap } from './ast.js';
import type { Emitter } from './emit.js';

const COLUMN_DECORATORS = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
  'ViewColumn',
  'ObjectIdColumn',
]);
const RELATION_DECORATORS = new Set(['ManyToOne', 'OneToOne', 'OneToMany', 'ManyToMany']);
/** Relations that own a foreign-key column on this side. */
const OWNING_RELATIONS = new Set(['ManyToOne', 'OneToOne']);

export function typeormClass(em: Emitter, node: ts.ClassDeclaration | ts.ClassExpression): void {
  let entity: { name: string; args: readonly ts.Expression[] } | undefined;
  for (const d of decoratorsOf(node)) {
    const call = decoratorCall(d);
    if (call && (call.name === 'Entity' || call.name === 'ViewEntity' || call.name === 'ChildEntity')) entity = call;
  }
  if (!entity || !node.name) return;
  const className = node.name.text;
  const view = entity.name === 'ViewEntity';
  const options = asObject(entity.args[0]) ?? asObject(entity.args[1]);
  const nameNode = isStringLike(entity.args[0]) ? entity.args[0] : property(options, 'name');
  const schemaNode = property(options, 'schema');
  const schema = isStringLike(schemaNode) ? schemaNode.text : undefined;
  em.name('typeorm', 'model', node.name);
  const mapped = em.name('typeorm', view ? 'view' : 'table', nameNode, { mappedFrom: className, ...(schema ? { parent: schema } : {}) });
  if (schemaNode) em.name('typeorm', 'schema', schemaNode, { defines: false });
  const table = schema ? `${schema}.${mapped ?? className}` : (mapped ?? className);
  em.comment('typeorm', view ? 'view' : 'table', table, property(options, 'comment'));
  for (const d of decoratorsOf(node)) classLevel(em, d, table);
  for (const member of node.members) {
    if (isPropertyDeclaration(member)) memberOf(em, member, className, table);
  }
}

/** `@Index('name', [...])`, `@Unique('name', [...])`, `@Check('name', '...')` on the class. */
function classLevel(em: Emitter, d: ts.Decorator, table: string): void {
  const call = decoratorCall(d);
  if (!call) return;
  if (call.name === 'Index') indexName(em, call.args, table, 'index');
  else if (call.name === 'Unique' || call.name === 'Check' || call.name === 'Exclusion') indexName(em, call.args, table, 'constraint');
}

function indexName(em: Emitter, args: readonly ts.Expression[], table: string, kind: 'index' | 'constraint'): void {
  if (isStringLike(args[0]) && (args.length > 1 || kind === 'index')) em.name('typeorm', kind, args[0], { parent: table });
  for (const a of args) {
    const options = asObject(a);
    if (options) em.name('typeorm', kind, property(options, 'name'), { parent: table });
  }
}

function memberOf(em: Emitter, member: ts.PropertyDeclaration, className: string, table: string): void {
  const field = propertyName(member.name);
  if (!field) return;
  let column = false;
  let references: string | undefined;
  let relation: string | undefined;
  for (const d of decoratorsOf(member)) {
    const call = decoratorCall(d);
    if (!call) continue;
    if (COLUMN_DECORATORS.has(call.name)) column = true;
    if (RELATION_DECORATORS.has(call.name)) {
      relation = call.name;
      references = relationTarget(call.args[0]);
    }
  }
  if (!column && !relation) return;
  em.name('typeorm', 'field', member.name, {
    parent: className,
    ...(references ? { references } : {}),
    ...(relation ? { virtual: true } : {}),
  });
  for (const d of decoratorsOf(member)) {
    const call = decoratorCall(d);
    if (!call) continue;
    if (COLUMN_DECORATORS.has(call.name)) {
      const options = call.args.map(asObject).find(Boolean);
      const colName = em.name('typeorm', 'column', property(options, 'name'), { parent: table, mappedFrom: field });
      em.comment('typeorm', 'column', `${table}.${colName ?? field}`, property(options, 'comment'));
      em.name('typeorm', 'constraint', property(options, 'primaryKeyConstraintName'), { parent: table });
    } else if (call.name === 'Index' || call.name === 'Unique') {
      indexName(em, call.args, table, call.name === 'Index' ? 'index' : 'constraint');
    } else if (call.name === 'JoinColumn' && relation && OWNING_RELATIONS.has(relation)) {
      for (const options of joinColumns(call.args[0])) {
        em.name('typeorm', 'column', property(options, 'name'), { parent: table, mappedFrom: field, ...(references ? { references } : {}) });
        em.name('typeorm', 'constraint', property(options, 'foreignKeyConstraintName'), { parent: table });
      }
    } else if (call.name === 'JoinTable') {
      const options = asObject(call.args[0]);
      const joinTable = em.name('typeorm', 'table', property(options, 'name'));
      for (const side of ['joinColumn', 'inverseJoinColumn']) {
        for (const col of joinColumns(property(options, side))) {
          em.name('typeorm', 'column', property(col, 'name'), { parent: joinTable ?? '?' });
          em.name('typeorm', 'constraint', property(col, 'foreignKeyConstraintName'), { parent: joinTable ?? '?' });
        }
      }
    }
  }
}

function joinColumns(node: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!node) return [];
  const e = unwrap(node);
  if (isArrayLiteralExpression(e)) return e.elements.map((x) => asObject(x)).filter((x): x is ts.ObjectLiteralExpression => !!x);
  const o = asObject(e);
  return o ? [o] : [];
}

/** `() => LabOrder` or `'LabOrder'`. */
function relationTarget(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  const e = unwrap(node);
  if (isStringLike(e)) return e.text;
  if ((isArrowFunction(e) || isFunctionExpression(e)) && !isBlock(e.body)) {
    const body = unwrap(e.body);
    if (isIdentifier(body)) return body.text;
  }
  return undefined;
}

/** `new Table({...})`, `new TableColumn({...})`, `new TableIndex({...})` and friends. */
export function typeormNew(em: Emitter, node: ts.NewExpression, parentTable: string | undefined): boolean {
  if (!isIdentifier(node.expression)) return false;
  const options = asObject(node.arguments?.[0]);
  if (!options) return false;
  switch (node.expression.text) {
    case 'Table': {
      const schemaNode = property(options, 'schema');
      const schema = isStringLike(schemaNode) ? schemaNode.text : undefined;
      const name = em.name('typeorm', 'table', property(options, 'name'), schema ? { parent: schema } : {}) ?? '?';
      const table = schema ? `${schema}.${name}` : name;
      em.comment('typeorm', 'table', table, property(options, 'comment'));
      for (const col of elements(property(options, 'columns'))) tableColumn(em, col, table);
      for (const key of ['indices', 'uniques', 'foreignKeys', 'checks', 'exclusions']) {
        for (const o of elements(property(options, key))) em.name('typeorm', key === 'indices' ? 'index' : 'constraint', property(o, 'name'), { parent: table });
      }
      return true;
    }
    case 'TableColumn':
      tableColumn(em, options, parentTable ?? '?');
      return true;
    case 'TableIndex':
      em.name('typeorm', 'index', property(options, 'name'), { parent: parentTable ?? '?' });
      return true;
    case 'TableForeignKey':
    case 'TableUnique':
    case 'TableCheck':
    case 'TableExclusion':
      em.name('typeorm', 'constraint', property(options, 'name'), { parent: parentTable ?? '?' });
      return true;
    default:
      return false;
  }
}

function tableColumn(em: Emitter, options: ts.ObjectLiteralExpression, table: string): void {
  const name = em.name('typeorm', 'column', property(options, 'name'), { parent: table });
  em.comment('typeorm', 'column', `${table}.${name ?? '?'}`, property(options, 'comment'));
  em.name('typeorm', 'constraint', property(options, 'primaryKeyConstraintName'), { parent: table });
  em.name('typeorm', 'constraint', property(options, 'foreignKeyConstraintName'), { parent: table });
}

function elements(node: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!node) return [];
  const e = unwrap(node);
  if (!isArrayLiteralExpression(e)) return [];
  const out: ts.ObjectLiteralExpression[] = [];
  for (const el of e.elements) {
    const o = asObject(el) ?? (isNewExpression(el) ? asObject(el.arguments?.[0]) : undefined);
    if (o) out.push(o);
  }
  return out;
}
