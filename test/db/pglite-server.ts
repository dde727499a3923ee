/** A real PostgreSQL (PGlite, compiled to WASM) served over the wire protocol on 127.0.0.1 and a free port. */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  db: PGlite;
  stop(): Promise<void>;
}

export async function startPglite(setupSql = ''): Promise<TestServer> {
  const db = await PGlite.create();
  if (setupSql) await db.exec(setupSql);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
  return {
    url: `postgres://postgres:s3cret-Pw-9137@127.0.0.1:${port}/postgres`,
    port,
    db,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
