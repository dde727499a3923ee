/**
 * The model: what extractors know about a file, with exact spans. Rules read facts only;
 * they never parse. Every fact carries the span of the token it is about.
 */
import type { PhiCategory, Span } from './types.js';

/** Database object kinds named in PHI-POLICY.md's `phi/schema-identifier` row. */
export type SchemaObjectKind =
  | 'table'
  | 'column'
  | 'view'
  | 'materialized-view'
  | 'index'
  | 'constraint'
  | 'schema'
  | 'type'
  | 'enum-label'
  | 'sequence'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'role'
  | 'database'
  | 'model'
  | 'field'
  | 'other';

/** Where a fact came from: drives messages and the inventory. */
export type FactSource =
  | 'sql'
  | 'plpgsql'
  | 'postgresql.conf'
  | 'prisma'
  | 'drizzle'
  | 'typeorm'
  | 'sequelize'
  | 'knex'
  | 'kysely'
  | 'typescript'
  | 'template'
  | 'yaml'
  | 'json'
  | 'shell'
  | 'env'
  | 'catalog'
  | 'other';

interface FactBase {
  span: Span;
  source: FactSource;
  /**
   * For facts read from a live catalog: the object's `database/schema/table/column`, already masked.
   * A finding reported on the fact's span carries it as `location.logical`.
   */
  logical?: string;
}

/** A name given to (or referring to) a database object. */
export interface SchemaNameFact extends FactBase {
  kind: 'schema-name';
  objectKind: SchemaObjectKind;
  name: string;
  /** Qualified parent: `schema.table` for a column, `table` for an index. */
  parent?: string;
  /** true where the statement creates or renames the object; false for mere references. */
  defines: boolean;
  /** For a database name mapped from an ORM name (`@@map`, `tableName`, `field`): the model or field it maps (`Patient`, `dateOfBirth`). */
  mappedFrom?: string;
  /** For a column or field that points at another table or model (foreign key, ORM relation): that table or model. */
  references?: string;
  /** An ORM relation field that has no column of its own (`intakes Intake[]`). */
  virtual?: boolean;
}

/** A schema description: COMMENT ON, Prisma `///`, ORM `comment` options. */
export interface SchemaCommentFact extends FactBase {
  kind: 'schema-comment';
  objectKind: SchemaObjectKind;
  target: string;
  text: string;
}

/** A comment in source, a migration or a template. */
export interface CodeCommentFact extends FactBase {
  kind: 'code-comment';
  text: string;
}

/** One piece of what flows into a sink, judged by rules with the classifier. */
export type Evidence =
  /** A property chain or identifier whose *name* may be PHI-bearing: `patient.dob`, `dob`. */
  | { kind: 'field'; path: string; span: Span; label?: string }
  /** A whole object that may be PHI-bearing: `patient`, `req.body`, an ORM row. */
  | {
      kind: 'object';
      path: string;
      span: Span;
      why?: string;
      /** Models or tables whose row this is (`patients`, `LabResult`), comma-separated. */
      model?: string;
      /** A whole inbound payload: a request body, a queue job's data, a parsed message. */
      payload?: 'request' | 'job' | 'message';
      /** Type-aware mode: the value's declared type has PHI fields of this category. */
      typedCategory?: PhiCategory;
    }
  /** Literal text (string or template parts) to search for PHI values. */
  | { kind: 'text'; text: string; span: Span };

export type SinkKind = 'log' | 'error' | 'telemetry' | 'metadata' | 'ticket';

/** A call (or construct) that sends data somewhere that must not hold PHI. */
export interface SinkCallFact extends FactBase {
  kind: 'sink-call';
  sink: SinkKind;
  /** Human name of the sink for messages: `console.log`, `RAISE NOTICE`, `Stripe metadata`. */
  callee: string;
  evidence: Evidence[];
  /** The sink identifies the signed-in person (Sentry setUser, analytics identify): user fields count. */
  identifiesUser?: boolean;
}

/** A string literal committed in code, a seed or a migration (for `phi/literal`). */
export interface LiteralFact extends FactBase {
  kind: 'literal';
  text: string;
  /** Other literals of the same row/object/statement, so a name next to a DOB can be judged. */
  group?: string;
  /** Key or column the literal is assigned to, when known (`first_name`, `dob`). */
  field?: string;
}

/** An object name or schema comment built at run time (`EXECUTE format(...)`, template DDL). */
export interface DynamicIdentifierFact extends FactBase {
  kind: 'dynamic-identifier';
  what: 'object-name' | 'comment';
  evidence: Evidence[];
}

/** A configuration setting: database GUCs, ORM logging flags, session lifetimes. */
export interface SettingFact extends FactBase {
  kind: 'setting';
  key: string;
  value: string;
  /** Statement or construct that sets it: `SET`, `ALTER SYSTEM`, `ALTER ROLE x`, `conf`, `orm`. */
  scope: string;
  /** True when guarded by an explicit development-only condition. */
  developmentOnly?: boolean;
  /** True for restore preambles (pg_dump) that are not real settings. */
  preamble?: boolean;
  /**
   * Session lifetimes (`session.idle`, `session.absolute`): the value in seconds, when known.
   * Absent on a library default means the session never expires.
   */
  seconds?: number;
  /** The library's default, not set in code: the span is the library's configuration call. */
  libraryDefault?: boolean;
}

/** A dependency or service used: an npm package, an import, an endpoint URL, a schema. */
export interface DependencyFact extends FactBase {
  kind: 'dependency';
  name: string;
  via: 'package.json' | 'import' | 'url' | 'sql' | 'env' | 'api-call' | 'other';
}

/** A field, label or placeholder of a support-ticket template. */
export interface TemplateFieldFact extends FactBase {
  kind: 'template-field';
  /** `label`, `description`, `placeholder`, `id`, `interpolation`, `text`. */
  role: string;
  text: string;
  template: string;
  /** True when the template feeds a support ticket (issue forms, helpdesk exports, support e-mails). */
  ticket?: boolean;
  /** Facts of one form field (or one helpdesk reply) share a group, so a field is reported once. */
  group?: string;
  /** The field's input kind when known: `input`, `textarea`, `dropdown`, `checkboxes`, `markdown`, `file`. */
  input?: string;
}

/** A Neon project create/update request (API, CLI, IaC) and what its settings say. */
export interface ProjectRequestFact extends FactBase {
  kind: 'project-request';
  action: 'create' | 'update';
  hipaa: 'true' | 'false' | 'missing' | 'misspelled';
  via: string;
  /** A misspelled key as written (`hippa`); filled from the text before it is dropped, so shards and caches keep it. */
  key?: string;
}

/** A part of a file the extractor could not analyse, with what it still scanned. */
export interface ParseProblemFact extends FactBase {
  kind: 'parse-problem';
  message: string;
  stillScanned: string;
}

export type Fact =
  | SchemaNameFact
  | SchemaCommentFact
  | CodeCommentFact
  | SinkCallFact
  | LiteralFact
  | DynamicIdentifierFact
  | SettingFact
  | DependencyFact
  | TemplateFieldFact
  | ProjectRequestFact
  | ParseProblemFact;

export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

const NO_FACTS: readonly Fact[] = [];
/** The last list grouped: rules ask one file's list for their kinds one after another. */
let lastGrouped: { facts: readonly Fact[]; length: number; byKind: Map<FactKind, Fact[]> } | undefined;

/**
 * The facts of one kind. Every rule asks the same list for its kinds, so the list is grouped
 * by kind once (again if facts were added since) instead of filtered by each rule. Only the
 * last list is kept: a weak map would keep every file's grouping alive until a full collection.
 */
export function factsOf<K extends FactKind>(facts: readonly Fact[], kind: K): readonly FactOf<K>[] {
  if (lastGrouped?.facts !== facts || lastGrouped.length !== facts.length) {
    const byKind = new Map<FactKind, Fact[]>();
    for (const fact of facts) {
      const list = byKind.get(fact.kind);
      if (list) list.push(fact);
      else byKind.set(fact.kind, [fact]);
    }
    lastGrouped = { facts, length: facts.length, byKind };
  }
  return (lastGrouped.byKind.get(kind) ?? NO_FACTS) as readonly FactOf<K>[];
}
