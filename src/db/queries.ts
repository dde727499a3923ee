/**
 * The catalog queries: every named object of the database (never a row of user data), the
 * descriptions, and the settings the rules judge. One round trip per query, all read-only.
 */
import type { Queryable } from './session.js';

export type CatalogObjectKind =
  | 'schema'
  | 'table'
  | 'view'
  | 'materialized-view'
  | 'sequence'
  | 'column'
  | 'index'
  | 'constraint'
  | 'trigger'
  | 'policy'
  | 'type'
  | 'enum-label'
  | 'function';

/** One object inside a schema. */
export interface CatalogObject {
  kind: CatalogObjectKind;
  schema: string;
  /** The table or type that holds a column, index, constraint, trigger, policy or enum label. */
  owner: string | null;
  /** For a partition: the partitioned table. */
  partition_of: string | null;
  name: string;
  description: string | null;
  /** For indexes, constraints and owned sequences: what PostgreSQL's generated name is built from. */
  def_table: string | null;
  def_columns: string[] | null;
  def_suffix: string | null;
}

/** A database or role: cluster-wide, described with `shobj_description`. */
export interface ClusterObject {
  kind: 'database' | 'role';
  name: string;
  description: string | null;
}

/** `ALTER DATABASE/ROLE ... SET` entries (`pg_db_role_setting`); null means "all". */
export interface RoleSetting {
  database: string | null;
  role: string | null;
  config: string[];
}

/** Server-level values (`pg_settings`) that were configured, not left at their default. */
export interface ServerSetting {
  name: string;
  setting: string;
  unit: string | null;
  source: string;
}

export interface CatalogSnapshot {
  database: string;
  /** The `neon_auth` schema exists: the project uses Neon Auth. */
  neonAuth: boolean;
  cluster: ClusterObject[];
  objects: CatalogObject[];
  roleSettings: RoleSetting[];
  serverSettings: ServerSetting[];
}

export interface SchemaFilter {
  /** Glob patterns (`*`, `?`) of schemas to read; empty reads every non-system schema. */
  schemas: readonly string[];
  excludeSchemas: readonly string[];
}

/** Server settings the rules judge: statement and parameter logging, session timeouts. */
export const SERVER_SETTING_KEYS = [
  'idle_session_timeout',
  'log_statement',
  'log_min_duration_statement',
  'log_min_duration_sample',
  'log_transaction_sample_rate',
  'log_parameter_max_length_on_error',
  'pgaudit.log_parameter',
  'auto_explain.log_min_duration',
] as const;

/** `pg_settings.source` values that mean "set for this session, database or role" (read from pg_db_role_setting instead) or "not set". */
const NOT_SERVER_SOURCES = ['default', 'database', 'user', 'database user', 'client', 'session', 'interactive', 'test'];

// $1: schema patterns to include (empty: all), $2: schema patterns to exclude. Schemas named pg_* are system schemas.
const inScope = (n: string): string =>
  `${n}.nspname !~ '^pg_' AND ${n}.nspname <> 'information_schema'
   AND (cardinality($1::text[]) = 0 OR ${n}.nspname LIKE ANY ($1::text[]))
   AND NOT (${n}.nspname LIKE ANY ($2::text[]))`;

/** Objects that belong to an extension are named by the extension, not the team. */
const notExtensionMember = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = '${catalog}'::regclass AND x.objid = ${oid} AND x.deptype = 'e')`;

const description = (catalog: string, oid: string, subid = '0'): string =>
  `LEFT JOIN pg_description d ON d.objoid = ${oid} AND d.classoid = '${catalog}'::regclass AND d.objsubid = ${subid}`;

// Columns of every part: kind, schema, grp, rank, ord (ordering), owner, partition_of, name, description, def_*.
const SCHEMAS = `
SELECT 'schema'::text, n.nspname::text, ''::text, 0, 0::float8, NULL::text, NULL::text, n.nspname::text, d.description,
       NULL::text, NULL::text[], NULL::text
FROM pg_namespace n ${description('pg_namespace', 'n.oid')}
WHERE ${inScope('n')} AND ${notExtensionMember('pg_namespace', 'n.oid')}`;

const RELATIONS = `
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized-view' WHEN 'S' THEN 'sequence' ELSE 'table' END,
       n.nspname::text, c.relname::text, 1, 0::float8, NULL::text,
       CASE WHEN c.relispartition THEN (SELECT p.relname::text FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid LIMIT 1) END,
       c.relname::text, d.description,
       owned.tbl, CASE WHEN owned.col IS NOT NULL THEN ARRAY[owned.col] END, CASE WHEN owned.col IS NOT NULL THEN 'seq' END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
${description('pg_class', 'c.oid')}
LEFT JOIN LATERAL (
  SELECT t.relname::text AS tbl, a.attname::text AS col
  FROM pg_depend s JOIN pg_class t ON t.oid = s.refobjid JOIN pg_attribute a ON a.attrelid = s.refobjid AND a.attnum = s.refobjsubid
  WHERE c.relkind = 'S' AND s.classid = 'pg_class'::regclass AND s.objid = c.oid AND s.refclassid = 'pg_class'::regclass
    AND s.deptype IN ('a', 'i') AND s.refobjsubid > 0
  LIMIT 1
) owned ON true
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}`;

// Partitions share their parent's columns: read them once, on the parent.
const COLUMNS = `
SELECT 'column', n.nspname::text, c.relname::text, 2, a.attnum::float8, c.relname::text, NULL::text, a.attname::text, d.description,
       NULL::text, NULL::text[], NULL::text
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
${description('pg_class', 'c.oid', 'a.attnum')}
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND NOT c.relispartition
  AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}`;

// Indexes that back a constraint are reported as the constraint; indexes cloned onto partitions, on the parent.
const INDEXES = `
SELECT 'index', n.nspname::text, t.relname::text, 4, 0::float8, t.relname::text, NULL::text, c.relname::text, d.description,
       t.relname::text,
       ARRAY(SELECT COALESCE(a.attname::text, 'expr') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0 ORDER BY k.ord),
       'idx'
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
${description('pg_class', 'c.oid')}
WHERE NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x'))
  AND ${inScope('n')} AND ${notExtensionMember('pg_class', 't.oid')}`;

// Constraints inherited by or cloned onto partitions and children are read once, where they are defined.
const CONSTRAINTS = `
SELECT 'constraint', n.nspname::text, COALESCE(t.relname, ty.typname)::text, 3, 0::float8, COALESCE(t.relname, ty.typname)::text, NULL::text,
       k.conname::text, d.description,
       COALESCE(t.relname, ty.typname)::text,
       ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord),
       CASE k.contype WHEN 'p' THEN 'pkey' WHEN 'u' THEN 'key' WHEN 'f' THEN 'fkey' WHEN 'c' THEN 'check'
                      WHEN 'n' THEN 'not_null' WHEN 'x' THEN 'excl' END
FROM pg_constraint k
JOIN pg_namespace n ON n.oid = k.connamespace
LEFT JOIN pg_class t ON t.oid = k.conrelid AND k.conrelid <> 0
LEFT JOIN pg_type ty ON ty.oid = k.contypid AND k.contypid <> 0
${description('pg_constraint', 'k.oid')}
WHERE k.conparentid = 0 AND k.conislocal AND (t.oid IS NOT NULL OR ty.oid IS NOT NULL)
  AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'COALESCE(t.oid, 0)')} AND ${notExtensionMember('pg_type', 'COALESCE(ty.oid, 0)')}`;

const TRIGGERS = `
SELECT 'trigger', n.nspname::text, c.relname::text, 5, 0::float8, c.relname::text, NULL::text, tg.tgname::text, d.description,
       NULL::text, NULL::text[], NULL::text
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
${description('pg_trigger', 'tg.oid')}
WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}`;

const POLICIES = `
SELECT 'policy', n.nspname::text, c.relname::text, 6, 0::float8, c.relname::text, NULL::text, pol.polname::text, d.description,
       NULL::text, NULL::text[], NULL::text
FROM pg_policy pol
JOIN pg_class c ON c.oid = pol.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
${description('pg_policy', 'pol.oid')}
WHERE ${inScope('n')} AND ${notExtensionMember('pg_class', 'c.oid')}`;

// Enums, domains, ranges, base types and stand-alone composite types; not the row type every table has, nor array types.
const TYPES = `
SELECT 'type', n.nspname::text, t.typname::text, 1, 0::float8, NULL::text, NULL::text, t.typname::text, d.description,
       NULL::text, NULL::text[], NULL::text
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
${description('pg_type', 't.oid')}
WHERE (t.typtype IN ('e', 'd', 'r', 'b') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c')))
  AND t.typcategory <> 'A' AND ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}`;

const ENUM_LABELS = `
SELECT 'enum-label', n.nspname::text, t.typname::text, 2, e.enumsortorder::float8, t.typname::text, NULL::text, e.enumlabel::text, NULL::text,
       NULL::text, NULL::text[], NULL::text
FROM pg_enum e
JOIN pg_type t ON t.oid = e.enumtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE ${inScope('n')} AND ${notExtensionMember('pg_type', 't.oid')}`;

// Overloads share a name: one object per name, with every distinct description.
const FUNCTIONS = `
SELECT 'function', n.nspname::text, p.proname::text, 1, 0::float8, NULL::text, NULL::text, p.proname::text,
       string_agg(DISTINCT d.description, E'\\n'),
       NULL::text, NULL::text[], NULL::text
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
${description('pg_proc', 'p.oid')}
WHERE ${inScope('n')} AND ${notExtensionMember('pg_proc', 'p.oid')}
GROUP BY n.nspname, p.proname`;

export const OBJECTS_SQL = `
SELECT kind, schema, owner, partition_of, name, description, def_table, def_columns, def_suffix
FROM (
  ${[SCHEMAS, RELATIONS, COLUMNS, INDEXES, CONSTRAINTS, TRIGGERS, POLICIES, TYPES, ENUM_LABELS, FUNCTIONS].join('\nUNION ALL\n')}
) AS o(kind, schema, grp, rank, ord, owner, partition_of, name, description, def_table, def_columns, def_suffix)
ORDER BY schema COLLATE "C", grp COLLATE "C", rank, ord, name COLLATE "C"`;

export const INFO_SQL = `
SELECT current_database()::text AS database,
       EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'neon_auth') AS neon_auth`;

export const CLUSTER_SQL = `
SELECT kind, name, description FROM (
  SELECT 'database'::text AS kind, datname::text AS name, shobj_description(oid, 'pg_database') AS description
  FROM pg_database WHERE NOT datistemplate
  UNION ALL
  SELECT 'role', rolname::text, shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname !~ '^pg_'
) AS c
ORDER BY kind, name COLLATE "C"`;

export const ROLE_SETTINGS_SQL = `
SELECT d.datname::text AS database, r.rolname::text AS role, s.setconfig AS config
FROM pg_db_role_setting s
LEFT JOIN pg_database d ON d.oid = s.setdatabase
LEFT JOIN pg_roles r ON r.oid = s.setrole
WHERE s.setconfig IS NOT NULL
ORDER BY d.datname COLLATE "C" NULLS FIRST, r.rolname COLLATE "C" NULLS FIRST`;

export const SERVER_SETTINGS_SQL = `
SELECT name::text, setting::text, unit::text, source::text
FROM pg_settings
WHERE name = ANY ($1::text[]) AND source <> ALL ($2::text[])
ORDER BY name`;

/** A shell-style glob (`tenant_*`) as a LIKE pattern. */
export function globToLike(glob: string): string {
  return glob.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%').replace(/\?/g, '_');
}

export async function readCatalog(client: Queryable, filter: SchemaFilter): Promise<CatalogSnapshot> {
  const scope = [filter.schemas.map(globToLike), filter.excludeSchemas.map(globToLike)];
  // one after the other: a connection runs one query at a time
  const info = await client.query<{ database: string; neon_auth: boolean }>(INFO_SQL);
  const cluster = await client.query<ClusterObject>(CLUSTER_SQL);
  const objects = await client.query<CatalogObject>(OBJECTS_SQL, scope);
  const roleSettings = await client.query<RoleSetting>(ROLE_SETTINGS_SQL);
  const serverSettings = await client.query<ServerSetting>(SERVER_SETTINGS_SQL, [SERVER_SETTING_KEYS, NOT_SERVER_SOURCES]);
  const first = info.rows[0];
  return {
    database: first?.database ?? '',
    neonAuth: first?.neon_auth ?? false,
    cluster: cluster.rows,
    objects: objects.rows,
    roleSettings: roleSettings.rows,
    serverSettings: serverSettings.rows,
  };
}
