import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Paths a pino `redact` option removes from every log line (`redact: ['patient.ssn', '*.dob']`,
 * `redact: { paths: [...] }`). Logged fields on those paths are masked by the logger itself.
 */
const REDACT_OPTION = /\bredact\s*:\s*(\[[^\]]{0,4000}\]|\{[^}]{0,4000}\})/g;
const REDACT_WORD = Buffer.from('redact');
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

/** `redactPathsIn` of a file's bytes: only the few files that mention `redact` are decoded. */
export function redactPathsInBytes(bytes: Buffer | undefined): string[] {
  return bytes?.includes(REDACT_WORD) ? redactPathsIn(bytes.toString('utf8')) : [];
}

/** Redact paths of one package: they apply to the files under its folder (`root`, cwd-relative). */
export interface RedactScope {
  root: string;
  paths: string[];
}

/**
 * pino `redact` options in the given code files, scoped to the package (nearest package.json)
 * that holds each: a logger configured in one package does not redact another's logs.
 */
export function redactScopes(
  absoluteFiles: readonly string[],
  cwd: string,
  pathsOf: (absolute: string) => string[] = (absolute) => redactPathsInBytes(readFileSync(absolute)),
): RedactScope[] {
  const byRoot = new Map<string, Set<string>>();
  for (const file of absoluteFiles) {
    let paths: string[];
    try {
      paths = pathsOf(file);
    } catch {
      continue;
    }
    if (!paths.length) continue;
    const root = packageRootOf(file, cwd);
    const set = byRoot.get(root) ?? new Set<string>();
    for (const path of paths) set.add(path);
    byRoot.set(root, set);
  }
  return [...byRoot].map(([root, paths]) => ({ root, paths: [...paths].sort() })).sort((x, y) => (x.root < y.root ? -1 : 1));
}

function packageRootOf(file: string, cwd: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const rel = relative(cwd, dir).split(sep).join('/');
      return rel.startsWith('..') ? '' : rel;
    }
    if (dirname(dir) === dir) return '';
  }
}

const redactedByFolder = new WeakMap<readonly RedactScope[], Map<string, string[]>>();

/** The redact paths that apply to a cwd-relative file path (the same for every file of a folder). */
export function redactedFor(path: string, scopes: readonly RedactScope[]): string[] {
  if (scopes.length === 0) return [];
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  let byFolder = redactedByFolder.get(scopes);
  if (!byFolder) {
    byFolder = new Map();
    redactedByFolder.set(scopes, byFolder);
  }
  let paths = byFolder.get(folder);
  if (!paths) {
    paths = scopes.filter((s) => s.root === '' || folder.startsWith(`${s.root}/`)).flatMap((s) => s.paths);
    byFolder.set(folder, paths);
  }
  return paths;
}

/** A redact path as segments (`a.b["c"]` → a, b, c), split once per distinct path. */
const segmentsOfPath = new Map<string, string[]>();
function redactSegments(path: string): string[] {
  let segments = segmentsOfPath.get(path);
  if (!segments) {
    segments = path.replace(/\[(['"])([^'"]*)\1\]/g, '.$2').split('.').filter(Boolean);
    segmentsOfPath.set(path, segments);
  }
  return segments;
}

/** True when a logged field path ends with a redacted path (`*` matches one segment). */
export function isRedacted(fieldPath: string, redacted: readonly string[]): boolean {
  if (!redacted.length) return false;
  const segments = (fieldPath.includes('[') ? fieldPath.replace(/\[(\d+|'[^']*'|"[^"]*")\]/g, '.$1') : fieldPath).split('.').filter(Boolean);
  return redacted.some((path) => {
    const want = redactSegments(path);
    if (want.length === 0 || want.length > segments.length) return false;
    const offset = segments.length - want.length;
    return want.every((w, i) => w === '*' || w === segments[offset + i]);
  });
}
