/**
 * A connection string read as libpq reads it: `postgres://user:password@host:port/db?sslmode=...`.
 * Produces the `pg` client settings, a masked display name and the secrets to keep out of output.
 */
import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { ConnectionOptions } from 'node:tls';
import { DbError } from './errors.js';

export interface ConnectionTarget {
  /** Host, port, user, password, database and TLS for `pg` (timeouts are added when connecting). */
  client: ClientConfig;
  /** `postgres://host:port/db` with the database name masked; never the user or password. */
  display: string;
  /** Try TLS first and fall back to plain text when the server has none (`sslmode=prefer`). */
  tlsFallback: boolean;
  /** `connect_timeout` from the URL, in seconds. */
  connectTimeoutSeconds?: number;
  /** Strings that must never be printed: the password, in every spelling it was given. */
  secrets: string[];
}

const SCHEMES = new Set(['postgres:', 'postgresql:']);
const USAGE = 'expected postgres://user:password@host:port/database?sslmode=require (percent-encode special characters in the password)';

/** `maskName` masks PHI inside an identifier (a database named after a patient). */
export function parseConnectionString(raw: string, maskName: (identifier: string) => string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DbError(`the connection string is not a valid URL: ${USAGE}`);
  }
  if (!SCHEMES.has(url.protocol)) throw new DbError(`the connection string must start with postgres:// or postgresql://: ${USAGE}`);

  const params = url.searchParams;
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw new DbError(`the connection string has a malformed percent-escape: ${USAGE}`);
    }
  };
  const host = params.get('host') || url.hostname.replace(/^\[(.*)\]$/, '$1') || undefined;
  const portText = params.get('port') || url.port;
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new DbError(`the port in the connection string is not a number: ${USAGE}`);
  const user = (url.username ? decode(url.username) : params.get('user')) || undefined;
  const password = (url.password ? decode(url.password) : params.get('password')) ?? undefined;
  const database = (url.pathname.length > 1 ? decode(url.pathname.slice(1)) : params.get('dbname')) || undefined;
  const sslmode = (params.get('sslmode') ?? process.env.PGSSLMODE ?? 'disable').toLowerCase();

  const client: ClientConfig = {
    host,
    port,
    user,
    password: password || undefined,
    database,
    ssl: tlsOptions(sslmode, params),
    application_name: params.get('application_name') ?? 'phi-scan',
    ...(params.get('options') ? { options: params.get('options')! } : {}),
  };
  const connectTimeout = Number(params.get('connect_timeout'));
  const secrets = [password, url.password, params.get('password'), process.env.PGPASSWORD].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  const shownHost = host?.includes(':') ? `[${host}]` : (host ?? 'localhost');
  return {
    client,
    display: `postgres://${shownHost}${port ? `:${port}` : ''}/${maskName(database ?? user ?? '')}`,
    tlsFallback: sslmode === 'prefer' || sslmode === 'allow',
    ...(connectTimeout > 0 ? { connectTimeoutSeconds: connectTimeout } : {}),
    secrets: [...new Set(secrets)].sort((a, b) => b.length - a.length),
  };
}

/** TLS as libpq's `sslmode` means it; `no-verify` is the `pg` spelling of require-without-checks. */
function tlsOptions(sslmode: string, params: URLSearchParams): false | ConnectionOptions {
  const files = certificateFiles(params);
  switch (sslmode) {
    case 'disable':
      return false;
    case 'allow':
    case 'prefer':
    case 'no-verify':
      return { ...files, rejectUnauthorized: false };
    case 'require':
      // libpq: with a root certificate, require behaves as verify-ca; without, it encrypts only
      return files.ca ? { ...files, checkServerIdentity: () => undefined } : { ...files, rejectUnauthorized: false };
    case 'verify-ca':
      if (!files.ca) throw new DbError('sslmode=verify-ca needs sslrootcert=<file with the CA certificate> (or use sslmode=verify-full)');
      return { ...files, checkServerIdentity: () => undefined };
    case 'verify-full':
      return files;
    default:
      throw new DbError(`unknown sslmode "${sslmode}": use disable, prefer, require, verify-ca or verify-full`);
  }
}

function certificateFiles(params: URLSearchParams): ConnectionOptions {
  const read = (key: string): string | undefined => {
    const path = params.get(key);
    if (!path || (key === 'sslrootcert' && path === 'system')) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new DbError(`cannot read ${key} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
  };
  const ca = read('sslrootcert');
  const cert = read('sslcert');
  const key = read('sslkey');
  return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

/** Removes every secret from a message (a driver error may echo the connection string). */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) out = out.split(secret).join('****');
  return out;
}
