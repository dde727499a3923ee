/**
 * Baselines: known findings recorded by fingerprint (rule, path, normalised content hash — never
 * line numbers, never raw PHI), so a team adopting phi-scan is judged only on new findings.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './errors.js';
import { jsonErrorReason } from './parser-message.js';
import type { Finding, ScanNotice } from './types.js';

export interface BaselineEntry {
  ruleId: string;
  path: string;
  fingerprint: string;
}

export interface Baseline {
  version: 1;
  tool: 'phi-scan';
  entries: BaselineEntry[];
}

export function readBaseline(file: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `Baseline not found: ${file}. Create it with --write-baseline ${file}.`
        : `Baseline ${file} is not readable JSON: ${jsonErrorReason(error)}`,
    );
  }
  const baseline = raw as Partial<Baseline>;
  if (baseline?.tool !== 'phi-scan' || baseline.version !== 1 || !Array.isArray(baseline.entries)) {
    throw new UsageError(`Baseline ${file} is not a phi-scan baseline (version 1). Recreate it with --write-baseline ${file}.`);
  }
  return baseline as Baseline;
}

export function writeBaseline(file: string, findings: readonly Finding[]): number {
  const entries = findings
    .filter((f) => f.suppression?.kind !== 'inline')
    .map((f) => ({ ruleId: f.ruleId, path: f.location.path, fingerprint: f.fingerprint }))
    .sort((a, b) => (a.path + a.ruleId + a.fingerprint < b.path + b.ruleId + b.fingerprint ? -1 : 1));
  const baseline: Baseline = { version: 1, tool: 'phi-scan', entries };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`Cannot write baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return entries.length;
}

/** Marks baselined findings as suppressed; returns a notice for stale entries. */
export function applyBaseline(baseline: Baseline, findings: Finding[], file: string): ScanNotice[] {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const matched = new Set<string>();
  for (const finding of findings) {
    if (finding.suppression || !known.has(finding.fingerprint)) continue;
    finding.suppression = { kind: 'baseline', justification: `listed in ${file}` };
    matched.add(finding.fingerprint);
  }
  const stale = baseline.entries.filter((e) => !matched.has(e.fingerprint));
  if (!stale.length) return [];
  return [
    {
      path: file,
      level: 'note',
      message: `${stale.length} baseline ${stale.length === 1 ? 'entry matches' : 'entries match'} no finding any more (fixed or gone); refresh the baseline with --write-baseline ${file}.`,
    },
  ];
}
