/**
 * File discovery: walks the given paths (or globs), honours .gitignore files at every level,
 * default excludes and the config's include/exclude, and decides each file's kind.
 * Symlinked folders are not followed (no loops); unreadable folders are reported, not fatal.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { FileKind } from '../extract/types.js';
import { UsageError } from './errors.js';
import { isTestPath, kindOfPath } from './kinds.js';

export const DEFAULT_EXCLUDES = [
  'node_modules/',
  '.git/',
  'dist/',
  'build/',
  'coverage/',
  'vendor/',
  '.next/',
  '.turbo/',
  '.cache/',
  '.phi-scan-cache/',
];

export interface DiscoveredFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to cwd, forward slashes: the path shown in output. */
  path: string;
  kind: FileKind;
  isTest: boolean;
}

export interface DiscoveryProblem {
  path: string;
  message: string;
}

export interface DiscoverOptions {
  cwd: string;
  include?: string[];
  exclude?: string[];
  testPatterns?: string[];
}

export interface Discovery {
  files: DiscoveredFile[];
  problems: DiscoveryProblem[];
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** `relative(base, absolute)` for the common case of a file under `base` (no normalisation needed). */
function relativeTo(base: string, absolute: string): string {
  return absolute.length > base.length && absolute.startsWith(base) && absolute[base.length] === sep && !base.endsWith(sep)
    ? absolute.slice(base.length + 1)
    : relative(base, absolute);
}

export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const files = new Map<string, DiscoveredFile>();
  const problems: DiscoveryProblem[] = [];
  const exclude = ignore().add(DEFAULT_EXCLUDES).add(options.exclude ?? []);
  const include = options.include?.length ? ignore().add(options.include) : undefined;
  const tests = options.testPatterns?.length ? ignore().add(options.testPatterns) : undefined;

  const accept = (absolute: string, root: string, explicit: boolean) => {
    const fromRoot = toPosix(relativeTo(root, absolute)) || toPosix(absolute.slice(absolute.lastIndexOf(sep) + 1));
    const kind = kindOfPath(fromRoot);
    if (!kind) return;
    if (!explicit && include && !include.ignores(fromRoot)) return;
    const path = toPosix(relativeTo(options.cwd, absolute)) || fromRoot;
    files.set(absolute, {
      absolute,
      path,
      kind,
      isTest: isTestPath(fromRoot) || Boolean(tests?.ignores(fromRoot)),
    });
  };

  for (const raw of paths.length ? paths : ['.']) {
    if (isDynamicPattern(raw)) {
      const matches = await glob(raw, { cwd: options.cwd, absolute: true, dot: true, ignore: DEFAULT_EXCLUDES.map((d) => `**/${d}**`) });
      for (const m of matches) if (!exclude.ignores(toPosix(relative(options.cwd, m)))) accept(resolve(m), options.cwd, true);
      continue;
    }
    const absolute = resolve(options.cwd, raw);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'ENOENT' ? `No such file or directory: ${raw}` : `Cannot read ${raw}: ${code ?? (error as Error).message}`,
      );
    }
    if (stats.isFile()) {
      accept(absolute, resolve(absolute, '..'), true);
      continue;
    }
    walk(absolute, absolute, [{ base: absolute, rules: exclude }], accept, problems);
  }
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, problems };
}

/** The code files under one folder, synchronously (for the ESLint plugin's project facts). */
export function listCodeFilesSync(root: string, exclude: readonly string[] = []): string[] {
  const found: string[] = [];
  const rules = ignore().add(DEFAULT_EXCLUDES).add([...exclude]);
  walk(root, root, [{ base: root, rules }], (absolute, from) => {
    if (kindOfPath(toPosix(relative(from, absolute))) === 'typescript') found.push(absolute);
  }, []);
  return found.sort();
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const { base, rules } of layers) {
    const rel = toPosix(relativeTo(base, absolute));
    if (!rel || rel.startsWith('..')) continue;
    if (rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function walk(
  root: string,
  dir: string,
  layers: IgnoreLayer[],
  accept: (absolute: string, root: string, explicit: boolean) => void,
  problems: DiscoveryProblem[],
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: `folder not readable (${(error as NodeJS.ErrnoException).code ?? 'error'}); its files were not scanned` });
    return;
  }
  const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
  const here = gitignore ? [...layers, { base: dir, rules: ignore().add(readText(join(dir, '.gitignore'))) }] : layers;
  for (const entry of entries) {
    const absolute = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      // A symlinked file is scanned; a symlinked folder is not followed (it may loop).
      try {
        if (!statSync(absolute).isFile()) continue;
      } catch {
        continue;
      }
      if (!isIgnored(here, absolute, false)) accept(absolute, root, false);
      continue;
    }
    if (entry.isDirectory()) {
      if (!isIgnored(here, absolute, true)) walk(root, absolute, here, accept, problems);
    } else if (entry.isFile() && !isIgnored(here, absolute, false)) {
      accept(absolute, root, false);
    }
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
