/**
 * The convention for session-lifetime settings, shared by extractors and `phi/session-timeout`:
 * key `session.idle` (inactivity timeout) or `session.absolute` (lifetime regardless of activity),
 * `seconds` set when the value is known, `scope` the library or file kind that sets it.
 * PostgreSQL's own setting keeps its name, `idle_session_timeout` (milliseconds when unitless).
 */
import type { FactSource, SettingFact } from '../../core/facts.js';
import type { Span } from '../../core/types.js';

export const SESSION_IDLE = 'session.idle';
export const SESSION_ABSOLUTE = 'session.absolute';
export const DB_IDLE_SESSION_TIMEOUT = 'idle_session_timeout';

export type SessionKey = typeof SESSION_IDLE | typeof SESSION_ABSOLUTE;

export function sessionSetting(
  key: SessionKey,
  value: string,
  seconds: number | undefined,
  scope: string,
  span: Span,
  source: FactSource,
): SettingFact {
  return { kind: 'setting', key, value, scope, span, source, ...(seconds !== undefined ? { seconds } : {}) };
}

/** A library's default lifetime (seconds), or undefined for a default of "never expires". */
export function librarySessionDefault(
  key: SessionKey,
  seconds: number | undefined,
  scope: string,
  span: Span,
  source: FactSource,
): SettingFact {
  return {
    kind: 'setting',
    key,
    value: seconds === undefined ? 'no expiry (library default)' : `${seconds}s (library default)`,
    scope,
    span,
    source,
    libraryDefault: true,
    ...(seconds !== undefined ? { seconds } : {}),
  };
}
