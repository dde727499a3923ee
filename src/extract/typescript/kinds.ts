/** Resolves what an expression refers to (a logger, a Sentry scope, a Redis client, ...). */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, isCallExpression, isIdentifier, isNewExpression, isPropertyAccessExpression, isStringLiteralLike } from './tsapi.js';
import { currentClass, type WalkContext } from './context.js';
import {
  kindFromName,
  kindOfModule,
  LOGGER_FACTORIES,
  SENTRY_SCOPE_GETTERS,
  SPAN_GETTERS,
  type ReceiverKind,
} from './names.js';
import { calleeName, unwrap } from './paths.js';

/** Kinds that pass to their members: `stripe.customers`, `octokit.rest.issues`, `mixpanel.people`. */
const CONTAINER_KINDS = new Set<ReceiverKind>(['stripe', 'octokit', 'zendesk', 'analytics', 'neon', 'http', 'newrelic']);

const NEW_BY_NAME: Record<string, ReceiverKind> = {
  Logger: 'logger',
  S3Client: 's3',
  S3: 's3',
  SQSClient: 'sqs',
  SQS: 'sqs',
  URL: 'url',
  Redis: 'redis',
  IORedis: 'redis',
  Memcached: 'redis',
  Queue: 'queue',
  Stripe: 'stripe',
  Octokit: 'octokit',
  Analytics: 'analytics',
  PostHog: 'analytics',
  Mixpanel: 'analytics',
  Storage: 'gcs',
};

export function kindOf(expr: ts.Expression, ctx: WalkContext, depth = 0): ReceiverKind | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (isIdentifier(e)) {
    const b = ctx.scope.lookup(e.text);
    if (b) {
      if (b.kind) return b.kind;
      if (b.evidence !== undefined && !b.built) return kindFromName(e.text) === 'logger' ? 'logger' : undefined;
    }
    return kindFromName(e.text);
  }
  if (isPropertyAccessExpression(e)) return memberKind(e, ctx, depth);
  if (isCallExpression(e)) return callResultKind(e, ctx, depth);
  if (isNewExpression(e)) return newKind(e, ctx);
  return undefined;
}

function memberKind(e: ts.PropertyAccessExpression, ctx: WalkContext, depth: number): ReceiverKind | undefined {
  const name = e.name.text;
  const base = unwrap(e.expression);
  if (base.kind === SK.ThisKeyword) {
    const field = currentClass(ctx)?.fields.get(name);
    if (field?.kind) return field.kind;
    return kindFromName(name);
  }
  const baseKind = kindOf(base, ctx, depth + 1);
  if (name === 'log' || name === 'logger') return 'logger';
  if (baseKind === 'process') {
    if (name === 'stdout' || name === 'stderr') return 'logger';
    return undefined;
  }
  if (name === 'searchParams') return 'url';
  if (baseKind && CONTAINER_KINDS.has(baseKind)) return baseKind;
  if (baseKind === 'request' && (name === 'request' || name === 'req')) return 'request';
  if (baseKind === 'response' && (name === 'response' || name === 'res')) return 'response';
  if (baseKind === 'sentry' || baseKind === 'redis' || baseKind === 'logger' || baseKind === 'console') return undefined;
  const byName = kindFromName(name);
  return byName === 'app' || byName === 'process' ? undefined : byName;
}

function callResultKind(e: ts.CallExpression, ctx: WalkContext, depth: number): ReceiverKind | undefined {
  const callee = unwrap(e.expression);
  const name = calleeName(callee);
  if (isIdentifier(callee)) {
    if (callee.text === 'require') {
      const arg = e.arguments[0];
      return arg && isStringLiteralLike(arg) ? kindOfModule(arg.text) : undefined;
    }
    const b = ctx.scope.lookup(callee.text);
    const k = b?.kind;
    if (k === 'logger-factory') return 'logger';
    if (k === 'debug-factory') return 'debug-fn';
    if (k === 'sentry' && name && SENTRY_SCOPE_GETTERS.has(name)) return 'sentry-scope';
    if (k === 'neon' || k === 'redis' || k === 'http' || k === 'stripe' || k === 'analytics') return k;
    if (k === 'tracer' && name && SPAN_GETTERS.has(name)) return 'span';
    if (!b && (callee.text === 'pino' || callee.text === 'bunyan')) return 'logger';
    return undefined;
  }
  if (!isPropertyAccessExpression(callee) || !name) return undefined;
  const recv = kindOf(callee.expression, ctx, depth + 1);
  switch (recv) {
    case 'logger':
    case 'logger-factory':
      return LOGGER_FACTORIES.has(name) ? 'logger' : undefined;
    case 'sentry':
      return SENTRY_SCOPE_GETTERS.has(name) ? 'sentry-scope' : undefined;
    case 'tracer':
      if (SPAN_GETTERS.has(name)) return 'span';
      return name === 'getTracer' || name === 'scope' ? 'tracer' : undefined;
    case 'span':
      return name === 'startChild' ? 'span' : undefined;
    case 'response':
      return name === 'status' || name === 'code' ? 'response-status' : undefined;
    case 'response-status':
      return name === 'type' || name === 'header' || name === 'set' ? 'response-status' : undefined;
    case 'gcs':
      return name === 'bucket' ? 'gcs-bucket' : undefined;
    case 'gcs-bucket':
      return name === 'file' ? 'gcs-file' : undefined;
    case 'analytics':
      return name === 'init' || name === 'load' || name === 'getInstance' || name === 'create' ? 'analytics' : undefined;
    case 'redis':
      return name === 'duplicate' || name === 'multi' || name === 'pipeline' ? 'redis' : undefined;
    default:
      return undefined;
  }
}

function newKind(e: ts.NewExpression, ctx: WalkContext): ReceiverKind | undefined {
  const ctor = unwrap(e.expression);
  if (isIdentifier(ctor)) {
    const b = ctx.scope.lookup(ctor.text);
    if (b?.kind === 'logger' || b?.kind === 'logger-factory') return 'logger';
    if (b?.kind && b.kind !== 'http') return b.kind;
  }
  const name = calleeName(ctor);
  return name ? NEW_BY_NAME[name] : undefined;
}
