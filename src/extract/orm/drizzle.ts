/** Drizzle: pgTable / pgSchema(...).table, pgEnum, pgView, pgMaterializedView, column and index names. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isArrayLiteralExpression, isBlock, isCallExpression, isIdentifier, isPropertyAccessExpression, isPropertyAssignment } from '../typescript/tsapi.js';
import { asFunction, asObject, chainOf, isStringLike, propertyName, property, unwrap, walk, type Segment } from './ast.js';
import type { Emitter } from './emit.js';

const TABLE_FNS = new Set(['pgTable']);
const ENUM_FNS = new Set(['pgEnum']);
const VIEW_FNS: Record<string, 'view' | 'materialized-view'> = { pgView: 'view', pgMaterializedView: 'materialized-view' };
const SCHEMA_METHODS: Record<string, 'table' | 'enum' | 'view' | 'materialized-view' | 'sequence'> = {
  table: 'table',
  enum: 'enum',
  view: 'view',
  materializedView: 'materialized-view',
  sequence: 'sequence',
};
const INDEX_FNS = new Set(['index', 'uniqueIndex']);
const CONSTRAINT_FNS = new Set(['unique', 'primaryKey', 'foreignKey', 'check']);

export interface DrizzleState {
  /** Variables holding `pgSchema('name')`. */
  schemas: Map<string, string>;
  /** Variables holding a table, to resolve `.references(() => patients.id)`. */
  tables: Map<string, string>;
}

/** Handles a call chain if it is a Drizzle definition; returns true when it was. */
export function drizzleChain(em: Emitter, chain: Segment[], state: DrizzleState, variable: string | undefined): boolean {
  const first = chain[0];
  if (!first) return false;
  // `pgTable(...)`, also with trailing calls: `pgTable(...).enableRLS()`, `pgView('v').as(...)`
  if (first.args && (first.name !== 'pgSchema' || chain.length === 1)) {
    if (first.name === 'pgSchema') {
      const name = em.name('drizzle', 'schema', first.args[0]);
      if (name && variable) state.schemas.set(variable, name);
      return true;
    }
    if (TABLE_FNS.has(first.name)) {
      table(em, first.args, undefined, state, variable);
      return true;
    }
    if (ENUM_FNS.has(first.name)) {
      enumType(em, first.args, undefined);
      return true;
    }
    const viewKind = VIEW_FNS[first.name];
    if (viewKind) {
      em.name('drizzle', viewKind, first.args[0]);
      return true;
    }
    if (first.name === 'pgSequence') {
      em.name('drizzle', 'sequence', first.args[0]);
      return true;
    }
    return false;
  }
  // `clinic.table(...)` on a pgSchema variable, or `pgSchema('x').table(...)`
  const method = chain[chain.length - 1];
  if (chain.length !== 2 || !method?.args) return false;
  const schema = first.args ? (first.name === 'pgSchema' && isStringLike(first.args[0]) ? first.args[0].text : undefined) : state.schemas.get(first.name);
  if (schema === undefined) return false;
  if (first.args) em.name('drizzle', 'schema', first.args[0]);
  const kind = SCHEMA_METHODS[method.name];
  if (kind === 'table') table(em, method.args, schema, state, variable);
  else if (kind === 'enum') enumType(em, method.args, schema);
  else if (kind) em.name('drizzle', kind, method.args[0], { parent: schema });
  return Boolean(kind);
}

function table(em: Emitter, args: readonly ts.Expression[], schema: string | undefined, state: DrizzleState, variable: string | undefined): void {
  const name = em.name('drizzle', 'table', args[0], schema ? { parent: schema } : {});
  const tableName = name ?? variable ?? '?';
  if (variable) state.tables.set(variable, tableName);
  const qualified = schema ? `${schema}.${tableName}` : tableName;
  const columns = columnsObject(args[1]);
  for (const p of columns?.properties ?? []) {
    if (!isPropertyAssignment(p)) continue;
    const key = propertyName(p.name);
    if (!key) continue;
    const chain = chainOf(unwrap(p.initializer));
    const references = referencesOf(chain, state);
    em.name('drizzle', 'field', p.name, { parent: tableName, ...(references ? { references } : {}) });
    const builder = chain[0];
    if (builder?.args) em.name('drizzle', 'column', builder.args[0], { parent: qualified, mappedFrom: key, ...(references ? { references } : {}) });
    for (const step of chain.slice(1)) {
      if (step.name === 'unique' && step.args) em.name('drizzle', 'constraint', step.args[0], { parent: qualified });
    }
  }
  if (args[2]) extras(em, args[2], qualified);
}

/** `{ ... }` or `(t) => ({ ... })`. */
function columnsObject(node: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const direct = asObject(node);
  if (direct) return direct;
  const fn = asFunction(node);
  return fn && !isBlock(fn.body) ? asObject(fn.body) : undefined;
}

/** `.references(() => patients.id)` -> the table of `patients`. */
function referencesOf(chain: Segment[], state: DrizzleState): string | undefined {
  const step = chain.find((s) => s.name === 'references' && s.args);
  const fn = asFunction(step?.args?.[0]);
  if (!fn || isBlock(fn.body)) return undefined;
  const target = unwrap(fn.body);
  if (!isPropertyAccessExpression(target) || !isIdentifier(target.expression)) return undefined;
  return state.tables.get(target.expression.text) ?? target.expression.text;
}

/** The third argument: indexes and constraints with explicit names. */
function extras(em: Emitter, node: ts.Expression, table: string): void {
  walk(node, (n) => {
    if (!isCallExpression(n) || !isIdentifier(n.expression)) return;
    const fn = n.expression.text;
    const arg = n.arguments[0];
    if (INDEX_FNS.has(fn)) em.name('drizzle', 'index', arg, { parent: table });
    else if (CONSTRAINT_FNS.has(fn)) {
      const options = asObject(arg);
      em.name('drizzle', 'constraint', options ? property(options, 'name') : arg, { parent: table });
    }
  });
}

function enumType(em: Emitter, args: readonly ts.Expression[], schema: string | undefined): void {
  const name = em.name('drizzle', 'type', args[0], schema ? { parent: schema } : {});
  const values = args[1] && unwrap(args[1]);
  if (!values || !isArrayLiteralExpression(values)) return;
  for (const v of values.elements) em.name('drizzle', 'enum-label', v, { parent: name ?? '?' });
}
