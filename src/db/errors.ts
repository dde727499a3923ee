/** Connection and catalog errors as one clear line, with the password and PHI kept out. */

/** A database problem the user can fix (unreachable host, credentials, privileges): exit code 2. */
export class DbError extends Error {
  override readonly name = 'DbError';
}

export interface ErrorContext {
  /** The masked `postgres://host:port/db`. */
  display: string;
  /** The masked user name, when the connection string gives one. */
  user?: string;
  connectTimeoutSeconds: number;
  statementTimeoutSeconds: number;
  /** Removes secrets and masks PHI values in text that came from the server or driver. */
  clean(text: string): string;
}

interface ErrorLike {
  code?: string;
  message?: string;
  errors?: ErrorLike[];
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running, and are the host and port right?)',
  ENOTFOUND: 'host not found (check the host name)',
  EAI_AGAIN: 'host name lookup failed (check the host name and the network)',
  EHOSTUNREACH: 'host unreachable (check the network)',
  ENETUNREACH: 'network unreachable (check the network)',
  ECONNRESET: 'the server closed the connection',
  EPIPE: 'the server closed the connection',
};

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** SQLSTATE classes and codes the user can act on. */
const BY_SQLSTATE: Record<string, (c: ErrorContext, serverText: string) => string> = {
  '28P01': (c) => `cannot log in to ${c.display}: password authentication failed${forUser(c)} (check the user and password)`,
  '28000': (c, text) => `cannot log in to ${c.display}: ${text}`,
  '3D000': (c) => `cannot connect to ${c.display}: the database does not exist (check the database name in the connection string)`,
  '42501': (c, text) =>
    `cannot read the catalog of ${c.display}: ${text} (the role needs read access to pg_catalog; a read-only role is enough)`,
  '57014': (c) =>
    `a catalog query on ${c.display} took longer than ${c.statementTimeoutSeconds} s and was cancelled (raise --statement-timeout)`,
  '53300': (c) => `cannot connect to ${c.display}: too many connections (try again later)`,
  '57P03': (c) => `cannot connect to ${c.display}: the server is starting up or shutting down (try again later)`,
};

export function describeDbError(error: unknown, context: ErrorContext): string {
  if (error instanceof DbError) return context.clean(error.message);
  const e = (error ?? {}) as ErrorLike;
  const code = e.code ?? e.errors?.find((inner) => inner.code)?.code;
  const text = context.clean(oneLine(e.message ?? String(error)));
  const known = code ? BY_SQLSTATE[code] : undefined;
  if (known) return known(context, text);
  if (code && UNREACHABLE[code]) return `cannot reach ${context.display}: ${UNREACHABLE[code]}`;
  if (/query read timeout/i.test(text)) return BY_SQLSTATE['57014']!(context, text);
  if (code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return `cannot reach ${context.display}: no answer within ${context.connectTimeoutSeconds} s (check the host and the network, or raise --connect-timeout)`;
  }
  if (code && CERTIFICATE_CODES.has(code)) {
    return `cannot connect to ${context.display}: the server's TLS certificate was not accepted (${text}); use sslmode=verify-full with sslrootcert=<CA file>, or sslmode=require to encrypt without verifying`;
  }
  if (/does not support SSL/i.test(text)) {
    return `cannot connect to ${context.display}: the server does not support TLS, but the connection string asks for it (sslmode)`;
  }
  return `database error on ${context.display}: ${text}${code ? ` (${code})` : ''}`;
}

function forUser(context: ErrorContext): string {
  return context.user ? ` for user "${context.user}"` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
