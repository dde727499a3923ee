import { maskSpans } from '../src/classify/mask.js';
import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';

/**
 * Settings that make a server, extension or ORM write SQL text or bind parameters to a log.
 * Data, not code: extractors of other configuration kinds emit the same keys (ORM extractors
 * use `orm.query-log` and `orm.query-log-parameters`), and a new entry here covers them.
 */
export interface JudgedSetting {
  key: string;
  /** Does this value turn the logging on? */
  logs(value: string): boolean;
  /** What ends up in the log. */
  writes: string;
  /** What to set instead. */
  instead: string;
}

const TRUE = new Set(['on', 'true', 'yes', '1']);
const FALSE = new Set(['off', 'false', 'no', '0', 'none', '']);

function unquote(value: string): string {
  return value.trim().replace(/^['"]|['"]$/g, '').trim().toLowerCase();
}

function isTrue(value: string): boolean {
  return TRUE.has(unquote(value));
}

/** `0`, `0ms`, `0s`: every statement. */
function isZeroDuration(value: string): boolean {
  return /^0+(?:\.0*)?\s*(?:us|ms|s|min|h|d)?$/.test(unquote(value));
}

export const JUDGED_SETTINGS: readonly JudgedSetting[] = [
  {
    key: 'log_statement',
    logs: (v) => ['all', 'mod'].includes(unquote(v)),
    writes: 'the full text of every statement (with the values inlined in INSERT/UPDATE literals)',
    instead: "log_statement = 'ddl' (or 'none')",
  },
  {
    key: 'log_min_duration_statement',
    logs: isZeroDuration,
    writes: 'every statement with its duration, including its text and bind parameters',
    instead: 'a threshold that only catches slow queries (e.g. 2000) or -1, and pg_stat_statements for statistics',
  },
  {
    key: 'log_min_duration_sample',
    logs: isZeroDuration,
    writes: 'a sample of all statements, including their text and bind parameters',
    instead: 'log_min_duration_sample = -1',
  },
  {
    key: 'log_transaction_sample_rate',
    logs: (v) => Number(unquote(v)) > 0,
    writes: 'every statement of the sampled transactions, including text and bind parameters',
    instead: 'log_transaction_sample_rate = 0',
  },
  {
    key: 'log_parameter_max_length_on_error',
    logs: (v) => unquote(v) !== '0',
    writes: 'the bind parameter values of every statement that fails',
    instead: 'log_parameter_max_length_on_error = 0',
  },
  {
    key: 'pgaudit.log_parameter',
    logs: isTrue,
    writes: 'the bind parameters (row values) of every audited statement',
    instead: 'pgaudit.log_parameter = off; audit who touched which relation, not the values',
  },
  {
    key: 'auto_explain.log_min_duration',
    logs: isZeroDuration,
    writes: 'the text and plan of every statement',
    instead: 'a threshold for slow queries only, or -1',
  },
  {
    key: 'orm.query-log',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'every SQL statement the ORM sends (and, with most drivers, its parameters)',
    instead: 'query logging off outside local development, or a logger that drops parameters',
  },
  {
    key: 'orm.query-log-parameters',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'the bind parameters (row values) of every query',
    instead: 'parameter logging off',
  },
  // ORM settings from src/extract/orm (query-log.ts): only values that log queries become facts.
  {
    key: 'prisma.log',
    logs: (v) => /\bquery\b/.test(v),
    writes: 'every SQL statement with its bind parameters (row values)',
    instead: "log: ['warn', 'error'] (add 'query' only behind process.env.NODE_ENV === 'development')",
  },
  {
    key: 'prisma.$on-query',
    logs: () => true,
    writes: 'the bind parameters (row values) of every query, from the event’s params',
    instead: 'log e.query and e.duration only, never e.params',
  },
  {
    key: 'typeorm.logging',
    logs: (v) => /^(?:true|'all'|"all"|all)$/.test(v.trim()) || /['"](?:query|all)['"]/.test(v),
    writes: 'every SQL statement with its parameters (row values)',
    instead: "logging: ['error', 'schema', 'migration']",
  },
  {
    key: 'sequelize.logqueryparameters',
    logs: isTrue,
    writes: 'the bind parameters (row values) of every query',
    instead: 'logQueryParameters: false (the default)',
  },
  {
    key: 'sequelize.logging',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'every SQL statement (with bind parameters when logQueryParameters is on)',
    instead: 'logging: false outside local development',
  },
  {
    key: 'drizzle.logger',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'every SQL statement with its params (row values)',
    instead: 'no logger outside local development, or a custom Logger whose logQuery drops params',
  },
  {
    key: 'knex.debug',
    logs: isTrue,
    writes: 'every query with its bindings (row values)',
    instead: 'debug: false (set it per environment, never in a shared base config)',
  },
  {
    key: 'kysely.log',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'every SQL statement (and, from a log function, query.parameters: row values)',
    instead: "log: ['error'], or a log function that records query.sql and the duration only",
  },
  {
    key: 'mikro-orm.debug',
    logs: (v) => !FALSE.has(unquote(v)),
    writes: 'every SQL statement (with query-params, the bind values too)',
    instead: "debug: false, or debug: ['discovery', 'info']",
  },
  {
    key: 'opentelemetry.enhanceddatabasereporting',
    logs: isTrue,
    writes: 'the bind parameters (row values) of every query as span attributes',
    instead: 'enhancedDatabaseReporting: false (the default)',
  },
  {
    // DEBUG=knex:query in .env files (read by the env extractor)
    key: 'debug',
    logs: (v) => /\bknex:(?:query|bindings|\*)/.test(unquote(v)),
    writes: 'every Knex query with its bindings (row values)',
    instead: 'DEBUG without knex:query / knex:bindings',
  },
];

const BY_KEY = new Map(JUDGED_SETTINGS.map((s) => [s.key, s]));

export default defineRule({
  id: 'phi/query-log-config',
  scope: 'file',
  meta: {
    description: 'Configuration that writes SQL text or bind parameters, and so row values, to logs.',
    severity: 'error',
    categories: ['query-logging'],
    messages: {
      logs: '{{key}} = {{value}} ({{scope}}) writes {{writes}} to the log, so the PHI in those rows ends up in log files. Set {{instead}}.',
    },
    schema: {},
    defaultOptions: {},
    docs: { description: 'Statement and parameter logging that copies row values into logs', tags: ['hipaa', 'logging'], securitySeverity: 7.0 },
    help: "Log DDL only (log_statement = 'ddl'), keep pgaudit.log_parameter off, and turn ORM query logging off outside local development.",
  },
  check({ facts, classifier, report }) {
    for (const fact of factsOf(facts, 'setting')) {
      if (fact.preamble) continue;
      const judged = BY_KEY.get(fact.key.toLowerCase());
      if (!judged || !judged.logs(fact.value)) continue;
      // The scope names roles and databases (`ALTER ROLE maria_garcia SET ...`): mask PHI in those names.
      const scope = maskSpans(fact.scope, classifier.findValuesInIdentifier(fact.scope));
      report({
        messageId: 'logs',
        data: { key: fact.key, value: fact.value, scope, writes: judged.writes, instead: judged.instead },
        span: fact.span,
        category: 'query-logging',
        evidence: `${fact.key} = ${fact.value}`,
        context: `${fact.key}=${unquote(fact.value)}@${scope}`,
        ...(fact.developmentOnly ? { severity: 'warning' as const } : {}),
      });
    }
  },
});

