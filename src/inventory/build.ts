/**
 * The PHI data map: every table (or model) with the columns (or fields) whose *name* classifies
 * as PHI-bearing, merged across sources: a Prisma model mapped to `patients` and an SQL
 * `ALTER TABLE patients` describe one table.
 */
import type { Fact, FactSource, SchemaNameFact } from '../core/facts.js';
import type { PhiCategory } from '../core/types.js';
import { maskSpans } from '../classify/mask.js';
import type { Classifier, NameMatch, NameStrength } from '../classify/types.js';

export interface SourceRef {
  path: string;
  line: number;
  column: number;
  source: FactSource;
}

export interface InventoryColumn {
  /** The database name (`date_of_birth`). */
  name: string;
  /** The ORM field name when it differs (`dateOfBirth`). */
  field?: string;
  category: PhiCategory;
  strength: NameStrength;
  /** The vocabulary term that matched. */
  term: string;
  sources: SourceRef[];
}

export interface InventoryTable {
  schema: string;
  name: string;
  /** ORM model names mapped to this table. */
  models: string[];
  kind: 'table' | 'view' | 'materialized-view';
  columns: InventoryColumn[];
  sources: SourceRef[];
}

export interface InventoryRelation {
  /** `schema.table` keys of both ends. */
  from: string;
  to: string;
  /** The column holding the reference. */
  via: string;
}

export interface Inventory {
  tables: InventoryTable[];
  relations: InventoryRelation[];
}

const DEFAULT_SCHEMA = 'public';
const STRENGTH_ORDER: Record<NameStrength, number> = { direct: 5, health: 4, quasi: 3, subject: 2, provider: 1 };
const TABLE_KINDS = new Set(['table', 'view', 'materialized-view']);

interface TableDraft {
  schema: string;
  name: string;
  kind: InventoryTable['kind'];
  models: Set<string>;
  sources: SourceRef[];
  /** Keyed by lower-cased column name. */
  columns: Map<string, { name: string; field?: string; sources: SourceRef[] }>;
}

export function buildInventory(files: readonly { file: { path: string }; facts: readonly Fact[] }[], classifier: Classifier): Inventory {
  const tables = new Map<string, TableDraft>();
  /** Model (or ORM table variable) name -> table key, across files. */
  const modelTables = new Map<string, string>();
  const pendingRelations: { fromKey: string; target: string; via: string }[] = [];

  const tableFor = (qualified: string, kind: InventoryTable['kind'] = 'table'): TableDraft => {
    const dot = qualified.lastIndexOf('.');
    const schema = dot > 0 ? qualified.slice(0, dot) : DEFAULT_SCHEMA;
    const name = dot > 0 ? qualified.slice(dot + 1) : qualified;
    const key = keyOf(schema, name);
    let t = tables.get(key);
    if (!t) {
      t = { schema, name, kind, models: new Set(), sources: [], columns: new Map() };
      tables.set(key, t);
    } else if (kind !== 'table') t.kind = kind;
    return t;
  };

  const names = files.flatMap(({ file, facts }) =>
    facts.filter((f): f is SchemaNameFact => f.kind === 'schema-name' && f.defines).map((fact) => ({ fact, ref: refOf(file.path, fact) })),
  );

  // 1. tables and models (a model's mapped table comes from the fact that names it `mappedFrom`)
  for (const { fact, ref } of names) {
    if (!TABLE_KINDS.has(fact.objectKind)) continue;
    const t = tableFor(fact.parent ? `${fact.parent}.${fact.name}` : fact.name, fact.objectKind as InventoryTable['kind']);
    t.sources.push(ref);
    if (fact.mappedFrom) {
      t.models.add(fact.mappedFrom);
      modelTables.set(fact.mappedFrom, keyOf(t.schema, t.name));
    }
  }
  for (const { fact, ref } of names) {
    if (fact.objectKind !== 'model' || modelTables.has(fact.name)) continue;
    const t = tableFor(fact.parent ? `${fact.parent}.${fact.name}` : fact.name);
    t.models.add(fact.name);
    t.sources.push(ref);
    modelTables.set(fact.name, keyOf(t.schema, t.name));
  }
  const resolveTable = (parent: string): TableDraft => {
    const viaModel = modelTables.get(parent);
    return (viaModel && tables.get(viaModel)) || tableFor(parent);
  };

  // 2. columns (database names), then fields that no column maps
  const mappedFields = new Set<string>();
  for (const { fact, ref } of names) {
    if (fact.objectKind !== 'column' || !fact.parent) continue;
    const t = resolveTable(fact.parent);
    addColumn(t, fact.name, fact.mappedFrom, ref);
    if (fact.mappedFrom) mappedFields.add(`${keyOf(t.schema, t.name)}\0${fact.mappedFrom}`);
    if (fact.references) pendingRelations.push({ fromKey: keyOf(t.schema, t.name), target: fact.references, via: fact.name });
  }
  for (const { fact, ref } of names) {
    if (fact.objectKind !== 'field' || !fact.parent) continue;
    const t = resolveTable(fact.parent);
    const key = keyOf(t.schema, t.name);
    if (fact.virtual || mappedFields.has(`${key}\0${fact.name}`)) continue;
    if (fact.references) pendingRelations.push({ fromKey: key, target: fact.references, via: fact.name });
    addColumn(t, fact.name, undefined, ref);
  }

  // 3. classify by name; keep tables with at least one PHI-bearing column. Names that embed a
  // value (`note_for_client_77120`) are masked: the inventory is shared output like any report.
  const masked = (name: string) => {
    const values = classifier.findValuesInIdentifier(name);
    return values.length ? maskSpans(name, values) : name;
  };
  const maskedKey = (key: string) => key.split('.').map(masked).join('.');
  const out: InventoryTable[] = [];
  for (const t of tables.values()) {
    const columns: InventoryColumn[] = [];
    for (const c of t.columns.values()) {
      const match = strongest(classifier, [c.name, c.field]);
      if (!match) continue;
      const field = c.field && c.field !== c.name ? { field: masked(c.field) } : {};
      columns.push({ name: masked(c.name), ...field, category: match.category, strength: match.strength, term: match.term, sources: c.sources });
    }
    if (!columns.length) continue;
    out.push({ schema: masked(t.schema), name: masked(t.name), models: [...t.models].map(masked).sort(), kind: t.kind, columns, sources: t.sources });
  }
  out.sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));

  const kept = new Set(out.map((t) => keyOf(t.schema, t.name)));
  const relations: InventoryRelation[] = [];
  const seen = new Set<string>();
  for (const r of pendingRelations) {
    const to = modelTables.get(r.target) ?? (r.target.includes('.') ? r.target.toLowerCase() : keyOf(DEFAULT_SCHEMA, r.target));
    if (!kept.has(maskedKey(r.fromKey)) || !kept.has(maskedKey(to))) continue;
    const id = `${r.fromKey}\0${to}\0${r.via}`;
    if (seen.has(id)) continue;
    seen.add(id);
    relations.push({ from: maskedKey(r.fromKey), to: maskedKey(to), via: masked(r.via) });
  }
  relations.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.via, b.via));
  return { tables: out, relations };
}

function addColumn(t: TableDraft, name: string, field: string | undefined, ref: SourceRef): void {
  const key = name.toLowerCase();
  const existing = t.columns.get(key);
  if (existing) {
    existing.sources.push(ref);
    if (field && !existing.field) existing.field = field;
  } else {
    t.columns.set(key, { name, ...(field ? { field } : {}), sources: [ref] });
  }
}

/** The strongest PHI-bearing match among a column's names; opaque ids never count. */
function strongest(classifier: Classifier, names: readonly (string | undefined)[]): NameMatch | undefined {
  let best: NameMatch | undefined;
  for (const name of names) {
    if (!name) continue;
    const c = classifier.classifyName(name);
    if (c.opaqueId || c.aggregate || !c.best) continue;
    if (!best || STRENGTH_ORDER[c.best.strength] > STRENGTH_ORDER[best.strength]) best = c.best;
  }
  return best;
}

function refOf(path: string, fact: SchemaNameFact): SourceRef {
  return { path, line: fact.span.line, column: fact.span.column, source: fact.source };
}

export function keyOf(schema: string, name: string): string {
  return `${schema}.${name}`.toLowerCase();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
