import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { factsOf, type Fact } from '../../../src/core/facts.js';
import { LineIndex } from '../../../src/core/text.js';
import { projectFactsFromTs } from '../../../src/extract/typescript-project/index.js';

function facts(code: string, path = 'src/a.ts'): Fact[] {
  const sf = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return projectFactsFromTs(sf, path, new LineIndex(code));
}

const sessions = (code: string, path?: string) =>
  factsOf(facts(code, path), 'setting').map((s) => ({ key: s.key, seconds: s.seconds, scope: s.scope, line: s.span.line, ...(s.libraryDefault ? { libraryDefault: true } : {}) }));

describe('session settings', () => {
  it('evaluates arithmetic and same-file constants, per library unit', () => {
    const code = [
      "import session from 'express-session';",
      'const MINUTE = 60 * 1000;',
      'const IDLE = 20 * MINUTE;',
      "app.use(session({ secret: 's', cookie: { maxAge: IDLE } }));",
    ].join('\n');
    expect(sessions(code)).toEqual([{ key: 'session.idle', seconds: 1200, scope: 'express-session', line: 4 }]);
  });

  it('reads next-auth session.maxAge (seconds) and not a provider maxAge', () => {
    const code = [
      "import NextAuth from 'next-auth';",
      "import Email from 'next-auth/providers/email';",
      'export default NextAuth({',
      '  providers: [Email({ maxAge: 600 })],',
      '  session: { maxAge: 60 * 60 },',
      '});',
    ].join('\n');
    expect(sessions(code)).toEqual([{ key: 'session.idle', seconds: 3600, scope: 'next-auth', line: 5 }]);
  });

  it('reports a library default at the configuration call, once per options object', () => {
    const code = [
      "import { getIronSession, type SessionOptions } from 'iron-session';",
      "export const options: SessionOptions = { password: 'p', cookieName: 'c' };",
      'export const get = (c: never) => getIronSession(c, options);',
    ].join('\n');
    expect(sessions(code)).toEqual([{ key: 'session.idle', seconds: 14 * 86400, scope: 'iron-session', line: 2, libraryDefault: true }]);
  });

  it('reads require() bindings and options spread from the same file', () => {
    const code = ["const cookieSession = require('cookie-session');", 'const base = { maxAge: 900000 };', "app.use(cookieSession({ ...base, name: 'sid' }));"].join('\n');
    expect(sessions(code)).toEqual([{ key: 'session.idle', seconds: 900, scope: 'cookie-session', line: 2 }]);
  });

  it('reads JWT lifetimes from jsonwebtoken (ms-style strings) and jose', () => {
    const code = [
      "import { sign } from 'jsonwebtoken';",
      "import * as jose from 'jose';",
      "sign({ sub: id }, key, { expiresIn: '2h' });",
      "new jose.SignJWT({}).setExpirationTime('30m');",
      'new jose.SignJWT({}).setExpirationTime(1700000000);',
    ].join('\n');
    expect(sessions(code)).toEqual([
      { key: 'session.absolute', seconds: 7200, scope: 'jsonwebtoken', line: 3 },
      { key: 'session.absolute', seconds: 1800, scope: 'jose', line: 4 },
    ]);
  });

  it('reads PostgreSQL idle_session_timeout in SET statements, options and connection strings', () => {
    const code = [
      "import { Pool } from '@neondatabase/serverless';",
      "const pool = new Pool({ connectionString: 'postgres://u@h/db?options=-c%20idle_session_timeout%3D300000', idleTimeoutMillis: 10000 });",
      "await pool.query(`SET idle_session_timeout = '15min'`);",
      "await pool.query('SET idle_in_transaction_session_timeout = 0');",
    ].join('\n');
    expect(factsOf(facts(code), 'setting').map((s) => [s.key, s.value, s.scope, s.span.line])).toEqual([
      ['idle_session_timeout', '300000', 'connection options', 2],
      ['idle_session_timeout', '15min', 'SET', 3],
    ]);
  });

  it('does not take look-alikes for session settings', () => {
    const code = [
      "import cors from 'cors';",
      "import postgres from 'postgres';",
      "import { LRUCache } from 'lru-cache';",
      'app.use(cors({ maxAge: 86400 }));',
      "const sql = postgres('', { idle_timeout: 20 });",
      'const cache = new LRUCache({ ttl: 60000 });',
      'server.keepAliveTimeout = 65000;',
      'const session = { maxAge: 99 };',
    ].join('\n');
    expect(sessions(code)).toEqual([]);
  });

  it('reads react-idle-timer in hook and component form', () => {
    const code = [
      "import { useIdleTimer, IdleTimerProvider } from 'react-idle-timer';",
      'useIdleTimer({ timeout: 10 * 60 * 1000 });',
      'const el = <IdleTimerProvider timeout={5 * 60 * 1000} />;',
    ].join('\n');
    expect(sessions(code, 'src/a.tsx').map((s) => [s.seconds, s.line])).toEqual([
      [600, 2],
      [300, 3],
    ]);
  });
});

describe('Neon requests', () => {
  const requests = (code: string) => factsOf(facts(code), 'project-request').map((r) => [r.action, r.hipaa, r.span.line]);

  it('judges project creation through fetch, axios and the API client', () => {
    const code = [
      "import axios from 'axios';",
      "const API = 'https://console.neon.tech/api/v2';",
      'const body = { project: { settings: { hipaa: true } } };',
      "fetch(`${API}/projects`, { method: 'POST', body: JSON.stringify(body) });",
      "axios.post(API + '/projects', { project: { name: 'x' } });",
      "neonClient.createProject({ project: { settings: { hipaa: false } } });",
      "neonClient.updateProject(id, { project: { settings: { Hipaa: true } } });",
      'fetch(`${API}/projects`);',
      "neonClient.createProjectBranch(id, {});",
      "vercel.createProject({ name: 'site' });",
    ].join('\n');
    expect(requests(code)).toEqual([
      ['create', 'true', 3], // at the key, in the body constant
      ['create', 'missing', 5],
      ['create', 'false', 6],
      ['update', 'misspelled', 7],
    ]);
  });

  it('skips a request whose body this file cannot see', () => {
    const code = "import { payload } from './payload';\nfetch('https://console.neon.tech/api/v2/projects', { method: 'POST', body: JSON.stringify(payload) });";
    expect(requests(code)).toEqual([]);
  });
});

describe('dependencies', () => {
  it('records imports, usersSync, env variables and service URLs', () => {
    const code = [
      "import { createAuthClient } from '@neondatabase/auth';",
      "import { usersSync } from 'drizzle-orm/neon';",
      "import { helper } from './helper';",
      'const url = process.env.NEON_DATA_API_URL;',
      "const data = await fetch(`${process.env.API}/projects/${p}/branches/${b}/data-api/app`, { method: 'POST' });",
    ].join('\n');
    const deps = factsOf(facts(code), 'dependency').map((d) => [d.via, d.name, d.span.line]);
    expect(deps).toEqual([
      ['import', '@neondatabase/auth', 1],
      ['import', 'drizzle-orm/neon', 2],
      ['import', 'drizzle-orm/neon#usersSync', 2],
      ['env', 'env:NEON_DATA_API_URL', 4],
      ['url', '{}/projects/{}/branches/{}/data-api/app', 5],
      ['env', 'env:API', 5],
    ]);
  });
});
