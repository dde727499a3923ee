/** `phi-scan merge <reports..>`: one report (and one SARIF run) from the reports of `--shard` runs. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../classify/index.js';
import { configDir, loadConfig, resolveRules } from '../core/config.js';
import { mergeShardReports, readShardReport, type MergeResult } from '../core/merge.js';
import { buildSarif, formatReport, type OutputFormat, type ReportInput } from '../report/index.js';
import { DOCS_BASE_URL, HOME_URL, TOOL_VERSION } from '../version.js';
import { exitCodeFor } from './scan.js';
import { writeOutput } from './output.js';

export const MERGE_COMMAND = 'merge <reports..>';
export const MERGE_DESCRIPTION = 'Join the json or sarif reports of `--shard i/n` runs into one report; project rules run on the merged facts';

export interface MergeArgs {
  reports: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  baseline?: string;
  failOn: 'error' | 'warning' | 'never';
  maxWarnings?: number;
  includeSuppressed?: boolean;
}

export function mergeOptions(y: Argv) {
  return y
    .positional('reports', { type: 'string', array: true, description: 'Reports written by `phi-scan --shard i/n -f json|sarif -o <file>`' })
    .option('format', { alias: 'f', choices: ['json', 'sarif', 'stylish', 'github', 'markdown'] as const, default: 'json', description: 'Output format' })
    .option('output', { alias: 'o', type: 'string', description: 'Write the merged report to this file instead of stdout' })
    .option('config', { alias: 'c', type: 'string', description: 'Config file (the one the shards used); default: discovered in the current folder' })
    .option('baseline', { type: 'string', description: 'Baseline file for the project-level findings (shards applied it to theirs)' })
    .option('fail-on', { choices: ['error', 'warning', 'never'] as const, default: 'error', description: 'Lowest severity that makes the exit code 1' })
    .option('max-warnings', { type: 'number', description: 'Exit 1 when there are more warnings than this' })
    .option('include-suppressed', { type: 'boolean', description: 'json and sarif: also list suppressed findings, marked as such' });
}

export async function mergeCommand(args: MergeArgs): Promise<number> {
  const cwd = process.cwd();
  const loaded = loadConfig(args.config, [cwd]);
  const rules = resolveRules(registry, loaded.config, {}, loaded.path ?? 'config');
  const baseline = args.baseline ?? (loaded.config.baseline ? resolve(configDir(loaded, cwd), loaded.config.baseline) : undefined);
  const merged = mergeShardReports(
    args.reports.map((path) => readShardReport(resolve(path))),
    { rules, classifier: createClassifier(loaded.config.vocabulary), sanitizers: loaded.config.sanitizers ?? [], ...(baseline && { baseline: resolve(baseline) }) },
  );
  const input: ReportInput = {
    findings: merged.findings,
    rules: registry,
    stats: merged.stats,
    toolVersion: TOOL_VERSION,
    docsBaseUrl: DOCS_BASE_URL,
    informationUri: HOME_URL,
    srcRoot: cwd,
    color: false,
    notices: merged.notices,
    includeSuppressed: args.includeSuppressed,
  };
  const report = args.format === 'sarif' ? mergedSarif(input, merged) : formatReport(args.format, input);
  writeOutput(report, args.output);
  return exitCodeFor(merged.findings, args.failOn, args.maxWarnings);
}

/** One run; results that came from SARIF shards keep the fingerprint hash they had there. */
function mergedSarif(input: ReportInput, merged: MergeResult): string {
  const log = buildSarif(input);
  if (merged.sarifHashes.size) {
    const original = new Map([...merged.sarifHashes].map((h) => [createHash('sha256').update(h).digest('hex'), h]));
    for (const result of log.runs[0].results) {
      const key = Object.keys(result.fingerprints)[0]!;
      const hash = original.get(result.fingerprints[key]!);
      if (!hash) continue;
      result.fingerprints[key] = hash;
      const occurrence = result.partialFingerprints.primaryLocationLineHash.split(':')[1];
      result.partialFingerprints.primaryLocationLineHash = `${hash.slice(0, 16)}:${occurrence}`;
    }
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}
