/**
 * Configuration: `phi-scan.config.json`, `.phi-scanrc.json` or `"phiScan"` in package.json.
 * JSON only, so scanning an untrusted pull request never executes its code.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { VocabularyConfig } from '../classify/types.js';
import { ALL_CATEGORIES } from './types.js';
import type { AnyRule, OptionSpec } from './rule.js';
import type { SeveritySetting } from './types.js';
import { UsageError } from './errors.js';
import { jsonErrorReason } from './parser-message.js';

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface PhiScanConfig {
  /** Glob patterns (gitignore syntax) of files to scan; default: every supported file. */
  include?: string[];
  /** Glob patterns (gitignore syntax) to leave out, on top of .gitignore and the defaults. */
  exclude?: string[];
  rules?: Record<string, RuleSetting>;
  vocabulary?: VocabularyConfig;
  /** Function names that mask or redact their argument, on top of mask*, redact*, hash*, ... */
  sanitizers?: string[];
  /** Your own logging or audit functions (`audit.record`, `writeLog`): their arguments are checked like a logger's. */
  logSinks?: string[];
  /** Extra glob patterns of test files and fixtures (fake PHI there is not `phi/literal`). */
  testPatterns?: string[];
  /** Baseline file of known findings (see --baseline). */
  baseline?: string;
  /** Files larger than this are reported, not read. Default 1024 KiB. */
  maxFileSizeKb?: number;
}

export interface LoadedConfig {
  config: PhiScanConfig;
  /** Absolute path of the file it came from, if any. */
  path: string | undefined;
}

export const CONFIG_FILE_NAMES = ['phi-scan.config.json', '.phi-scanrc.json'] as const;

const TOP_LEVEL_KEYS: Record<keyof PhiScanConfig, string> = {
  include: 'an array of glob strings',
  exclude: 'an array of glob strings',
  rules: 'an object of rule id to "error" | "warning" | "off" or [severity, options]',
  vocabulary: 'an object with add, exclude and patientWords',
  sanitizers: 'an array of function names',
  logSinks: 'an array of function or method names (`audit.record`)',
  testPatterns: 'an array of glob strings',
  baseline: 'a file path',
  maxFileSizeKb: 'a positive number',
};

/** Finds the config for a scan: an explicit path, else the first config in the search directories. */
export function loadConfig(explicitPath: string | undefined, searchDirs: readonly string[]): LoadedConfig {
  if (explicitPath) {
    const path = resolve(explicitPath);
    if (!existsSync(path)) throw new UsageError(`Config file not found: ${explicitPath}`);
    return { config: readConfigFile(path), path };
  }
  for (const dir of searchDirs) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (isFile(path)) return { config: readConfigFile(path), path };
    }
    const pkgPath = join(dir, 'package.json');
    // A package.json without "phiScan" is not a config: if it is broken, its scan reports that.
    if (isFile(pkgPath) && readTextOrEmpty(pkgPath).includes('"phiScan"')) {
      const pkg = parseJson(pkgPath) as { phiScan?: unknown };
      if (pkg && typeof pkg === 'object' && pkg.phiScan !== undefined) {
        return { config: validateShape(pkg.phiScan, `${pkgPath} ("phiScan")`), path: pkgPath };
      }
    }
  }
  return { config: {}, path: undefined };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
}

function parseJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`Config ${path} is not valid JSON: ${jsonErrorReason(error)}`);
  }
}

function readConfigFile(path: string): PhiScanConfig {
  if (!/\.json$/i.test(path) && !path.endsWith('rc')) {
    throw new UsageError(`Config ${path}: only JSON configs are read (a scanned repository's code is never executed).`);
  }
  return validateShape(parseJson(path), path);
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return candidates.find(
    (c) => c.toLowerCase() === lower || c.toLowerCase().startsWith(lower.slice(0, 4)) || editDistance(c.toLowerCase(), lower) <= 2,
  );
}

/** Levenshtein distance, for "did you mean" on typos (`exlude`); keys are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Checks the config's shape (rule ids and options are checked against the registry later). */
export function validateShape(raw: unknown, where: string): PhiScanConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`Config ${where} must be a JSON object.`);
  }
  const known = Object.keys(TOP_LEVEL_KEYS);
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    const expected = TOP_LEVEL_KEYS[key as keyof PhiScanConfig];
    if (!expected) {
      const hint = closest(key, known);
      throw new UsageError(
        `Config ${where}: unknown key "${key}".${hint ? ` Did you mean "${hint}"?` : ''} Known keys: ${known.join(', ')}.`,
      );
    }
    const ok =
      key === 'rules' || key === 'vocabulary'
        ? value !== null && typeof value === 'object' && !Array.isArray(value)
        : key === 'baseline'
          ? typeof value === 'string'
          : key === 'maxFileSizeKb'
            ? typeof value === 'number' && value > 0
            : isStringArray(value);
    if (!ok) throw new UsageError(`Config ${where}: "${key}" must be ${expected}.`);
  }
  const config = raw as PhiScanConfig;
  if (config.vocabulary) validateVocabulary(config.vocabulary, where);
  return config;
}

function validateVocabulary(vocabulary: VocabularyConfig, where: string): void {
  const allowed = ['add', 'exclude', 'patientWords'];
  for (const key of Object.keys(vocabulary)) {
    if (!allowed.includes(key)) {
      throw new UsageError(`Config ${where}: unknown key "vocabulary.${key}". Known keys: ${allowed.join(', ')}.`);
    }
  }
  for (const [term, spec] of Object.entries(vocabulary.add ?? {})) {
    const category = typeof spec === 'string' ? spec : spec?.category;
    if (!ALL_CATEGORIES.includes(category as never)) {
      throw new UsageError(
        `Config ${where}: vocabulary.add["${term}"] has unknown category "${String(category)}". ` +
          `Use one of the PHI-POLICY categories, e.g. "mrn", "name", "diagnosis".`,
      );
    }
  }
  for (const key of ['exclude', 'patientWords'] as const) {
    if (vocabulary[key] !== undefined && !isStringArray(vocabulary[key])) {
      throw new UsageError(`Config ${where}: "vocabulary.${key}" must be an array of strings.`);
    }
  }
}

export interface ResolvedRule {
  rule: AnyRule;
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'off'];

/** Applies config and command-line overrides to the registry; unknown ids and bad options are errors. */
export function resolveRules(
  registry: readonly AnyRule[],
  config: PhiScanConfig,
  overrides: Record<string, SeveritySetting>,
  where: string,
): ResolvedRule[] {
  const byId = new Map(registry.map((r) => [r.id, r]));
  const unknown = (id: string, origin: string) => {
    const hint = [...byId.keys()].find((k) => k.endsWith(`/${id}`) || k === `phi/${id.replace(/^.*\//, '')}`);
    return new UsageError(`${origin}: unknown rule "${id}".${hint ? ` Did you mean "${hint}"?` : ''} Run \`phi-scan rules\` to list rules.`);
  };
  const settings = new Map<string, { severity: SeveritySetting; options: Record<string, unknown> }>();
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = byId.get(id);
    if (!rule) throw unknown(id, `Config ${where}`);
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (!SEVERITIES.includes(severity)) {
      throw new UsageError(`Config ${where}: rule "${id}" severity must be "error", "warning" or "off", not ${JSON.stringify(severity)}.`);
    }
    settings.set(id, { severity, options: validateOptions(rule, options ?? {}, where) });
  }
  for (const [id, severity] of Object.entries(overrides)) {
    if (!byId.has(id)) throw unknown(id, '--rule');
    const existing = settings.get(id);
    settings.set(id, { severity, options: existing?.options ?? {} });
  }
  return registry.map((rule) => {
    const set = settings.get(rule.id);
    return {
      rule,
      severity: set?.severity ?? rule.meta.severity,
      options: { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(set?.options ?? {}) },
    };
  });
}

function validateOptions(rule: AnyRule, options: Record<string, unknown>, where: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(`Config ${where}: options of "${rule.id}" must be an object.`);
  }
  const schema: Record<string, OptionSpec> = rule.meta.schema;
  for (const [key, value] of Object.entries(options)) {
    const spec = schema[key];
    if (!spec) {
      const known = Object.keys(schema);
      throw new UsageError(
        `Config ${where}: rule "${rule.id}" has no option "${key}".` +
          (known.length ? ` Its options: ${known.join(', ')}.` : ' It takes no options.'),
      );
    }
    const valid =
      spec.type === 'number'
        ? typeof value === 'number' && (spec.min === undefined || value >= spec.min)
        : spec.type === 'boolean'
          ? typeof value === 'boolean'
          : spec.type === 'string[]'
            ? isStringArray(value)
            : typeof value === 'string' && (!spec.enum || spec.enum.includes(value));
    if (!valid) {
      const expected = spec.type === 'string' && spec.enum ? `one of ${spec.enum.map((e) => `"${e}"`).join(', ')}` : `a ${spec.type}`;
      throw new UsageError(`Config ${where}: option "${key}" of "${rule.id}" must be ${expected} (${spec.description}).`);
    }
  }
  return options;
}

export function configDir(loaded: LoadedConfig, fallback: string): string {
  return loaded.path ? dirname(loaded.path) : fallback;
}
