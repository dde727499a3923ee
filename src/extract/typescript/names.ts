/** Name tables the TS/JS extractor recognises: sink methods, modules, sanitizers, transforms. */
import { memoise } from '../../classify/classify-name.js';

/** What a binding or expression refers to, as far as sinks are concerned. */
export type ReceiverKind =
  | 'logger'
  | 'logger-factory'
  | 'debug-factory'
  | 'debug-fn'
  | 'console'
  | 'sentry'
  | 'sentry-scope'
  | 'span'
  | 'tracer'
  | 'analytics'
  | 'newrelic'
  | 'redis'
  | 'stripe'
  | 's3'
  | 'sqs'
  | 'gcs'
  | 'gcs-bucket'
  | 'gcs-file'
  | 'http'
  | 'request'
  | 'response'
  | 'response-status'
  | 'app'
  | 'queue'
  | 'octokit'
  | 'zendesk'
  | 'neon'
  | 'url'
  | 'process'
  | 'repository'
  | 'sql-tag'
  | 'sql-client';

export const LOG_METHODS = new Set([
  'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice',
  'crit', 'critical', 'alert', 'emerg', 'success', 'fail', 'ready', 'start', 'box', 'audit', 'record', 'write',
]);

export const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'dirxml', 'group', 'assert']);

export const SENTRY_METHODS = new Set([
  'captureException', 'captureMessage', 'captureEvent', 'setUser', 'setContext', 'setTag', 'setTags', 'setExtra',
  'setExtras', 'addBreadcrumb', 'setFingerprint', 'setTransactionName',
]);

export const SPAN_METHODS = new Set(['setAttribute', 'setAttributes', 'addEvent', 'recordException', 'updateName', 'setTag', 'addTags', 'setBaggageItem']);

export const ANALYTICS_METHODS = new Set([
  'track', 'identify', 'page', 'screen', 'group', 'alias', 'capture', 'groupIdentify', 'register', 'set', 'set_once',
  'logEvent', 'setUserId', 'setUserProperties', 'people', 'increment', 'append', 'union', 'setGlobalContextProperty',
  'addAction', 'setUser',
]);

export const NEWRELIC_METHODS = new Set([
  'addCustomAttribute', 'addCustomAttributes', 'addCustomSpanAttribute', 'addCustomSpanAttributes', 'noticeError',
  'recordCustomEvent', 'setUserID', 'setCustomAttribute', 'recordLogEvent',
]);

/** Methods whose names say the sink identifies the signed-in person. */
export const IDENTIFY_METHODS = new Set(['setUser', 'identify', 'setUserId', 'setUserID', 'setUserProperties', 'alias', 'groupIdentify']);

/** Redis/ioredis/memcached methods whose first argument is a key. */
export const REDIS_KEY_METHODS = new Set([
  'get', 'set', 'setex', 'psetex', 'setnx', 'getset', 'getdel', 'getex', 'append', 'incr', 'incrby', 'decr', 'decrby',
  'hset', 'hget', 'hgetall', 'hmset', 'hmget', 'hdel', 'hincrby', 'hexists', 'hkeys', 'hvals', 'hsetnx',
  'del', 'unlink', 'exists', 'expire', 'pexpire', 'expireat', 'ttl', 'persist', 'rename', 'type',
  'sadd', 'srem', 'smembers', 'sismember', 'scard', 'zadd', 'zrem', 'zrange', 'zscore', 'zincrby', 'zcard',
  'lpush', 'rpush', 'lpop', 'rpop', 'lrange', 'llen', 'lrem', 'publish', 'xadd', 'pfadd', 'touch', 'add', 'replace',
]);

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch', 'stream']);
/** HTTP client methods whose second argument is the request body (config comes third). */
export const HTTP_BODY_METHODS = new Set(['post', 'put', 'patch']);

/** Modules whose default/namespace export is a logger or a logger factory. */
export const LOGGER_MODULES = new Set([
  'winston', 'pino', 'bunyan', 'log4js', 'loglevel', 'consola', 'npmlog', 'signale', 'roarr', 'tslog', 'pino-http',
  'log', 'electron-log', 'fancy-log', 'morgan',
]);

/** Functions that create a logger (`createLogger()`, `getLogger()`, `pino()`, `logger.child()`). */
export const LOGGER_FACTORIES = new Set(['createLogger', 'getLogger', 'child', 'withTag', 'create', 'scope', 'getChildLogger', 'pino', 'bunyan']);

export const SENTRY_SCOPE_GETTERS = new Set(['getCurrentScope', 'getIsolationScope', 'getGlobalScope', 'getScope', 'pushScope']);
export const SPAN_GETTERS = new Set(['getActiveSpan', 'startSpan', 'startInactiveSpan', 'getSpan', 'active', 'startChild']);

/** Method calls that pass their receiver's data through unchanged (for evidence). */
export const TRANSFORM_METHODS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice',
  'substring', 'substr', 'replace', 'replaceAll', 'normalize', 'toString', 'toJSON', 'toObject', 'toISOString',
  'toDateString', 'toLocaleDateString', 'toLocaleString', 'toUTCString', 'padStart', 'padEnd', 'concat', 'at',
  'valueOf', 'get', 'split', 'join', 'charAt', 'repeat', 'format', 'get_plain', 'dataValues', 'serialize',
]);

/** Calls that pass their arguments' data through (`JSON.stringify(x)`, `String(x)`, `util.inspect(x)`). */
export const PASS_THROUGH_CALLS = new Set([
  'stringify', 'String', 'encodeURIComponent', 'encodeURI', 'escape', 'inspect', 'format', 'Buffer.from', 'from',
  'parse', 'structuredClone', 'assign', 'values', 'Date', 'formatWithOptions', 'dump', 'toString',
]);

/** Properties and calls that never carry a value of the thing they are about. */
export const NON_VALUE_MEMBERS = new Set(['length', 'size', 'count', 'byteLength', 'status', 'statusCode', 'code', 'ok', 'name_length']);
export const NON_VALUE_CALLS = new Set([
  'keys', 'isArray', 'Boolean', 'Number', 'isNaN', 'isFinite', 'parseInt', 'parseFloat', 'now', 'round', 'floor',
  'ceil', 'max', 'min', 'abs', 'hrtime', 'randomUUID', 'uuid', 'v4', 'nanoid', 'cuid', 'getTime', 'includes', 'has',
  'test', 'startsWith', 'endsWith', 'indexOf', 'some', 'every', 'filter', 'countBy', 'count', 'hasOwnProperty',
]);

const SANITIZER = /^(mask|redact|hash|sha\d*|md5|encrypt|anonymi[sz]e|tokeni[sz]e|scrub|pseudonymi[sz]e|obfuscate|censor|digest|hmac|createHash|createHmac|sanitize|truncateId|fingerprint)/i;

/** True when a callee name says the value leaves it masked, hashed, encrypted or redacted. */
export function isSanitizerName(name: string, configured: ReadonlySet<string>): boolean {
  return configured.has(name) || SANITIZER.test(name);
}

/** Identifier names that conventionally hold a logger. */
const LOGGER_NAME = /^(_?logger|_?log|log[A-Z]\w*|\w*Logger|\w*Log|logging|audit\w*|\w*Audit(Log)?)$/;
const SPAN_NAME = /^(span|\w*Span)$/;

// `null` for "no kind": the memo keeps only defined answers.
const kindByName = memoise((name: string) => guessKind(name) ?? null, 20_000);

/** A receiver kind guessed from an identifier or property name alone (names recur: answered once each). */
export function kindFromName(name: string): ReceiverKind | undefined {
  return kindByName(name) ?? undefined;
}

function guessKind(name: string): ReceiverKind | undefined {
  if (name === 'console') return 'console';
  if (name === 'process') return 'process';
  if (LOGGER_NAME.test(name)) return 'logger';
  if (/^sentry$/i.test(name)) return 'sentry';
  if (name === 'scope' || name === 'sentryScope') return 'sentry-scope';
  if (SPAN_NAME.test(name)) return 'span';
  if (/^(tracer|ddTracer)$/.test(name)) return 'tracer';
  if (/^(analytics|segment|mixpanel|amplitude|posthog|heap|rudder(analytics)?|datadogRum|dd(Rum)?)$/i.test(name)) return 'analytics';
  if (/^newrelic$/i.test(name)) return 'newrelic';
  if (/^(redis|\w*Redis|redis\w*|memcached?|memcache\w*|valkey)$/i.test(name)) return 'redis';
  if (/^stripe(Client)?$/i.test(name)) return 'stripe';
  if (/^(s3|s3Client|\w*S3)$/.test(name)) return 's3';
  if (/^(sqs|sqsClient)$/i.test(name)) return 'sqs';
  if (/^(axios|got|ky|superagent|needle|undici|http|https|httpClient|httpService|apiClient)$/.test(name)) return 'http';
  if (/^(req|request|ctx|context)$/.test(name)) return 'request';
  if (/^(res|reply|response)$/.test(name)) return 'response';
  if (/^(app|fastify|server|instance)$/.test(name)) return 'app';
  if (/^(\w*[qQ]ueue)$/.test(name)) return 'queue';
  if (/^octokit$/i.test(name)) return 'octokit';
  if (/^zendesk(Client)?$/i.test(name)) return 'zendesk';
  if (name === 'neon' || name === 'neonApi' || name === 'neonClient') return 'neon';
  if (/^(bucket|\w*Bucket)$/.test(name)) return 'gcs-bucket';
  return undefined;
}

/** The kind a module's default or namespace import has. */
export function kindOfModule(spec: string): ReceiverKind | undefined {
  if (LOGGER_MODULES.has(spec)) return 'logger-factory';
  if (spec === 'debug') return 'debug-factory';
  if (spec.startsWith('@sentry/')) return 'sentry';
  if (spec === 'newrelic') return 'newrelic';
  if (spec === 'dd-trace') return 'tracer';
  if (/^(@segment\/|analytics-node$|mixpanel|@amplitude\/|amplitude|posthog-|@datadog\/browser-rum|@rudderstack\/)/.test(spec)) return 'analytics';
  if (/^(ioredis|redis|@redis\/client|@upstash\/redis|memcached|memjs|iovalkey)$/.test(spec)) return 'redis';
  if (spec === 'stripe') return 'stripe';
  if (/^(axios|got|ky|superagent|needle|undici|node-fetch|cross-fetch|ofetch|http|https|node:http|node:https)$/.test(spec)) return 'http';
  if (/^(bullmq|bull|bee-queue)$/.test(spec)) return 'queue';
  if (/^(@octokit\/rest|octokit|@octokit\/core)$/.test(spec)) return 'octokit';
  if (/^(node-zendesk|zendesk-node-api|zendesk)$/.test(spec)) return 'zendesk';
  if (spec === '@neondatabase/api-client') return 'neon';
  if (spec === '@google-cloud/storage') return 'gcs';
  return undefined;
}

/** Named imports that are sink functions by themselves (`import { captureException } from '@sentry/node'`). */
export function kindOfNamedImport(spec: string, imported: string): ReceiverKind | undefined {
  if (spec.startsWith('@sentry/')) return 'sentry';
  if (/^@amplitude\//.test(spec) || /^@segment\//.test(spec) || /^posthog-/.test(spec)) return 'analytics';
  if (spec === '@nestjs/common' && imported === 'Logger') return 'logger';
  if (LOGGER_MODULES.has(spec)) return LOGGER_FACTORIES.has(imported) ? 'logger-factory' : 'logger';
  if (spec === '@opentelemetry/api' && imported === 'trace') return 'tracer';
  if (spec === '@neondatabase/api-client' && imported === 'createApiClient') return 'neon';
  if (/^(ioredis|redis|@redis\/client|@upstash\/redis)$/.test(spec)) return 'redis';
  if (/^(bullmq|bull)$/.test(spec) && (imported === 'Queue' || imported === 'FlowProducer')) return 'queue';
  if (spec === '@google-cloud/storage') return 'gcs';
  if (/^(axios|got|ky|undici)$/.test(spec)) return 'http';
  if (/^(@octokit\/rest|octokit)$/.test(spec)) return 'octokit';
  if (spec === '@nestjs/axios' && imported === 'HttpService') return 'http';
  return undefined;
}

/** Static property access keys that carry SQL text to run (for embedded SQL and DDL). */
export const SQL_CALLS = new Set([
  'query', 'raw', 'execute', 'exec', 'unsafe', '$executeRawUnsafe', '$queryRawUnsafe', '$executeRaw', '$queryRaw',
  'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'multi', 'whereRaw', 'joinRaw', 'schemaRaw',
]);

/** Names of tagged-template functions that hold SQL. */
export const SQL_TAGS = new Set(['sql', 'SQL', 'Prisma.sql', '$queryRaw', '$executeRaw', 'db.sql', 'sql.unsafe', 'raw', 'neon', 'postgres']);
