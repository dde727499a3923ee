/**
 * Chained schema builders: Knex (`knex.schema.createTable('t', (table) => { table.string('c')
 * .comment('...') })`) and Kysely (`db.schema.createTable('t').addColumn('c', 'text')`).
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isArrayLiteralExpression, isCallExpression, isIdentifier, isPropertyAccessExpression } from '../typescript/tsapi.js';
import { asFunction, asObject, chainOf, isStringLike, property, unwrap, walk, type Segment } from './ast.js';
import type { Emitter } from './emit.js';

const KNEX_TABLE_METHODS: Record<string, boolean> = {
  // method -> defines the table
  createTable: true,
  createTableIfNotExists: true,
  createTableLike: true,
  alterTable: false,
  table: false,
};
const KNEX_COLUMN_TYPES = new Set([
  'increments', 'bigIncrements', 'integer', 'bigInteger', 'bigint', 'tinyint', 'smallint', 'mediumint', 'text', 'string',
  'float', 'double', 'decimal', 'boolean', 'date', 'datetime', 'time', 'timestamp', 'binary', 'enum', 'enu', 'json',
  'jsonb', 'uuid', 'specificType', 'geometry', 'geography', 'point', 'inet', 'varchar',
]);

/** `x.schema....` chains: Knex or Kysely. Returns true when handled. */
export function schemaBuilderChain(em: Emitter, chain: Segment[]): boolean {
  const at = chain.findIndex((s) => s.name === 'schema' && !s.args);
  if (at < 0) return false;
  let schema: string | undefined;
  let handled = false;
  for (let i = at + 1; i < chain.length; i++) {
    const step = chain[i]!;
    const args = step.args;
    if (!args) continue;
    if (step.name === 'withSchema') {
      schema = isStringLike(args[0]) ? args[0].text : undefined;
      em.name(source(args), 'schema', args[0], { defines: false });
      continue;
    }
    if (step.name === 'createSchema' || step.name === 'createSchemaIfNotExists') {
      em.name(source(args), 'schema', args[0]);
      return true;
    }
    const callback = asFunction(args[1]);
    if (step.name in KNEX_TABLE_METHODS && callback) {
      const name = em.name('knex', 'table', args[0], { defines: KNEX_TABLE_METHODS[step.name]!, ...(schema ? { parent: schema } : {}) });
      knexTableBody(em, callback, qualify(schema, name));
      handled = true;
    } else if (step.name === 'renameTable' && args.length >= 2) {
      em.name('knex', 'table', args[0], { defines: false });
      em.name('knex', 'table', args[1]);
      handled = true;
    } else if ((step.name === 'createView' || step.name === 'createViewOrReplace' || step.name === 'createMaterializedView') && callback) {
      em.name('knex', step.name === 'createMaterializedView' ? 'materialized-view' : 'view', args[0], schema ? { parent: schema } : {});
      handled = true;
    } else if (step.name === 'createTable' || step.name === 'alterTable') {
      kyselyTable(em, chain.slice(i), schema);
      return true;
    } else if (step.name === 'createIndex') {
      const on = chain.slice(i).find((s) => s.name === 'on' && s.args);
      em.name('kysely', 'index', args[0], { parent: qualify(schema, on?.args && isStringLike(on.args[0]) ? on.args[0].text : '?') });
      return true;
    } else if (step.name === 'createType') {
      const type = em.name('kysely', 'type', args[0], schema ? { parent: schema } : {});
      const values = chain.slice(i).find((s) => s.name === 'asEnum' && s.args)?.args?.[0];
      const list = values && unwrap(values);
      if (list && isArrayLiteralExpression(list)) for (const v of list.elements) em.name('kysely', 'enum-label', v, { parent: type ?? '?' });
      return true;
    } else if (step.name === 'createView') {
      em.name('kysely', chain.slice(i).some((s) => s.name === 'materialized') ? 'materialized-view' : 'view', args[0], schema ? { parent: schema } : {});
      return true;
    }
  }
  return handled;
}

function source(args: readonly ts.Expression[]): 'knex' | 'kysely' {
  return args.length > 1 ? 'knex' : 'kysely';
}

function qualify(schema: string | undefined, name: string | undefined): string {
  return schema ? `${schema}.${name ?? '?'}` : (name ?? '?');
}

/** The callback of a Knex createTable/alterTable: `(table) => { table.string('c').comment('...') }`. */
function knexTableBody(em: Emitter, fn: ts.ArrowFunction | ts.FunctionExpression, table: string): void {
  const param = fn.parameters[0];
  if (!param || !isIdentifier(param.name)) return;
  const builder = param.name.text;
  walk(fn.body, (n) => {
    if (!isCallExpression(n)) return;
    const chain = chainOf(n);
    if (chain[0]?.name !== builder || chain[0].args) return;
    knexColumnChain(em, chain.slice(1), table);
    return false;
  });
}

function knexColumnChain(em: Emitter, steps: Segment[], table: string): void {
  const first = steps[0];
  if (!first?.args) return;
  const args = first.args;
  let column: string | undefined;
  if (KNEX_COLUMN_TYPES.has(first.name)) {
    const references = knexReferences(steps);
    column = em.name('knex', 'column', args[0], { parent: table, ...(references ? { references } : {}) });
    if (first.name === 'enum' || first.name === 'enu') em.name('knex', 'type', property(asObject(args[2]), 'enumName'), {});
  } else if (first.name === 'comment') {
    em.comment('knex', 'table', table, args[0]);
    return;
  } else if (first.name === 'renameColumn') {
    em.name('knex', 'column', args[0], { parent: table, defines: false });
    em.name('knex', 'column', args[1], { parent: table });
    return;
  } else if (first.name === 'index' || first.name === 'unique' || first.name === 'primary' || first.name === 'foreign' || first.name === 'check') {
    indexLike(em, first.name, args.slice(1), table);
  }
  for (const step of steps.slice(1)) {
    if (!step.args) continue;
    if (step.name === 'comment') em.comment('knex', 'column', `${table}.${column ?? '?'}`, step.args[0]);
    else if (step.name === 'index' || step.name === 'unique' || step.name === 'primary') indexLike(em, step.name, step.args, table);
    else if (step.name === 'withKeyName' || step.name === 'foreignKeyName') em.name('knex', 'constraint', step.args[0], { parent: table });
  }
}

/** A name given as a string argument or as `{ indexName }` / `{ constraintName }`. */
function indexLike(em: Emitter, method: string, args: readonly ts.Expression[], table: string): void {
  const kind = method === 'index' ? 'index' : 'constraint';
  for (const a of args) {
    if (isStringLike(a) && method !== 'check') em.name('knex', kind, a, { parent: table });
    const o = asObject(a);
    if (o) em.name('knex', kind, property(o, 'indexName') ?? property(o, 'constraintName') ?? property(o, 'keyName'), { parent: table });
  }
  if (method === 'check') em.name('knex', 'constraint', args[1], { parent: table });
}

/** `.references('id').inTable('patients')` or `.references('patients.id')`. */
function knexReferences(steps: Segment[]): string | undefined {
  const inTable = steps.find((s) => s.name === 'inTable' && s.args);
  if (inTable?.args && isStringLike(inTable.args[0])) return inTable.args[0].text;
  const refs = steps.find((s) => s.name === 'references' && s.args);
  if (refs?.args && isStringLike(refs.args[0]) && refs.args[0].text.includes('.')) return refs.args[0].text.slice(0, refs.args[0].text.lastIndexOf('.'));
  return undefined;
}

/** Kysely: `createTable('t').addColumn('c', 'text', (col) => col.references('p.id')).addUniqueConstraint('u', [...])`. */
function kyselyTable(em: Emitter, steps: Segment[], schema: string | undefined): void {
  const head = steps[0]!;
  const defines = head.name === 'createTable';
  const name = em.name('kysely', 'table', head.args?.[0], { defines, ...(schema ? { parent: schema } : {}) });
  const table = qualify(schema, name);
  for (const step of steps.slice(1)) {
    const args = step.args;
    if (!args) continue;
    switch (step.name) {
      case 'addColumn': {
        const references = kyselyReferences(args[2]);
        em.name('kysely', 'column', args[0], { parent: table, ...(references ? { references } : {}) });
        break;
      }
      case 'renameColumn':
        em.name('kysely', 'column', args[0], { parent: table, defines: false });
        em.name('kysely', 'column', args[1], { parent: table });
        break;
      case 'renameTo':
        em.name('kysely', 'table', args[0], schema ? { parent: schema } : {});
        break;
      case 'addPrimaryKeyConstraint':
      case 'addUniqueConstraint':
      case 'addForeignKeyConstraint':
      case 'addCheckConstraint':
        em.name('kysely', 'constraint', args[0], { parent: table });
        break;
      case 'addIndex':
        em.name('kysely', 'index', args[0], { parent: table });
        break;
    }
  }
}

function kyselyReferences(node: ts.Expression | undefined): string | undefined {
  const fn = asFunction(node);
  if (!fn) return undefined;
  let target: string | undefined;
  walk(fn.body, (n) => {
    if (target) return false;
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'references' && isStringLike(n.arguments[0])) {
      const ref = n.arguments[0].text;
      target = ref.includes('.') ? ref.slice(0, ref.lastIndexOf('.')) : ref;
    }
  });
  return target;
}
