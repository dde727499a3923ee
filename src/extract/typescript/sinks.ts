/** Sink calls: logs, telemetry, error messages and bodies, third-party and infrastructure metadata. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, isBinaryExpression, isCallExpression, isIdentifier, isNewExpression, isPropertyAccessExpression, isTemplateExpression } from './tsapi.js';
import type { Evidence, SinkCallFact, SinkKind } from '../../core/facts.js';
import { currentClass, spanOf, type WalkContext } from './context.js';
import { evidenceOf, staticText } from './evidence.js';
import { kindOf } from './kinds.js';
import {
  ANALYTICS_METHODS,
  CONSOLE_METHODS,
  HTTP_BODY_METHODS,
  HTTP_METHODS,
  IDENTIFY_METHODS,
  LOG_METHODS,
  NEWRELIC_METHODS,
  REDIS_KEY_METHODS,
  SENTRY_METHODS,
  SPAN_METHODS,
} from './names.js';
import { asObjectLiteral, calleeName, chainOf, labelOf, numberOf, propertyNameText, propertyValue, unwrap } from './paths.js';

function emit(ctx: WalkContext, node: ts.Node, sink: SinkKind, callee: string, evidence: Evidence[], identifiesUser = false): void {
  if (evidence.length === 0) return;
  const fact: SinkCallFact = { kind: 'sink-call', source: 'typescript', span: spanOf(ctx, node), sink, callee, evidence };
  if (identifiesUser) fact.identifiesUser = true;
  ctx.facts.push(fact);
}

function argsEvidence(args: readonly ts.Expression[], ctx: WalkContext): Evidence[] {
  const out: Evidence[] = [];
  for (const a of args) out.push(...evidenceOf(a, ctx));
  return out;
}

/** One fact per listed property of an object literal: `{ Key: ..., Metadata: ... }`. */
function propertySinks(
  ctx: WalkContext,
  obj: ts.ObjectLiteralExpression | undefined,
  labels: Record<string, string>,
  sink: SinkKind,
  evidenceFor: (value: ts.Expression) => Evidence[] = (v) => evidenceOf(v, ctx),
): void {
  if (!obj) return;
  for (const p of obj.properties) {
    const key = propertyNameText(p.name);
    if (!key) continue;
    const label = Object.hasOwn(labels, key) ? labels[key] : undefined;
    const value = propertyValue(p);
    if (label && value) emit(ctx, p, sink, label, evidenceFor(value));
  }
}

/** Evidence of a URL: only what is interpolated or concatenated into it, never the base. */
export function urlEvidence(expr: ts.Expression, ctx: WalkContext): Evidence[] {
  const e = unwrap(expr);
  if (isIdentifier(e)) {
    const b = ctx.scope.lookup(e.text);
    return b?.built && b.evidence ? b.evidence.filter((ev) => ev.kind !== 'text' && !isUrlBase(ev)) : [];
  }
  if (isTemplateExpression(e) || (isBinaryExpression(e) && e.operatorToken.kind === SK.PlusToken)) {
    return evidenceOf(e, ctx).filter((ev) => ev.kind !== 'text' && !isUrlBase(ev));
  }
  return [];
}

const URL_BASE = /(url|uri|base|host|origin|endpoint|api|domain|server|path|prefix|bucket|region|env)$/i;
function isUrlBase(ev: Evidence): boolean {
  if (ev.kind === 'text') return false;
  const last = ev.path.slice(ev.path.lastIndexOf('.') + 1);
  return URL_BASE.test(last) || /^[A-Z0-9_]+$/.test(last);
}

/** Header objects and query-parameter objects: values and keys. */
function headerEvidence(expr: ts.Expression, ctx: WalkContext): Evidence[] {
  return evidenceOf(expr, ctx).filter((ev) => ev.kind !== 'text' || !/^(application\/|text\/|multipart\/|Bearer |Basic )/.test(ev.text));
}

const HTTP_CONFIG_SINKS: Record<string, string> = {
  headers: 'HTTP header',
  params: 'URL query string',
  searchParams: 'URL query string',
  query: 'URL query string',
  qs: 'URL query string',
};

function httpConfig(ctx: WalkContext, config: ts.Expression | undefined): void {
  const obj = asObjectLiteral(config);
  if (!obj) return;
  propertySinks(ctx, obj, HTTP_CONFIG_SINKS, 'metadata', (v) => headerEvidence(v, ctx));
  const url = propertyValue(obj.properties.find((p) => propertyNameText(p.name) === 'url'));
  if (url) emit(ctx, url, 'metadata', 'HTTP request URL', urlEvidence(url, ctx));
}

const TICKET_FIELDS: Record<string, string> = {
  subject: 'helpdesk ticket subject',
  title: 'issue title',
  tags: 'ticket tags',
  labels: 'issue labels',
  body: 'issue body',
  description: 'ticket description',
  comment: 'ticket comment',
  custom_fields: 'ticket custom fields',
  summary: 'issue summary',
};

const HELPDESK_URL = /zendesk|freshdesk|helpscout|intercom|atlassian|jira|\/tickets?\b|\/issues\b|servicenow|linear\.app/i;

/** `fetch(url, init)`: URL, headers and (for helpdesk endpoints) the ticket payload. */
function fetchLike(call: ts.CallExpression, ctx: WalkContext, label: string): void {
  const [url, init] = call.arguments;
  if (url) emit(ctx, url, 'metadata', `${label} URL`, urlEvidence(url, ctx));
  const obj = asObjectLiteral(init);
  if (!obj) return;
  propertySinks(ctx, obj, { headers: 'HTTP header' }, 'metadata', (v) => headerEvidence(v, ctx));
  if (url && HELPDESK_URL.test(staticText(url, ctx))) {
    const body = propertyValue(obj.properties.find((p) => propertyNameText(p.name) === 'body'));
    const payload = body ? stringifiedObject(body) : undefined;
    if (payload) ticketPayload(ctx, payload);
  }
}

function stringifiedObject(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = unwrap(expr);
  if (isCallExpression(e) && calleeName(e.expression) === 'stringify') return asObjectLiteral(e.arguments[0]);
  return asObjectLiteral(e);
}

function ticketPayload(ctx: WalkContext, obj: ts.ObjectLiteralExpression): void {
  for (const p of obj.properties) {
    const key = propertyNameText(p.name);
    const value = propertyValue(p);
    if (!key || !value) continue;
    if ((key === 'ticket' || key === 'issue' || key === 'fields' || key === 'request') && asObjectLiteral(value)) {
      ticketPayload(ctx, asObjectLiteral(value) as ts.ObjectLiteralExpression);
    } else if (Object.hasOwn(TICKET_FIELDS, key)) {
      emit(ctx, p, 'ticket', TICKET_FIELDS[key] as string, evidenceOf(value, ctx));
    }
  }
}

const S3_FIELDS: Record<string, string> = {
  Key: 'S3 object key',
  CopySource: 'S3 object key',
  Metadata: 'S3 user metadata',
  Tagging: 'S3 object tags',
  ContentDisposition: 'S3 Content-Disposition',
};
const SQS_FIELDS: Record<string, string> = {
  MessageAttributes: 'SQS message attributes',
  MessageGroupId: 'SQS message group id',
  MessageDeduplicationId: 'SQS deduplication id',
};
const STRIPE_FIELDS: Record<string, string> = {
  metadata: 'Stripe metadata',
  description: 'Stripe description',
  statement_descriptor: 'Stripe statement descriptor',
  statement_descriptor_suffix: 'Stripe statement descriptor',
};

const S3_METHODS: ReadonlySet<string> = new Set(['putObject', 'upload', 'copyObject', 'createMultipartUpload', 'getObject', 'headObject', 'deleteObject']);

const ERROR_CLASS = /(Error|Exception|Fault)$/;
const HTTP_ERROR_BODY_KEYS = new Set(['error', 'message', 'detail', 'details', 'reason', 'errors', 'title']);

/** `new X(...)`: errors, S3 and SQS commands, URLs, error responses. */
export function visitNew(node: ts.NewExpression, ctx: WalkContext): void {
  const name = calleeName(node.expression);
  if (!name) return;
  const args = node.arguments ?? [];
  if (ERROR_CLASS.test(name)) {
    if (!ctx.handled.has(node)) emit(ctx, node, 'error', `new ${name}`, argsEvidence(args, ctx));
    return;
  }
  if (/ObjectCommand$|^CreateMultipartUploadCommand$|^UploadPartCommand$/.test(name)) {
    propertySinks(ctx, asObjectLiteral(args[0]), S3_FIELDS, 'metadata', (v) => metadataEvidence(v, ctx));
    return;
  }
  if (name === 'Upload') {
    const params = propertyValue(asObjectLiteral(args[0])?.properties.find((p) => propertyNameText(p.name) === 'params'));
    propertySinks(ctx, asObjectLiteral(params), S3_FIELDS, 'metadata', (v) => metadataEvidence(v, ctx));
    return;
  }
  if (/^SendMessage(Batch)?Command$/.test(name)) {
    propertySinks(ctx, asObjectLiteral(args[0]), SQS_FIELDS, 'metadata', (v) => metadataEvidence(v, ctx));
    return;
  }
  if (name === 'URL' && args[0]) {
    emit(ctx, node, 'metadata', 'URL', urlEvidence(args[0], ctx));
    return;
  }
  if (name === 'URLSearchParams' && args[0]) {
    emit(ctx, node, 'metadata', 'URL query string', evidenceOf(args[0], ctx).filter((e) => e.kind !== 'text'));
    return;
  }
  if ((name === 'Response' || name === 'NextResponse') && args.length >= 2 && isErrorStatusInit(args[1])) {
    emit(ctx, node, 'error', `new ${name}`, evidenceOf(args[0] as ts.Expression, ctx));
  }
}

/** Metadata values: keys and values of objects, interpolations of strings; static text is searched too. */
function metadataEvidence(v: ts.Expression, ctx: WalkContext): Evidence[] {
  return evidenceOf(v, ctx).filter((e) => e.kind !== 'text' || !/^[\w./:=&-]*$/.test(e.text));
}

function isErrorStatusInit(init: ts.Expression | undefined): boolean {
  const obj = asObjectLiteral(init);
  if (!obj) return false;
  const status = propertyValue(obj.properties.find((p) => propertyNameText(p.name) === 'status'));
  const n = numberOf(status);
  return n !== undefined && n >= 400;
}

export function visitThrow(node: ts.ThrowStatement, ctx: WalkContext): void {
  const e = unwrap(node.expression);
  if (isNewExpression(e)) {
    ctx.handled.add(e);
    const name = calleeName(e.expression) ?? 'Error';
    emit(ctx, e, 'error', `throw new ${name}`, argsEvidence(e.arguments ?? [], ctx));
    return;
  }
  if (isCallExpression(e)) {
    emit(ctx, e, 'error', `throw ${labelOf(e.expression)}`, argsEvidence(e.arguments, ctx));
    return;
  }
  if (isIdentifier(e) || isPropertyAccessExpression(e)) return; // rethrowing an error object
  emit(ctx, e, 'error', 'throw', evidenceOf(e, ctx));
}

const STRIPE_METHOD = /^(create|update|confirm|capture|finalizeInvoice|sendInvoice|pay)/;
/**
 * Every method name `visitCall` reads, whatever the receiver (the sets and names of its cases
 * below, and `json`/`write` after them). The create/update methods of Octokit, Zendesk and Neon
 * fall under STRIPE_METHOD's prefixes, which are checked beside this set.
 */
const SINK_METHODS: ReadonlySet<string> = new Set([
  ...LOG_METHODS, ...CONSOLE_METHODS, ...SENTRY_METHODS, ...SPAN_METHODS, ...ANALYTICS_METHODS, ...NEWRELIC_METHODS,
  ...REDIS_KEY_METHODS, ...HTTP_METHODS, ...S3_METHODS,
  'setStatus', 'setUser', 'setTag', 'set', 'append', 'json', 'send', 'end', 'jsonp', 'add', 'file', 'upload', 'setMetadata',
  'save', 'sendMessage', 'throw', 'write',
]);

/** Every call expression: sinks by receiver kind, then by callee name. */
export function visitCall(call: ts.CallExpression, ctx: WalkContext): void {
  const callee = unwrap(call.expression);
  if (callee.kind === SK.SuperKeyword) {
    if (currentClass(ctx)?.isError) emit(ctx, call, 'error', 'super (error message)', argsEvidence(call.arguments, ctx));
    return;
  }
  if (isIdentifier(callee)) {
    identifierCall(call, callee, ctx);
    return;
  }
  if (!isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  // Most method calls (`map`, `findMany`, `push`) are no sink whatever their receiver: skip
  // resolving the receiver for them. Configured log sinks may be any name.
  if (ctx.logSinks.size === 0 && !SINK_METHODS.has(method) && !STRIPE_METHOD.test(method)) return;
  const recvKind = kindOf(callee.expression, ctx);
  const label = labelOf(callee);
  const args = call.arguments;
  switch (recvKind) {
    case 'logger':
      if (LOG_METHODS.has(method)) emit(ctx, call, 'log', label, argsEvidence(args, ctx));
      return;
    case 'console':
      if (CONSOLE_METHODS.has(method)) emit(ctx, call, 'log', label, argsEvidence(args, ctx));
      return;
    case 'sentry':
    case 'sentry-scope':
      if (SENTRY_METHODS.has(method)) emit(ctx, call, 'telemetry', label, argsEvidence(args, ctx), IDENTIFY_METHODS.has(method));
      return;
    case 'span':
      if (SPAN_METHODS.has(method) || method === 'setStatus') emit(ctx, call, 'telemetry', label, argsEvidence(args, ctx));
      return;
    case 'analytics':
      if (ANALYTICS_METHODS.has(method)) emit(ctx, call, 'telemetry', label, argsEvidence(args, ctx), IDENTIFY_METHODS.has(method) || method === 'set');
      return;
    case 'newrelic':
      if (NEWRELIC_METHODS.has(method)) emit(ctx, call, 'telemetry', label, argsEvidence(args, ctx));
      return;
    case 'tracer':
      if (method === 'setUser' || method === 'setTag') emit(ctx, call, 'telemetry', label, argsEvidence(args, ctx), method === 'setUser');
      return;
    case 'redis':
      if (REDIS_KEY_METHODS.has(method) && args[0]) {
        const keys = method === 'del' || method === 'unlink' || method === 'exists' ? args : [args[0]];
        emit(ctx, call, 'metadata', 'Redis key', keys.flatMap((k) => keyEvidence(k, ctx)));
      }
      return;
    case 'stripe':
      if (STRIPE_METHOD.test(method)) {
        for (const a of args) propertySinks(ctx, asObjectLiteral(a), STRIPE_FIELDS, 'metadata');
      }
      return;
    case 'http':
      if (HTTP_METHODS.has(method) && args[0]) {
        if (method === 'request' && asObjectLiteral(args[0])) {
          httpConfig(ctx, args[0]);
          return;
        }
        emit(ctx, args[0], 'metadata', `${label} URL`, urlEvidence(args[0], ctx));
        httpConfig(ctx, HTTP_BODY_METHODS.has(method) ? args[2] : args[1]);
      }
      return;
    case 'url':
      if ((method === 'set' || method === 'append') && args[1]) emit(ctx, call, 'metadata', 'URL query string', evidenceOf(args[1], ctx).filter((e) => e.kind !== 'text'));
      return;
    case 'response-status':
      responseBody(call, callee, method, ctx);
      return;
    case 'queue':
      if (method === 'add' && args[0]) {
        emit(ctx, args[0], 'metadata', 'job name', keyEvidence(args[0], ctx));
        const opts = asObjectLiteral(args[2]);
        propertySinks(ctx, opts, { jobId: 'job id' }, 'metadata', (v) => keyEvidence(v, ctx));
      }
      return;
    case 'octokit':
      if (/^(create|update|createComment)$/.test(method) && chainOf(callee)?.includes('issues')) {
        const payload = asObjectLiteral(args[0]);
        if (payload) ticketPayload(ctx, payload);
      }
      return;
    case 'zendesk':
      if (/^(create|update)$/.test(method)) for (const a of args) { const o = asObjectLiteral(a); if (o) ticketPayload(ctx, o); }
      return;
    case 'neon':
      if (/^(create|update)Project(Branch)?$/.test(method)) for (const a of args) resourceNames(ctx, asObjectLiteral(a), 0);
      return;
    case 'gcs-bucket':
      if (method === 'file' && args[0]) emit(ctx, args[0], 'metadata', 'object storage key', keyEvidence(args[0], ctx));
      if (method === 'upload') {
        const opts = asObjectLiteral(args[1]);
        propertySinks(ctx, opts, { destination: 'object storage key', metadata: 'object storage metadata' }, 'metadata', (v) => metadataEvidence(v, ctx));
      }
      return;
    case 'gcs-file':
      if (method === 'setMetadata' || method === 'save') for (const a of args) propertySinks(ctx, asObjectLiteral(a), { metadata: 'object storage metadata' }, 'metadata');
      return;
    case 's3':
      if (S3_METHODS.has(method)) {
        propertySinks(ctx, asObjectLiteral(args[0]), S3_FIELDS, 'metadata', (v) => metadataEvidence(v, ctx));
      }
      return;
    case 'sqs':
      if (method === 'sendMessage') propertySinks(ctx, asObjectLiteral(args[0]), SQS_FIELDS, 'metadata', (v) => metadataEvidence(v, ctx));
      return;
    case 'request':
      if (method === 'throw' && args.length > 0) emit(ctx, call, 'error', label, argsEvidence(args.slice(1), ctx));
      return;
    default:
      break;
  }
  if (ctx.logSinks.has(label) || ctx.logSinks.has(method)) {
    emit(ctx, call, 'log', label, argsEvidence(args, ctx));
    return;
  }
  // `NextResponse.json(body, { status: 422 })`, `Response.json(...)`
  if (method === 'json' && isIdentifier(callee.expression) && /^(NextResponse|Response)$/.test(callee.expression.text)) {
    if (args[0] && isErrorStatusInit(args[1])) emit(ctx, call, 'error', label, evidenceOf(args[0], ctx));
    return;
  }
  if (method === 'write' && recvKind === undefined) {
    const chain = chainOf(callee.expression);
    if (chain && chain[0] === 'process' && (chain[1] === 'stdout' || chain[1] === 'stderr')) emit(ctx, call, 'log', label, argsEvidence(args, ctx));
  }
}

/** The key of a cache, a queue job or an object: interpolations and concatenated values. */
function keyEvidence(expr: ts.Expression, ctx: WalkContext): Evidence[] {
  return evidenceOf(expr, ctx).filter((e) => e.kind !== 'text' || !/^[\w:./-]*$/.test(e.text));
}

/** Resource `name`s in infrastructure requests (`{ branch: { name } }`). */
function resourceNames(ctx: WalkContext, obj: ts.ObjectLiteralExpression | undefined, depth: number): void {
  if (!obj || depth > 2) return;
  for (const p of obj.properties) {
    const key = propertyNameText(p.name);
    const value = propertyValue(p);
    if (!key || !value) continue;
    if (key === 'name' || key === 'tags' || key === 'labels') emit(ctx, p, 'metadata', `resource ${key}`, keyEvidence(value, ctx));
    else if (asObjectLiteral(value)) resourceNames(ctx, asObjectLiteral(value), depth + 1);
  }
}

/** `res.status(409).json({...})`, `reply.code(404).send(...)`. */
function responseBody(call: ts.CallExpression, callee: ts.PropertyAccessExpression, method: string, ctx: WalkContext): void {
  if (method !== 'json' && method !== 'send' && method !== 'end' && method !== 'jsonp') return;
  const body = call.arguments[0];
  if (!body) return;
  const statusCall = unwrap(callee.expression);
  const status = isCallExpression(statusCall) ? numberOf(statusCall.arguments[0]) : undefined;
  if (status !== undefined && status < 400) return;
  if (status === undefined) {
    const obj = asObjectLiteral(body);
    const hasErrorKey = obj?.properties.some((p) => HTTP_ERROR_BODY_KEYS.has(propertyNameText(p.name) ?? ''));
    if (!hasErrorKey) return;
  }
  emit(ctx, call, 'error', `${labelOf(callee)} (HTTP error body)`, evidenceOf(body, ctx));
}

function identifierCall(call: ts.CallExpression, callee: ts.Identifier, ctx: WalkContext): void {
  const name = callee.text;
  const b = ctx.scope.lookup(name);
  const args = call.arguments;
  if (ctx.logSinks.has(name)) {
    emit(ctx, call, 'log', name, argsEvidence(args, ctx));
    return;
  }
  if (b?.kind === 'debug-fn') {
    emit(ctx, call, 'log', name, argsEvidence(args, ctx));
    return;
  }
  if (b?.kind === 'sentry' && b.imported && SENTRY_METHODS.has(b.imported)) {
    emit(ctx, call, 'telemetry', `Sentry.${b.imported}`, argsEvidence(args, ctx), IDENTIFY_METHODS.has(b.imported));
    return;
  }
  if (b?.kind === 'analytics' && b.imported && ANALYTICS_METHODS.has(b.imported)) {
    emit(ctx, call, 'telemetry', b.imported, argsEvidence(args, ctx), IDENTIFY_METHODS.has(b.imported));
    return;
  }
  if (b?.kind === 'http' || (!b && (name === 'fetch' || name === 'got' || name === 'ky' || name === 'axios' || name === '$fetch' || name === 'ofetch'))) {
    if (args[0] && asObjectLiteral(args[0])) httpConfig(ctx, args[0]);
    else fetchLike(call, ctx, name);
    return;
  }
  if (b?.kind === 'logger' && b.imported && LOG_METHODS.has(b.imported)) {
    emit(ctx, call, 'log', name, argsEvidence(args, ctx));
    return;
  }
  if (!b && name === 'next' && args[0]) {
    // next(err) with an error built elsewhere is judged where it was built
    return;
  }
}
