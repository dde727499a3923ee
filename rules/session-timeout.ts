import type { Fact, SettingFact } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { FILE_START } from '../src/core/text.js';
import { describeSeconds, parseDuration } from '../src/extract/config/duration.js';
import { DB_IDLE_SESSION_TIMEOUT, SESSION_ABSOLUTE, SESSION_IDLE } from '../src/extract/config/session-keys.js';

interface Options {
  maxIdleMinutes: number;
  maxAbsoluteHours: number;
  require: 'any' | 'database' | 'application';
  managedBy: string;
}

const SEARCHED_DATABASE = 'PostgreSQL idle_session_timeout (postgresql.conf, ALTER SYSTEM/DATABASE/ROLE ... SET, SET in connection code, options=-c in connection strings, pg/postgres client options)';
const SEARCHED_APPLICATION =
  'application sessions (express-session, cookie-session, koa-session, @fastify/session, @fastify/secure-session, next-auth/Auth.js, iron-session, better-auth, lucia, jsonwebtoken/jose lifetimes, react-idle-timer and useIdle hooks, Supabase config.toml, Keycloak realm exports, Spring server.servlet.session.timeout)';

interface Timeout {
  fact: SettingFact;
  path: string;
  database: boolean;
  idle: boolean;
  /** undefined: unknown value, or a library default that never expires. */
  seconds: number | undefined;
}

/** Automatic logoff (45 CFR 164.312(a)(2)(iii)): a session timeout must exist and be short enough. */
export default defineRule<Options>({
  id: 'phi/session-timeout',
  scope: 'project',
  meta: {
    description: 'No session timeout configured anywhere in the project, a disabled one, or one longer than the maximum.',
    severity: 'error',
    categories: ['session-timeout'],
    messages: {
      none: 'No session timeout is configured anywhere in this project (searched: {{searched}}). HIPAA requires automatic logoff after inactivity.',
      disabled: '{{place}} disables the session timeout ({{key}} = {{value}}): sessions never end on their own.',
      tooLong: '{{place}} sets an idle session timeout of {{duration}}, longer than the maximum of {{limit}}.',
      tooLongAbsolute: '{{place}} sets a session lifetime of {{duration}}, longer than the maximum of {{limit}}.',
      libraryDefault: '{{place}} is configured without a session lifetime, so its default applies: {{duration}}, longer than the maximum of {{limit}}.',
      libraryNoExpiry: '{{place}} is configured without a session lifetime, and by default its sessions never expire on their own.',
    },
    schema: {
      maxIdleMinutes: { type: 'number', min: 1, description: 'Longest allowed inactivity timeout, in minutes (NIST SP 800-63B AAL2: 30).' },
      maxAbsoluteHours: { type: 'number', min: 1, description: 'Longest allowed session lifetime regardless of activity, in hours.' },
      require: {
        type: 'string',
        enum: ['any', 'database', 'application'],
        description: 'Which kind of timeout must exist: any, a PostgreSQL idle_session_timeout, or an application session timeout.',
      },
      managedBy: {
        type: 'string',
        description: 'An external identity provider that enforces the timeout (for example "Okta, 15-minute idle policy"); attests that one exists.',
      },
    },
    defaultOptions: { maxIdleMinutes: 30, maxAbsoluteHours: 12, require: 'any', managedBy: '' },
    docs: { description: 'Session timeout (automatic logoff) is configured and short enough', tags: ['hipaa', 'security'], securitySeverity: 6.5 },
    help: 'Configure an idle session timeout of at most the allowed minutes (application session middleware or PostgreSQL idle_session_timeout), or attest an external identity provider with the managedBy option.',
  },
  check({ files, options, settings, report, note }) {
    if (options.managedBy) {
      note(`session timeout attested as enforced by ${options.managedBy} (managedBy in the config); settings found in the code are still checked`);
    }
    const maxIdle = options.maxIdleMinutes * 60;
    const maxAbsolute = options.maxAbsoluteHours * 3600;
    const timeouts = collectTimeouts(files);
    const reported = new Set<string>();
    const once = (t: Timeout, messageId: string, data: Record<string, string>) => {
      const key = `${t.path}\0${t.fact.span.line}\0${messageId}`;
      if (reported.has(key)) return;
      reported.add(key);
      const place = placeOf(t);
      report({
        messageId,
        data: { place, key: t.fact.key, value: t.fact.value, ...data },
        path: t.path,
        span: t.fact.span,
        category: 'session-timeout',
        evidence: `${t.fact.scope} ${t.fact.key}=${t.fact.value}`,
        context: `${messageId}\0${t.fact.scope}\0${t.fact.key}`,
      });
    };

    for (const t of timeouts) {
      if (t.fact.developmentOnly) continue;
      const limit = t.idle ? maxIdle : maxAbsolute;
      const limitText = describeSeconds(limit);
      if (t.fact.libraryDefault) {
        if (options.managedBy) continue;
        if (t.seconds === undefined) once(t, 'libraryNoExpiry', {});
        else if (t.seconds > limit) once(t, 'libraryDefault', { duration: describeSeconds(t.seconds), limit: limitText });
        continue;
      }
      if (t.seconds === undefined) continue;
      if (t.seconds <= 0) once(t, 'disabled', {});
      else if (t.seconds > limit) once(t, t.idle ? 'tooLong' : 'tooLongAbsolute', { duration: describeSeconds(t.seconds), limit: limitText });
    }

    if (options.managedBy) return;
    const wanted = timeouts.filter((t) => (options.require === 'database' ? t.database : options.require === 'application' ? !t.database : true));
    if (wanted.length > 0) return;
    // `phi-scan db` reads a catalog only: say what was searched there, not in application code.
    const catalogOnly = files.length > 0 && files.every((f) => f.file.kind === 'catalog');
    const searched = catalogOnly
      ? 'idle_session_timeout in the server settings and in per-database and per-role settings (pg_db_role_setting)'
      : options.require === 'database' ? SEARCHED_DATABASE : options.require === 'application' ? SEARCHED_APPLICATION : `${SEARCHED_DATABASE}; ${SEARCHED_APPLICATION}`;
    report({
      messageId: 'none',
      data: { searched },
      ...(settings.projectFile ? { path: settings.projectFile } : {}),
      span: FILE_START,
      category: 'session-timeout',
      evidence: `no session timeout (require: ${options.require})`,
      context: `none\0${options.require}`,
    });
  },
});

function collectTimeouts(files: readonly { file: { path: string; isTest: boolean }; facts: readonly Fact[] }[]): Timeout[] {
  const out: Timeout[] = [];
  for (const { file, facts } of files) {
    if (file.isTest) continue;
    for (const fact of facts) {
      // generic `KEY=value` settings of .env and TOML files are application variables, not GUCs
      if (fact.kind !== 'setting' || fact.preamble || fact.scope === 'env' || fact.scope === 'toml') continue;
      const key = fact.key.toLowerCase();
      if (key === DB_IDLE_SESSION_TIMEOUT) {
        out.push({ fact, path: file.path, database: true, idle: true, seconds: fact.seconds ?? parseDuration(fact.value, 0.001) });
      } else if (key === SESSION_IDLE || key === SESSION_ABSOLUTE) {
        out.push({ fact, path: file.path, database: false, idle: key === SESSION_IDLE, seconds: fact.seconds });
      }
    }
  }
  return out;
}

function placeOf(t: Timeout): string {
  if (t.database) return t.fact.scope ? `PostgreSQL (${t.fact.scope})` : 'PostgreSQL';
  return t.fact.scope || 'The application';
}
