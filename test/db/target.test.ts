import { describe, expect, it } from 'vitest';
import { DbError } from '../../src/db/errors.js';
import { parseConnectionString, redact } from '../../src/db/target.js';

const keep = (name: string) => name;
const star = (name: string) => name.replace(/[a-z]/gi, '*');

describe('parseConnectionString', () => {
  it('reads a Neon URL: TLS without the libpq "require" certificate check, password kept out of the display', () => {
    const t = parseConnectionString('postgresql://app_owner:pa%40ss-Word@ep-quiet-cell-a1b2.us-east-2.aws.neon.tech/clinic?sslmode=require', keep);
    expect(t.client).toMatchObject({ host: 'ep-quiet-cell-a1b2.us-east-2.aws.neon.tech', user: 'app_owner', password: 'pa@ss-Word', database: 'clinic', ssl: { rejectUnauthorized: false } });
    expect(t.display).toBe('postgres://ep-quiet-cell-a1b2.us-east-2.aws.neon.tech/clinic');
    expect(t.secrets).toEqual(['pa%40ss-Word', 'pa@ss-Word']);
    expect(t.tlsFallback).toBe(false);
  });

  it('maps every sslmode', () => {
    const ssl = (mode: string) => parseConnectionString(`postgres://u@h/db?sslmode=${mode}`, keep).client.ssl;
    expect(ssl('disable')).toBe(false);
    expect(ssl('verify-full')).toEqual({});
    expect(ssl('no-verify')).toEqual({ rejectUnauthorized: false });
    expect(parseConnectionString('postgres://u@h/db?sslmode=prefer', keep).tlsFallback).toBe(true);
    expect(() => ssl('verify-ca')).toThrow(/sslrootcert/);
    expect(() => ssl('sometimes')).toThrow(DbError);
  });

  it('uses plain TCP when the URL does not ask for TLS, as pg does', () => {
    const previous = process.env.PGSSLMODE;
    delete process.env.PGSSLMODE;
    try {
      expect(parseConnectionString('postgres://u:p@127.0.0.1:5433/db', keep).client).toMatchObject({ ssl: false, port: 5433 });
    } finally {
      if (previous !== undefined) process.env.PGSSLMODE = previous;
    }
  });

  it('masks the database name in the display and takes connect_timeout and options', () => {
    const t = parseConnectionString('postgres://u:p@[::1]:6543/chart_db?connect_timeout=4&options=endpoint%3Dep-x', star);
    expect(t.display).toBe('postgres://[::1]:6543/*****_**');
    expect(t.connectTimeoutSeconds).toBe(4);
    expect(t.client.options).toBe('endpoint=ep-x');
  });

  it('rejects what is not a postgres URL without echoing it', () => {
    for (const bad of ['host=db.internal password=hunter22', 'mysql://u:hunter22@h/db', 'postgres://u:hunter22@h:notaport/db']) {
      let message = '';
      try {
        parseConnectionString(bad, keep);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^the (connection string|port)/);
      expect(message).not.toContain('hunter22');
    }
  });
});

describe('redact', () => {
  it('removes every spelling of the secret', () => {
    expect(redact('auth failed for postgres://u:pa%40ss@h/db (pa@ss)', ['pa%40ss', 'pa@ss'])).toBe('auth failed for postgres://u:****@h/db (****)');
  });
});
