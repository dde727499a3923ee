/**
 * Sequelize models (`sequelize.define`, `Model.init`) and the migration API shared in shape by
 * Sequelize's queryInterface and TypeORM's queryRunner: createTable, addColumn, changeColumn,
 * renameColumn, renameTable, addIndex, addConstraint.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isArrayLiteralExpression, isIdentifier, isNewExpression, isPropertyAssignment, isShorthandPropertyAssignment, isTemplateExpression } from '../typescript/tsapi.js';
import { asObject, isStringLike, property, propertyName, unwrap, type Segment } from './ast.js';
import type { Emitter, OrmSource } from './emit.js';
import { typeormNew } from './typeorm.js';

/** `sequelize.define('Patient', { ... }, { tableName })` or `Patient.init({ ... }, { sequelize, tableName })`. */
export function sequelizeModel(em: Emitter, chain: Segment[]): boolean {
  const call = chain[chain.length - 1];
  if (!call?.args || chain.length < 2) return false;
  if (call.name === 'define' && isStringLike(call.args[0]) && asObject(call.args[1])) {
    model(em, call.args[0], asObject(call.args[1])!, asObject(call.args[2]));
    return true;
  }
  if (call.name === 'init' && chain.length === 2 && asObject(call.args[0])) {
    const options = asObject(call.args[1]);
    if (!options || !(property(options, 'sequelize') || property(options, 'tableName') || property(options, 'modelName'))) return false;
    const receiver = chain[0]!;
    const modelName = property(options, 'modelName') ?? (isIdentifier(receiver.node) ? receiver.node : undefined);
    model(em, modelName, asObject(call.args[0])!, options);
    return true;
  }
  return false;
}

function model(em: Emitter, nameNode: ts.Node | undefined, attributes: ts.ObjectLiteralExpression, options: ts.ObjectLiteralExpression | undefined): void {
  const modelName = em.name('sequelize', 'model', nameNode) ?? '?';
  const schemaNode = property(options, 'schema');
  const schema = isStringLike(schemaNode) ? schemaNode.text : undefined;
  const tableName = em.name('sequelize', 'table', property(options, 'tableName'), { mappedFrom: modelName, ...(schema ? { parent: schema } : {}) });
  if (schemaNode) em.name('sequelize', 'schema', schemaNode, { defines: false });
  const table = schema ? `${schema}.${tableName ?? modelName}` : (tableName ?? modelName);
  em.comment('sequelize', 'table', table, property(options, 'comment'));
  for (const p of attributes.properties) {
    if (!isPropertyAssignment(p) && !isShorthandPropertyAssignment(p)) continue;
    const key = propertyName(p.name);
    if (!key) continue;
    const spec = isPropertyAssignment(p) ? asObject(p.initializer) : undefined;
    const references = referencedModel(spec);
    em.name('sequelize', 'field', p.name, { parent: modelName, ...(references ? { references } : {}) });
    const column = em.name('sequelize', 'column', property(spec, 'field'), { parent: table, mappedFrom: key, ...(references ? { references } : {}) });
    columnOptions(em, 'sequelize', spec, table, column ?? key);
  }
  for (const index of arrayObjects(property(options, 'indexes'))) em.name('sequelize', 'index', property(index, 'name'), { parent: table });
}

/** `comment`, a named `unique`, and the referenced model of a column spec. */
function columnOptions(em: Emitter, source: OrmSource, spec: ts.ObjectLiteralExpression | undefined, table: string, column: string): void {
  if (!spec) return;
  em.comment(source, 'column', `${table}.${column}`, property(spec, 'comment'));
  const unique = property(spec, 'unique');
  if (unique && isStringLike(unwrap(unique))) em.name(source, 'constraint', unique, { parent: table });
}

function referencedModel(spec: ts.ObjectLiteralExpression | undefined): string | undefined {
  const refs = asObject(property(spec, 'references'));
  const target = property(refs, 'model');
  if (!target) return undefined;
  const e = unwrap(target);
  if (isStringLike(e)) return e.text;
  const tableName = property(asObject(e), 'tableName');
  return tableName && isStringLike(tableName) ? tableName.text : isIdentifier(e) ? e.text : undefined;
}

function arrayObjects(node: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  const e = node && unwrap(node);
  if (!e || !isArrayLiteralExpression(e)) return [];
  return e.elements.map((x) => asObject(x)).filter((x): x is ts.ObjectLiteralExpression => !!x);
}

/** The table a migration call names: `'patients'` or `{ tableName: 'patients', schema: 'care' }`. */
function tableArg(em: Emitter, source: OrmSource, node: ts.Expression | undefined, defines: boolean): string | undefined {
  if (!node) return undefined;
  const o = asObject(node);
  if (o) {
    const schemaNode = property(o, 'schema');
    const schema = isStringLike(schemaNode) ? schemaNode.text : undefined;
    const name = em.name(source, 'table', property(o, 'tableName'), { defines, ...(schema ? { parent: schema } : {}) });
    return name && schema ? `${schema}.${name}` : name;
  }
  return em.name(source, 'table', node, { defines });
}

/**
 * queryInterface / queryRunner calls, recognised by method name and argument shapes
 * (a Knex builder's createTable takes a callback, which this leaves alone).
 */
export function migrationCall(em: Emitter, chain: Segment[], handled: Set<ts.Node>): boolean {
  const call = chain[chain.length - 1];
  const args = call?.args;
  if (!call || !args || chain.length < 2 || chain.some((s) => s.name === 'schema')) return false;
  const source: OrmSource = args.some((a) => isNewExpression(unwrap(a))) ? 'typeorm' : 'sequelize';
  const newArg = (i: number, table: string | undefined) => {
    const a = args[i] && unwrap(args[i]!);
    if (a && isNewExpression(a)) {
      handled.add(a);
      typeormNew(em, a, table);
    }
  };
  switch (call.name) {
    case 'createTable': {
      const columns = asObject(args[1]);
      if (!columns || !(isStringLike(args[0]) || asObject(args[0]) || isTemplateExpression(unwrap(args[0]!)))) return false;
      const table = tableArg(em, 'sequelize', args[0], true) ?? '?';
      em.comment('sequelize', 'table', table, property(asObject(args[2]), 'comment'));
      for (const p of columns.properties) {
        if (!isPropertyAssignment(p)) continue;
        const spec = asObject(p.initializer);
        const references = referencedModel(spec);
        const column = em.name('sequelize', 'column', p.name, { parent: table, ...(references ? { references } : {}) });
        columnOptions(em, 'sequelize', spec, table, column ?? '?');
      }
      return true;
    }
    case 'addColumn':
    case 'changeColumn': {
      if (args.length === 2) {
        const table = tableArg(em, 'typeorm', args[0], false);
        newArg(1, table);
        return true;
      }
      if (args.length < 3) return false;
      const table = tableArg(em, source, args[0], false) ?? '?';
      const column = em.name(source, 'column', args[1], { parent: table, defines: call.name === 'addColumn' });
      columnOptions(em, source, asObject(args[2]), table, column ?? '?');
      return true;
    }
    case 'renameColumn': {
      if (args.length < 3) return false;
      const table = tableArg(em, source, args[0], false) ?? '?';
      em.name(source, 'column', args[1], { parent: table, defines: false });
      em.name(source, 'column', args[2], { parent: table });
      return true;
    }
    case 'renameTable': {
      if (args.length < 2) return false;
      tableArg(em, source, args[0], false);
      tableArg(em, source, args[1], true);
      return true;
    }
    case 'addIndex':
    case 'addConstraint': {
      if (!isStringLike(args[0]) && !asObject(args[0])) return false;
      const table = tableArg(em, source, args[0], false) ?? '?';
      for (const a of args.slice(1)) em.name(source, call.name === 'addIndex' ? 'index' : 'constraint', property(asObject(a), 'name'), { parent: table });
      return true;
    }
    case 'createIndex':
    case 'createForeignKey':
    case 'createUniqueConstraint':
    case 'createCheckConstraint':
    case 'createPrimaryKey': {
      if (!isStringLike(args[0]) && !asObject(args[0])) return false;
      const table = tableArg(em, 'typeorm', args[0], false);
      newArg(1, table);
      return true;
    }
    default:
      return false;
  }
}
