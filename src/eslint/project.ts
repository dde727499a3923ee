/**
 * What the analysis of a file depends on besides the file: the phi-scan project it belongs to.
 * The project root is the nearest folder with a phi-scan config or a package.json (not above
 * ESLint's cwd), so a file's test-ness and config are judged as `npx phi-scan <root>` judges them.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { listCodeFilesSync } from '../core/discover.js';
import { redactScopes } from '../core/pino-redact.js';
import ignore, { type Ignore } from 'ignore';
import { createClassifier } from '../classify/index.js';
import type { Classifier } from '../classify/types.js';
import { CONFIG_FILE_NAMES, loadConfig, type PhiScanConfig } from '../core/config.js';
import { isTestPath } from '../core/kinds.js';
import type { ProjectSettings } from '../core/rule.js';
import type { ExtractOptions } from '../extract/types.js';

export interface PhiProject {
  root: string;
  config: PhiScanConfig;
  classifier: Classifier;
  settings: ProjectSettings;
  extractOptions: ExtractOptions;
  /** Test files and fixtures may hold fake PHI on purpose (`phi/literal` stays quiet there). */
  isTest(absolutePath: string): boolean;
  /** Files the phi-scan config's `exclude` leaves out: the plugin reports nothing there either. */
  excludes(absolutePath: string): boolean;
}

const ROOT_MARKERS = [...CONFIG_FILE_NAMES, 'package.json'];
const rootOfDir = new Map<string, string | null>();
const projects = new Map<string, PhiProject>();

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` holding a phi-scan config or package.json. */
function projectRootOf(dir: string): string | null {
  const cached = rootOfDir.get(dir);
  if (cached !== undefined) return cached;
  const parent = dirname(dir);
  const found = ROOT_MARKERS.some((name) => isFile(join(dir, name))) ? dir : parent === dir ? null : projectRootOf(parent);
  rootOfDir.set(dir, found);
  return found;
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * A file under ESLint's cwd belongs to the nearest project folder between it and the cwd (a
 * nested package such as a fixture project), else to the cwd itself, as when `phi-scan` is run there.
 */
export function projectOf(filename: string, cwd: string): PhiProject {
  const absolute = resolve(cwd, filename);
  const base = resolve(cwd);
  const nearest = projectRootOf(dirname(absolute));
  const root = isInside(absolute, base) && (nearest === null || !isInside(nearest, base)) ? base : (nearest ?? base);
  const key = `${root}\0${base}`;
  let project = projects.get(key);
  if (!project) {
    project = loadProject(root, base);
    projects.set(key, project);
  }
  return project;
}

function loadProject(root: string, cwd: string): PhiProject {
  const loaded = loadConfig(undefined, [root, cwd]);
  const config = loaded.config;
  const tests: Ignore | undefined = config.testPatterns?.length ? ignore().add(config.testPatterns) : undefined;
  const excluded: Ignore | undefined = config.exclude?.length ? ignore().add(config.exclude) : undefined;
  const fromRootOf = (absolutePath: string) => toPosix(relative(root, absolutePath));
  return {
    root,
    config,
    classifier: createClassifier(config.vocabulary),
    // Project rules (session timeout, BAA services) are CLI/Action-only: no project file here.
    settings: {
      sanitizers: config.sanitizers ?? [],
      projectFile: undefined,
      redactScopes: redactScopes(listCodeFilesSync(root, config.exclude), cwd),
    },
    extractOptions: { sanitizers: config.sanitizers ?? [], logSinks: config.logSinks ?? [] },
    isTest(absolutePath) {
      const fromRoot = fromRootOf(absolutePath);
      if (fromRoot.startsWith('../')) return isTestPath(toPosix(absolutePath));
      return isTestPath(fromRoot) || Boolean(tests?.ignores(fromRoot));
    },
    excludes(absolutePath) {
      const fromRoot = fromRootOf(absolutePath);
      return Boolean(excluded) && fromRoot !== '' && !fromRoot.startsWith('../') && Boolean(excluded?.ignores(fromRoot));
    },
  };
}

/** Forgets cached projects (tests; an editor session after a config change). */
export function resetProjects(): void {
  rootOfDir.clear();
  projects.clear();
}
