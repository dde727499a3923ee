/** A read-only session: connect (with timeouts), BEGIN READ ONLY, statement timeout, always roll back. */
import pg from 'pg';
import type { ConnectionTarget } from './target.js';

export interface SessionTimeouts {
  connectTimeoutSeconds: number;
  statementTimeoutSeconds: number;
}

export type Queryable = Pick<pg.Client, 'query'>;

export async function withReadOnlySession<T>(
  target: ConnectionTarget,
  timeouts: SessionTimeouts,
  work: (client: Queryable) => Promise<T>,
): Promise<T> {
  const client = await connect(target, timeouts);
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.round(timeouts.statementTimeoutSeconds * 1000)}`);
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

async function connect(target: ConnectionTarget, timeouts: SessionTimeouts): Promise<pg.Client> {
  try {
    return await open(target.client, timeouts);
  } catch (error) {
    const noTls = /does not support SSL/i.test((error as Error)?.message ?? '');
    if (!(target.tlsFallback && noTls)) throw error;
    return open({ ...target.client, ssl: false }, timeouts);
  }
}

async function open(config: pg.ClientConfig, timeouts: SessionTimeouts): Promise<pg.Client> {
  const client = new pg.Client({
    ...config,
    connectionTimeoutMillis: Math.round(timeouts.connectTimeoutSeconds * 1000),
    // a client-side guard for servers that do not enforce statement_timeout
    query_timeout: Math.round((timeouts.statementTimeoutSeconds + 5) * 1000),
  });
  // A dropped connection also rejects the pending query; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}
