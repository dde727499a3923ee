/**
 * A catalog snapshot as facts, the same kinds the SQL extractor produces (`source: 'catalog'`).
 * Each object gets its own line of a pseudo-file (line 1 is the database itself), and its
 * masked `database/schema/table/column` name, which findings on that line carry as their
 * logical location.
 */
import { maskSpans } from '../classify/mask.js';
import type { Classifier } from '../classify/types.js';
import type { Fact, SchemaObjectKind } from '../core/facts.js';
import type { Span } from '../core/types.js';
import { isGeneratedName } from './default-names.js';
import type { CatalogObject, CatalogSnapshot, RoleSetting, ServerSetting } from './queries.js';

/** Units of pg_settings values that PostgreSQL accepts after a number (`1800000ms`). */
const TIME_UNITS = new Set(['us', 'ms', 's', 'min', 'h', 'd']);

export function factsFromCatalog(snapshot: CatalogSnapshot, classifier: Classifier): Fact[] {
  const facts: Fact[] = [];
  const masked = maskedNames(classifier);
  const logical = (...parts: string[]): string => parts.map(masked).join('/');
  const db = snapshot.database;
  let line = 0;
  const nextSpan = (): Span => {
    line++;
    return { line, column: 1, endLine: line, endColumn: 1 };
  };
  const source = 'catalog' as const;

  const named = (objectKind: SchemaObjectKind, name: string, where: string, parent: string | undefined, comment: string | null, emitName = true): void => {
    const span = nextSpan();
    if (emitName) facts.push({ kind: 'schema-name', objectKind, name, ...(parent ? { parent } : {}), defines: true, span, source, logical: where });
    if (comment) facts.push({ kind: 'schema-comment', objectKind, target: parent ? `${parent}.${name}` : name, text: comment, span, source, logical: where });
  };

  const databases = snapshot.cluster.filter((c) => c.kind === 'database');
  const current = databases.find((d) => d.name === db);
  named('database', db, logical(db), undefined, current?.description ?? null);
  for (const other of snapshot.cluster) {
    if (other.kind === 'database' && other.name === db) continue;
    named(other.kind, other.name, logical(other.name), undefined, other.description);
  }

  for (const object of snapshot.objects) {
    const kind = object.kind;
    const where = object.owner ? logical(db, object.schema, object.owner, object.name) : kind === 'schema' ? logical(db, object.name) : logical(db, object.schema, object.name);
    const container = object.owner ?? object.partition_of;
    const parent = kind === 'schema' ? undefined : container ? `${object.schema}.${container}` : object.schema;
    named(kind, object.name, where, parent, object.description, !generated(object));
  }

  for (const setting of snapshot.roleSettings) {
    const scope = roleSettingScope(setting, masked);
    const where = setting.role ? logical(setting.role) : logical(setting.database ?? db);
    for (const entry of setting.config) {
      const at = entry.indexOf('=');
      if (at <= 0) continue;
      facts.push({ kind: 'setting', key: entry.slice(0, at), value: entry.slice(at + 1), scope, span: nextSpan(), source, logical: where });
    }
  }
  for (const setting of snapshot.serverSettings) {
    facts.push({ kind: 'setting', key: setting.name, value: serverValue(setting), scope: `server, ${setting.source}`, span: nextSpan(), source, logical: logical(db) });
  }

  // named as a SQL reference into the schema would be (`neon_auth.users_sync`), so phi/non-baa-service matches it
  if (snapshot.neonAuth) facts.push({ kind: 'dependency', name: 'neon_auth.*', via: 'sql', span: nextSpan(), source, logical: logical(db, 'neon_auth') });
  return facts;
}

function generated(object: CatalogObject): boolean {
  return object.def_suffix !== null && object.def_table !== null && isGeneratedName(object.name, object.def_table, object.def_columns ?? [], object.def_suffix);
}

/** As the statement that made it: `ALTER ROLE r IN DATABASE d`, with names masked. */
function roleSettingScope(setting: RoleSetting, masked: (name: string) => string): string {
  if (setting.role) return `ALTER ROLE ${masked(setting.role)}${setting.database ? ` IN DATABASE ${masked(setting.database)}` : ''}`;
  return setting.database ? `ALTER DATABASE ${masked(setting.database)}` : 'ALTER ROLE ALL';
}

/** `1800000` with unit `ms` -> `1800000ms`; `0` and `-1` stay bare, as they are written. */
function serverValue(setting: ServerSetting): string {
  const numeric = /^\d+$/.test(setting.setting) && setting.setting !== '0';
  return numeric && setting.unit && TIME_UNITS.has(setting.unit) ? `${setting.setting}${setting.unit}` : setting.setting;
}

/** Masks the PHI values inside one identifier; names repeat (a table per column), so each is classified once. */
function maskedNames(classifier: Classifier): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let out = cache.get(name);
    if (out === undefined) {
      out = maskSpans(name, classifier.findValuesInIdentifier(name));
      cache.set(name, out);
    }
    return out;
  };
}
