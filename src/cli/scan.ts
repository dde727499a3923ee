/** `phi-scan [paths..]`: scan, report, and turn the result into an exit code. */
import { resolve } from 'node:path';
import { writeBaseline } from '../core/baseline.js';
import { UsageError } from '../core/errors.js';
import { scan } from '../core/engine.js';
import { parseShard } from '../core/shard.js';
import type { Finding, SeveritySetting } from '../core/types.js';
import type { OutputFormat } from '../report/index.js';
import { createProgress } from './progress.js';
import { writeScanReport } from './output.js';

export interface ScanArgs {
  paths: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'never';
  maxWarnings?: number;
  quiet?: boolean;
  rule?: string[];
  color?: boolean;
  maxFileSizeKb?: number;
  includeSuppressed?: boolean;
  changedSince?: string;
  baseline?: string;
  writeBaseline?: string;
  concurrency?: number;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  project?: string;
}

export async function scanCommand(args: ScanArgs): Promise<number> {
  const ruleOverrides = parseRuleOverrides(args.rule ?? []);
  const progress = createProgress(process.stderr);
  const result = await scan({
    paths: args.paths,
    configPath: args.config,
    ruleOverrides,
    maxFileSizeKb: args.maxFileSizeKb,
    changedSince: args.changedSince,
    concurrency: args.concurrency === undefined ? undefined : validConcurrency(args.concurrency),
    cache: args.cache,
    project: args.project,
    cacheLocation: args.cacheLocation,
    shard: args.shard === undefined ? undefined : parseShard(args.shard),
    baseline: args.writeBaseline ? undefined : args.baseline && resolve(args.baseline),
    onProgress: progress.update,
  });
  progress.done();
  if (args.writeBaseline) {
    const count = writeBaseline(resolve(args.writeBaseline), result.findings);
    process.stderr.write(`phi-scan: wrote ${count} finding${count === 1 ? '' : 's'} to the baseline ${args.writeBaseline}\n`);
    return 0;
  }

  writeScanReport(result, args, {
    srcRoot: process.cwd(),
    includeSuppressed: args.includeSuppressed,
    projectFacts: result.projectFacts,
  });
  return exitCodeFor(result.findings, args.failOn, args.maxWarnings);
}

export function exitCodeFor(all: readonly Finding[], failOn: ScanArgs['failOn'], maxWarnings?: number): number {
  const active = all.filter((f) => !f.suppression);
  const errors = active.filter((f) => f.severity === 'error').length;
  const warnings = active.length - errors;
  if (failOn === 'error' && errors > 0) return 1;
  if (failOn === 'warning' && active.length > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

function validConcurrency(value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--concurrency expects a whole number of at least 1, not ${value}`);
  return value;
}

function parseRuleOverrides(values: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const at = value.lastIndexOf(':');
    const id = value.slice(0, at);
    const severity = value.slice(at + 1);
    if (at <= 0 || !['error', 'warning', 'off'].includes(severity)) {
      throw new UsageError(`--rule expects id:severity with severity error, warning or off (got "${value}"), e.g. --rule phi/code-comment:off`);
    }
    overrides[id] = severity as SeveritySetting;
  }
  return overrides;
}
