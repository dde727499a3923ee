import { readFileSync } from 'node:fs';

/**
 * Paths a pino `redact` option removes from every log line (`redact: ['patient.ssn', '*.dob']`,
 * `redact: { paths: [...] }`). Logged fields on those paths are masked by the logger itself.
 */
const REDACT_OPTION = /\bredact\s*:\s*(\[[^\]]{0,4000}\]|\{[^}]{0,4000}\})/g;
const QUOTED = /(['"`])((?:(?!\1)[^\\\n]){1,200})\1/g;

export function redactPathsIn(text: string): string[] {
  if (!text.includes('redact')) return [];
  const paths: string[] = [];
  for (const option of text.matchAll(REDACT_OPTION)) {
    const body = option[1] ?? '';
    const list = body.startsWith('{') ? (/paths\s*:\s*(\[[^\]]*\])/.exec(body)?.[1] ?? '') : body;
    for (const q of list.matchAll(QUOTED)) paths.push(q[2] ?? '');
  }
  return paths.filter(Boolean);
}

/** pino `redact` paths anywhere in the given code files: they apply to every file's log calls. */
export function redactPathsOfFiles(absolutePaths: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const file of absolutePaths) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const path of redactPathsIn(text)) paths.add(path);
  }
  return [...paths].sort();
}

/** True when a logged field path ends with a redacted path (`*` matches one segment). */
export function isRedacted(fieldPath: string, redacted: readonly string[]): boolean {
  if (!redacted.length) return false;
  const segments = fieldPath.replace(/\[(\d+|'[^']*'|"[^"]*")\]/g, '.$1').split('.').filter(Boolean);
  return redacted.some((path) => {
    const want = path.replace(/\[(['"])([^'"]*)\1\]/g, '.$2').split('.').filter(Boolean);
    if (want.length === 0 || want.length > segments.length) return false;
    const tail = segments.slice(segments.length - want.length);
    return want.every((w, i) => w === '*' || w === tail[i]);
  });
}
