/** Writes a report to `--output` (creating folders) or to stdout; a write failure is a usage error. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ScanResult } from '../core/engine.js';
import { UsageError } from '../core/errors.js';
import { formatReport, type OutputFormat, type ReportInput } from '../report/index.js';
import { DOCS_BASE_URL, HOME_URL, TOOL_VERSION } from '../version.js';

export function writeOutput(text: string, output: string | undefined): void {
  if (!output) {
    if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const target = resolve(output);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`Cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export interface ReportArgs {
  format: OutputFormat;
  output?: string;
  quiet?: boolean;
  color?: boolean;
}

/** Formats a scan result as the user asked (`--quiet`, colour only on a terminal) and writes it. */
export function writeScanReport(result: ScanResult, args: ReportArgs, extra: Partial<ReportInput> = {}): void {
  const findings = args.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const report = formatReport(args.format, {
    findings,
    rules: result.rules,
    stats: result.stats,
    toolVersion: TOOL_VERSION,
    docsBaseUrl: DOCS_BASE_URL,
    informationUri: HOME_URL,
    color: args.color ?? (!args.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
    notices: result.notices,
    ...extra,
  });
  writeOutput(report, args.output);
}
