/** Runs rules over facts and turns their reports into findings (masked, fingerprinted). */
import type { Classifier } from '../classify/types.js';
import type { ResolvedRule } from './config.js';
import type { Fact } from './facts.js';
import { fingerprintOf, formatMessage } from './fingerprint.js';
import type { ProjectSettings, ReportDescriptor, RuleFile } from './rule.js';
import type { Finding, ScanNotice } from './types.js';

export interface RuleRunInput {
  classifier: Classifier;
  settings: ProjectSettings;
  /** Where `context.note(...)` messages go; notes are dropped when absent. */
  notices?: ScanNotice[];
}

export interface FileFacts {
  file: RuleFile;
  facts: Fact[];
}

export function runFileRules(rules: readonly ResolvedRule[], target: FileFacts, input: RuleRunInput): Finding[] {
  const findings: Finding[] = [];
  for (const resolved of rules) {
    if (resolved.rule.scope !== 'file' || resolved.severity === 'off') continue;
    runOne(resolved, target.file, target.facts, [target], input, findings);
  }
  return withFingerprints(withLogicalNames(findings, [target]));
}

export function runProjectRules(rules: readonly ResolvedRule[], all: readonly FileFacts[], input: RuleRunInput): Finding[] {
  const findings: Finding[] = [];
  const facts = all.flatMap((f) => f.facts);
  for (const resolved of rules) {
    if (resolved.rule.scope !== 'project' || resolved.severity === 'off') continue;
    runOne(resolved, undefined, facts, all, input, findings);
  }
  return withFingerprints(withLogicalNames(findings, all));
}

function runOne(
  resolved: ResolvedRule,
  file: RuleFile | undefined,
  facts: readonly Fact[],
  files: readonly FileFacts[],
  input: RuleRunInput,
  out: Finding[],
): void {
  const { rule, severity, options } = resolved;
  if (severity === 'off') return;
  const report = (d: ReportDescriptor) => {
    const template = rule.meta.messages[d.messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${d.messageId}"`);
    const path = d.path ?? file?.path ?? input.settings.projectFile ?? 'package.json';
    out.push({
      ruleId: rule.id,
      messageId: d.messageId,
      message: formatMessage(template, d.data),
      severity: d.severity && severity === 'error' ? d.severity : severity,
      category: d.category,
      location: d.logical ? { path, ...d.span, logical: d.logical } : { path, ...d.span },
      evidence: d.evidence,
      fingerprint: d.context ?? `${d.messageId}\0${d.evidence}`,
      help: rule.meta.help,
    });
  };
  const note = (message: string, path?: string) =>
    input.notices?.push({ path: path ?? file?.path ?? input.settings.projectFile ?? 'package.json', level: 'note', message: `${rule.id}: ${message}` });
  rule.check({ file, facts, files, options, classifier: input.classifier, settings: input.settings, report, note });
}

/**
 * Rules report spans, not facts: a finding on the line of a fact that has a logical name
 * (a live catalog's object) takes that name as its logical location.
 */
function withLogicalNames(findings: Finding[], files: readonly FileFacts[]): Finding[] {
  if (findings.length === 0) return findings;
  let byLine: Map<string, string> | undefined;
  for (const finding of findings) {
    if (finding.location.logical !== undefined) continue;
    byLine ??= logicalNamesByLine(files);
    if (byLine.size === 0) return findings;
    const logical = byLine.get(`${finding.location.path}\0${finding.location.line}`);
    if (logical !== undefined) finding.location.logical = logical;
  }
  return findings;
}

function logicalNamesByLine(files: readonly FileFacts[]): Map<string, string> {
  const byLine = new Map<string, string>();
  for (const { file, facts } of files) {
    for (const fact of facts) {
      if (fact.logical === undefined) continue;
      const key = `${file.path}\0${fact.span.line}`;
      if (!byLine.has(key)) byLine.set(key, fact.logical);
    }
  }
  return byLine;
}

/** Replaces the provisional context with a fingerprint, numbering repeats of the same context. */
function withFingerprints(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.ruleId}\0${f.location.path}\0${f.fingerprint}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = fingerprintOf(f.ruleId, f.location.path, f.fingerprint, n);
  }
  return findings;
}
