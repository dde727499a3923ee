/** Shapes of Neon management API requests, shared by the shell, YAML, JSON and TypeScript extractors. */

/** `.../api/v2/projects` (create with POST). */
const PROJECTS = /\/api\/v2\/projects\/?(?:[?#]|$)/;
/** `.../api/v2/projects/<id>` (update with PATCH). */
const ONE_PROJECT = /\/api\/v2\/projects\/[^/?#\s]+\/?(?:[?#]|$)/;

/** The project action a Neon API request performs, from its URL and HTTP method. */
export function projectAction(url: string, method: string): 'create' | 'update' | undefined {
  const m = method.toUpperCase();
  if (m === 'POST' && PROJECTS.test(url)) return 'create';
  if ((m === 'PATCH' || m === 'PUT') && ONE_PROJECT.test(url) && !PROJECTS.test(url)) return 'update';
  return undefined;
}

/** `hipaa` is right; `hippa`, `hipa`, `HIPAA` and the like are misspellings that Neon ignores. */
export function hipaaKey(key: string): 'hipaa' | 'misspelled' | undefined {
  if (key === 'hipaa') return 'hipaa';
  return /^hi+p+a+$/i.test(key) ? 'misspelled' : undefined;
}

export type HipaaState = 'true' | 'false' | 'missing' | 'misspelled';

export interface HipaaInText {
  state: HipaaState;
  /** Offset (in the searched text) of the key the state is about, when there is one. */
  at?: number;
  length?: number;
}

const HIPAA_KEY = /["'\\]*\b(hi+p+a+)\b["'\\]*\s*[:=]\s*["'\\]*([A-Za-z0-9_$]*)/gi;
const SETTINGS_KEY = /["'\\]*\bsettings\b["'\\]*\s*:/;

/** The HIPAA setting in a request body written as text (curl `-d`, a YAML or shell string). */
export function hipaaInText(text: string): HipaaInText {
  HIPAA_KEY.lastIndex = 0;
  let misspelled: HipaaInText | undefined;
  for (let m = HIPAA_KEY.exec(text); m; m = HIPAA_KEY.exec(text)) {
    const key = m[1] ?? '';
    const at = m.index + m[0].indexOf(key);
    if (hipaaKey(key) === 'hipaa') {
      return { state: (m[2] ?? '').toLowerCase() === 'false' ? 'false' : 'true', at, length: key.length };
    }
    misspelled ??= { state: 'misspelled', at, length: key.length };
  }
  if (misspelled) return misspelled;
  const settings = SETTINGS_KEY.exec(text);
  if (settings) {
    const at = settings.index + settings[0].indexOf('settings');
    return { state: 'missing', at, length: 'settings'.length };
  }
  return { state: 'missing' };
}

/** Options of the Neon CLI: `--hipaa`, `--hipaa=false`, `--hippa`. */
export function hipaaFlag(word: string): HipaaState | undefined {
  const m = /^--([a-z]+)(?:=(.*))?$/i.exec(word);
  if (!m) return undefined;
  const kind = hipaaKey(m[1] ?? '');
  if (!kind) return undefined;
  if (kind === 'misspelled') return 'misspelled';
  return (m[2] ?? '').toLowerCase() === 'false' ? 'false' : 'true';
}
