/** Facts from one parsed SQL statement: object names, schema comments, settings, literals. */
import type { SchemaObjectKind } from '../../core/facts.js';
import { emitName, findTokenIndex, names, qualified, unitTokenAt, type Unit } from './context.js';
import { tokenValue, type Token } from './lexer.js';
import { emitComparisonLiteral, emitInsertLiterals, emitCopyLiterals } from './literals.js';
import { emitSetting, settingValue } from './settings.js';
import { extractRoutineBody } from './routine.js';

type Node = Record<string, any>;

const OBJECT_KINDS: Record<string, SchemaObjectKind> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'table',
  OBJECT_COLUMN: 'column',
  OBJECT_ATTRIBUTE: 'column',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized-view',
  OBJECT_INDEX: 'index',
  OBJECT_TABCONSTRAINT: 'constraint',
  OBJECT_DOMCONSTRAINT: 'constraint',
  OBJECT_SCHEMA: 'schema',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_ROUTINE: 'function',
  OBJECT_AGGREGATE: 'function',
  OBJECT_TRIGGER: 'trigger',
  OBJECT_POLICY: 'policy',
  OBJECT_ROLE: 'role',
  OBJECT_DATABASE: 'database',
};

export function objectKindOf(objectType: string | undefined): SchemaObjectKind {
  return OBJECT_KINDS[objectType ?? ''] ?? 'other';
}

/**
 * Nodes already turned into facts, so the reference walk skips them. Most statements hand over
 * one to a few nodes: a short array searched linearly weighs and costs less than a set, which
 * takes over when a statement has many (a long join list must not make the walk quadratic).
 */
class Handled {
  private few: object[] = [];
  private many: Set<object> | undefined;

  add(node: object): void {
    if (this.many) this.many.add(node);
    else if (this.few.length < 8) this.few.push(node);
    else {
      this.many = new Set([...this.few, node]);
      this.few = [];
    }
  }

  has(node: object): boolean {
    return this.many ? this.many.has(node) : this.few.length !== 0 && this.few.includes(node);
  }
}

/** Walks a statement: specific handlers for defining statements, then a generic reference pass. */
export function extractStatement(unit: Unit): void {
  const handled = new Handled();
  dispatch(unit, unit.node, handled);
  walkReferences(unit, unit.node, handled);
}

function dispatch(unit: Unit, node: Node, handled: Handled): void {
  // a statement node has one key, its type
  for (const type in node) {
    const body = node[type];
    const handler = HANDLERS[type];
    if (body && handler) handler(unit, body as Node, handled);
    return;
  }
}

type Handler = (unit: Unit, node: Node, handled: Handled) => void;

function rangeVar(unit: Unit, rv: Node | undefined, kind: SchemaObjectKind, defines: boolean, handled: Handled): string | undefined {
  if (!rv?.relname) return undefined;
  handled.add(rv);
  const from = unit.loc(rv.location);
  const after = rv.schemaname ? findTokenIndex(unit, rv.schemaname, { from }) : -1;
  const token = findTokenIndex(unit, rv.relname, { from: after >= 0 ? unit.tokens.end(after) : from });
  emitName(unit, kind, rv.relname, defines, { token, parent: rv.schemaname });
  return qualified(rv.schemaname, rv.relname);
}

/** Emits the last part of a qualified name list (`schema.type`), searching from `from`. */
function qualifiedName(unit: Unit, parts: string[], kind: SchemaObjectKind, defines: boolean, from?: number): void {
  const name = parts[parts.length - 1];
  if (!name) return;
  let at = from ?? unit.start;
  for (const part of parts.slice(0, -1)) {
    const k = findTokenIndex(unit, part, { from: at });
    if (k >= 0) at = unit.tokens.end(k);
  }
  emitName(unit, kind, name, defines, { from: at, parent: parts.slice(0, -1).join('.') || undefined });
}

function columnDef(unit: Unit, def: Node, parent: string | undefined, handled: Handled, kind: SchemaObjectKind = 'column'): void {
  if (!def.colname) return;
  emitName(unit, kind, def.colname, true, { from: unit.loc(def.location), parent });
  for (const c of def.constraints ?? []) constraint(unit, c.Constraint, parent, handled);
}

function constraint(unit: Unit, c: Node | undefined, parent: string | undefined, handled: Handled): void {
  if (!c) return;
  if (c.conname) emitName(unit, 'constraint', c.conname, true, { from: unit.loc(c.location), parent });
  if (c.pktable) rangeVar(unit, c.pktable, 'table', false, handled);
}

function tableElements(unit: Unit, elts: Node[] | undefined, parent: string | undefined, handled: Handled): void {
  for (const elt of elts ?? []) {
    if (elt.ColumnDef) columnDef(unit, elt.ColumnDef, parent, handled);
    else if (elt.Constraint) constraint(unit, elt.Constraint, parent, handled);
  }
}

/** Index of the alias token of a select-list entry (`expr AS name` or `expr name`); -1 when not found. */
function aliasToken(unit: Unit, name: string, from: number, before: number): number {
  const text = unit.ctx.text;
  const tokens = unit.tokens;
  let last = -1;
  for (let k = unitTokenAt(unit, from); k < unit.tokenEnd; k++) {
    if (tokens.start(k) >= before) break;
    const kind = tokens.kind(k);
    if ((kind === 'ident' || kind === 'qident') && tokenValue(text, tokens.token(k)) === name) {
      if (k > unit.tokenStart && tokens.isWord(text, k - 1, 'as')) return k;
      last = k;
    }
  }
  return last;
}

function selectAliases(unit: Unit, select: Node | undefined, parent: string | undefined): void {
  const targets: Node[] = select?.targetList ?? [];
  targets.forEach((entry, index) => {
    const target = entry.ResTarget;
    if (!target?.name) return;
    const from = unit.loc(target.location);
    const next = targets[index + 1]?.ResTarget;
    const before = next ? unit.loc(next.location) : unit.end;
    const token = aliasToken(unit, target.name, from, before);
    emitName(unit, 'column', target.name, true, { token, from, parent });
  });
}

const HANDLERS: Record<string, Handler> = {
  CreateStmt(unit, n, handled) {
    const table = rangeVar(unit, n.relation, 'table', true, handled);
    tableElements(unit, n.tableElts, table, handled);
  },
  CreateTableAsStmt(unit, n, handled) {
    const kind = n.objtype === 'OBJECT_MATVIEW' ? 'materialized-view' : 'table';
    const rel = n.into?.rel;
    const name = rangeVar(unit, rel, kind, true, handled);
    for (const col of names(n.into?.colNames)) emitName(unit, 'column', col, true, { from: unit.loc(rel?.location), parent: name });
    if (kind === 'materialized-view') selectAliases(unit, n.query?.SelectStmt, name);
  },
  SelectStmt(unit, n, handled) {
    if (n.intoClause?.rel) rangeVar(unit, n.intoClause.rel, 'table', true, handled);
  },
  ViewStmt(unit, n, handled) {
    const view = rangeVar(unit, n.view, 'view', true, handled);
    for (const col of names(n.aliases)) emitName(unit, 'column', col, true, { from: unit.loc(n.view?.location), parent: view });
    selectAliases(unit, n.query?.SelectStmt, view);
  },
  AlterTableStmt(unit, n, handled) {
    const kind = objectKindOf(n.objtype);
    const table = rangeVar(unit, n.relation, kind === 'other' ? 'table' : kind, false, handled);
    for (const cmd of n.cmds ?? []) {
      const c = cmd.AlterTableCmd;
      if (!c?.def) continue;
      if (c.def.ColumnDef) columnDef(unit, c.def.ColumnDef, table, handled, kind === 'type' ? 'column' : 'column');
      else if (c.def.Constraint) constraint(unit, c.def.Constraint, table, handled);
    }
  },
  RenameStmt(unit, n, handled) {
    const kind = objectKindOf(n.renameType);
    let parent: string | undefined;
    if (n.relation) parent = rangeVar(unit, n.relation, kind === 'column' || kind === 'constraint' || kind === 'trigger' || kind === 'policy' ? 'table' : kind, false, handled);
    if (n.subname) emitName(unit, kind, n.subname, false, { parent });
    if (n.object) referenceObject(unit, n.object, kind);
    emitName(unit, kind, n.newname, true, { last: true, parent: kind === 'column' || kind === 'constraint' ? parent : undefined });
  },
  IndexStmt(unit, n, handled) {
    const table = rangeVar(unit, n.relation, 'table', false, handled);
    if (n.idxname) emitName(unit, 'index', n.idxname, true, { parent: table });
  },
  CreateSchemaStmt(unit, n, handled) {
    if (n.schemaname) emitName(unit, 'schema', n.schemaname, true);
    for (const elt of n.schemaElts ?? []) dispatch(unit, elt, handled);
  },
  CreateEnumStmt(unit, n) {
    const parts = names(n.typeName);
    qualifiedName(unit, parts, 'type', true);
    let from = unit.start;
    for (const label of names(n.vals)) {
      const end = emitName(unit, 'enum-label', label, true, { from, parent: parts.join('.') });
      if (end !== undefined) from = end;
    }
  },
  AlterEnumStmt(unit, n) {
    const parts = names(n.typeName);
    qualifiedName(unit, parts, 'type', false);
    if (n.oldVal) emitName(unit, 'enum-label', n.oldVal, false, { parent: parts.join('.') });
    if (n.newVal) emitName(unit, 'enum-label', n.newVal, true, { last: true, parent: parts.join('.') });
  },
  CompositeTypeStmt(unit, n, handled) {
    const type = rangeVar(unit, n.typevar, 'type', true, handled);
    for (const col of n.coldeflist ?? []) if (col.ColumnDef) columnDef(unit, col.ColumnDef, type, handled);
  },
  CreateDomainStmt(unit, n) {
    qualifiedName(unit, names(n.domainname), 'type', true);
  },
  CreateRangeStmt(unit, n) {
    qualifiedName(unit, names(n.typeName), 'type', true);
  },
  DefineStmt(unit, n) {
    const kind = objectKindOf(n.kind);
    qualifiedName(unit, names(n.defnames), kind, true);
  },
  CreateSeqStmt(unit, n, handled) {
    rangeVar(unit, n.sequence, 'sequence', true, handled);
  },
  AlterSeqStmt(unit, n, handled) {
    rangeVar(unit, n.sequence, 'sequence', false, handled);
  },
  CreateFunctionStmt(unit, n) {
    qualifiedName(unit, names(n.funcname), 'function', true);
    extractRoutineBody(unit, n.options, false);
  },
  DoStmt(unit, n) {
    extractRoutineBody(unit, n.args, true);
  },
  CreateTrigStmt(unit, n) {
    if (n.trigname) emitName(unit, 'trigger', n.trigname, true);
  },
  CreatePolicyStmt(unit, n, handled) {
    if (n.policy_name) emitName(unit, 'policy', n.policy_name, true);
    rangeVar(unit, n.table, 'table', false, handled);
  },
  AlterPolicyStmt(unit, n) {
    if (n.policy_name) emitName(unit, 'policy', n.policy_name, false);
  },
  CreateRoleStmt(unit, n) {
    if (n.role) emitName(unit, 'role', n.role, true);
  },
  CreatedbStmt(unit, n) {
    if (n.dbname) emitName(unit, 'database', n.dbname, true);
  },
  AlterDatabaseStmt(unit, n) {
    if (n.dbname) emitName(unit, 'database', n.dbname, false);
  },
  DropdbStmt(unit, n) {
    if (n.dbname) emitName(unit, 'database', n.dbname, false);
  },
  AlterDatabaseSetStmt(unit, n) {
    const db = n.dbname as string | undefined;
    if (db) emitName(unit, 'database', db, false);
    emitSetting(unit, n.setstmt, `ALTER DATABASE ${db ?? ''}`.trim());
  },
  AlterRoleSetStmt(unit, n) {
    const role = n.role?.rolename as string | undefined;
    const scope = `ALTER ROLE ${role ?? 'ALL'}${n.database ? ` IN DATABASE ${n.database}` : ''}`;
    if (n.database) emitName(unit, 'database', n.database, false);
    emitSetting(unit, n.setstmt, scope);
  },
  AlterSystemStmt(unit, n) {
    emitSetting(unit, n.setstmt, 'ALTER SYSTEM');
  },
  VariableSetStmt(unit, n) {
    emitSetting(unit, n, n.is_local ? 'SET LOCAL' : 'SET', unit.ctx.pgDump);
  },
  DropStmt(unit, n) {
    const kind = objectKindOf(n.removeType);
    let from = unit.start;
    for (const obj of n.objects ?? []) from = referenceObject(unit, obj, kind, from) ?? from;
  },
  CommentStmt(unit, n) {
    const kind = objectKindOf(n.objtype);
    const target = objectNames(n.object);
    if (target.length > 0) referenceObject(unit, n.object, kind);
    if (typeof n.comment !== 'string') return;
    const literal = lastString(unit);
    const span = literal ? unit.ctx.span(literal.start, literal.end) : unit.ctx.span(unit.start, unit.end);
    const placeholder = unit.ctx.placeholderEvidence?.(n.comment);
    if (placeholder) {
      unit.ctx.facts.push({ kind: 'dynamic-identifier', what: 'comment', evidence: [placeholder], span, source: unit.ctx.source });
      return;
    }
    unit.ctx.facts.push({ kind: 'schema-comment', objectKind: kind, target: target.join('.'), text: n.comment, span, source: unit.ctx.source });
  },
  GrantStmt(unit, n) {
    const kind = objectKindOf(n.objtype);
    if (kind === 'schema' || kind === 'database' || kind === 'function') {
      let from = unit.start;
      for (const obj of n.objects ?? []) from = referenceObject(unit, obj, kind, from) ?? from;
    }
  },
  GrantRoleStmt(unit, n) {
    for (const priv of n.granted_roles ?? []) {
      const name = priv.AccessPriv?.priv_name;
      if (name) emitName(unit, 'role', name, false);
    }
  },
  InsertStmt(unit, n, handled) {
    const table = rangeVar(unit, n.relation, 'table', false, handled);
    const cols = (n.cols ?? []).map((c: Node) => c.ResTarget?.name as string | undefined);
    emitInsertLiterals(unit, n.selectStmt?.SelectStmt, cols, table);
  },
  CopyStmt(unit, n, handled) {
    const table = rangeVar(unit, n.relation, 'table', false, handled);
    if (n.is_from && !n.filename) emitCopyLiterals(unit, names(n.attlist), table);
  },
};

function objectNames(obj: Node | undefined): string[] {
  if (!obj) return [];
  if (obj.String) return [obj.String.sval];
  if (obj.List) return names(obj.List.items);
  if (obj.ObjectWithArgs) return names(obj.ObjectWithArgs.objname);
  if (obj.TypeName) return names(obj.TypeName.names);
  return [];
}

/** A reference by name list (DROP, COMMENT ON, GRANT ON SCHEMA): returns where the name ended. */
function referenceObject(unit: Unit, obj: Node, kind: SchemaObjectKind, from = unit.start): number | undefined {
  const parts = objectNames(obj);
  const name = parts[parts.length - 1];
  if (!name) return undefined;
  let at = obj.TypeName?.location !== undefined ? unit.loc(obj.TypeName.location) : from;
  // COMMENT ON CONSTRAINT c ON t / TRIGGER t ON tbl: the name comes first, the table after it.
  const nameFirst = kind === 'constraint' || kind === 'trigger' || kind === 'policy';
  if (!nameFirst) {
    for (const part of parts.slice(0, -1)) {
      const k = findTokenIndex(unit, part, { from: at });
      if (k >= 0) at = unit.tokens.end(k);
    }
  }
  const parent = parts.slice(0, -1).join('.') || undefined;
  const end = emitName(unit, kind, name, false, { from: at, parent });
  if ((kind === 'column' || nameFirst) && parent) {
    const table = parts[parts.length - 2]!;
    emitName(unit, 'table', table, false, { from: nameFirst && end !== undefined ? end : from });
  }
  return end;
}

function lastString(unit: Unit): Token | undefined {
  for (let k = unit.tokenEnd - 1; k >= unit.tokenStart; k--) {
    if (unit.tokens.kind(k) === 'string') return unit.tokens.token(k);
  }
  return undefined;
}

/** Frequent built-ins: never user-named objects, so not worth a reference fact. */
const BUILTIN_FUNCTIONS = new Set(['now', 'count', 'sum', 'min', 'max', 'avg', 'coalesce', 'lower', 'upper', 'date_trunc', 'to_char', 'gen_random_uuid', 'current_setting', 'nextval', 'generate_series', 'jsonb_build_object', 'json_build_object', 'array_agg', 'string_agg', 'length', 'format', 'concat', 'uuid_generate_v4']);
const SKIP_FUNCTION_SCHEMAS = new Set(['pg_catalog', 'information_schema']);

/** References anywhere in a statement: tables, roles, functions called, and compared literals. */
function walkReferences(unit: Unit, value: unknown, handled: Handled, parentKey = ''): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walkReferences(unit, value[i], handled, parentKey);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Node;
  if (handled.has(node)) return;
  if (RELATION_KEYS.has(parentKey) && typeof node.relname === 'string') {
    rangeVar(unit, node, 'table', false, handled);
    return;
  }
  for (const key in node) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || NO_REFERENCES.has(key)) continue;
    if (key === 'RoleSpec' || key === 'role' || key === 'authrole') {
      if (child.roletype === 'ROLESPEC_CSTRING' && child.rolename && !handled.has(child)) {
        handled.add(child);
        emitName(unit, 'role', child.rolename, false, { from: unit.loc(child.location) });
      }
      continue;
    }
    if (key === 'FuncCall') functionCall(unit, child);
    else if (key === 'A_Expr') emitComparisonLiteral(unit, child);
    walkReferences(unit, child, handled, key);
  }
}

const RELATION_KEYS = new Set(['relation', 'pktable', 'RangeVar', 'rel', 'sequence']);
/**
 * Nodes that hold no table, role or function reference (type names, constants, column
 * references, name parts): the walk does not enter them.
 */
const NO_REFERENCES = new Set(['typeName', 'A_Const', 'ColumnRef', 'String', 'Integer', 'Float', 'Boolean', 'BitString']);

function functionCall(unit: Unit, call: Node): void {
  const parts = names(call.funcname);
  const name = parts[parts.length - 1];
  if (!name) return;
  if (name === 'set_config') {
    const [key, val, local] = call.args ?? [];
    const keyText = settingValue(key);
    if (keyText) {
      const from = unit.loc(call.location);
      unit.ctx.facts.push({
        kind: 'setting',
        key: keyText,
        value: settingValue(val) ?? '',
        scope: settingValue(local) === 'true' ? 'set_config (local)' : 'set_config',
        ...(unit.ctx.pgDump ? { preamble: true } : {}),
        span: unit.ctx.span(from, endOfCall(unit, from)),
        source: unit.ctx.source,
      });
    }
    return;
  }
  if (parts.length > 1 && SKIP_FUNCTION_SCHEMAS.has(parts[0]!)) return;
  if (parts.length === 1 && BUILTIN_FUNCTIONS.has(name)) return;
  qualifiedName(unit, parts, 'function', false, unit.loc(call.location));
}

function endOfCall(unit: Unit, from: number): number {
  let depth = 0;
  const text = unit.ctx.text;
  const tokens = unit.tokens;
  for (let k = unitTokenAt(unit, from); k < unit.tokenEnd; k++) {
    if (tokens.kind(k) !== 'punct') continue;
    const ch = text[tokens.start(k)];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return tokens.end(k);
    }
  }
  return from;
}
