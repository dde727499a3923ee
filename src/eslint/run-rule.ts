/**
 * One registry rule over one analysed file, through the engine's own rule runner and inline
 * suppressions, so a phi ESLint rule reports exactly what the CLI reports for that rule.
 */
import { rules as registry } from '../../rules/index.js';
import type { AnyRule, ReportDescriptor, RuleContext } from '../core/rule.js';
import { runFileRules } from '../core/run-rules.js';
import { applySuppressions } from '../core/suppressions.js';
import type { Span } from '../core/types.js';
import type { AnalysedFile } from './file-analysis.js';

export interface PhiReport {
  messageId: string;
  /** Already masked by the rule. */
  data: Record<string, string | number>;
  span: Span;
}

const knownRuleIds: ReadonlySet<string> = new Set(registry.map((r) => r.id));

export function runRule(rule: AnyRule, options: Record<string, unknown>, analysis: AnalysedFile): PhiReport[] {
  // The engine turns reports into findings one for one; the descriptors keep the message data.
  const descriptors: ReportDescriptor[] = [];
  const capturing: AnyRule = {
    ...rule,
    check: (context: RuleContext<unknown>) =>
      rule.check({
        ...context,
        report(descriptor) {
          descriptors.push(descriptor);
          context.report(descriptor);
        },
      }),
  };
  const { file, facts, project } = analysis;
  const findings = runFileRules(
    [{ rule: capturing, severity: rule.meta.severity, options }],
    { file, facts },
    { classifier: project.classifier, settings: project.settings },
  );
  if (findings.length !== descriptors.length) throw new Error(`phi-scan: ${rule.id} reports and findings disagree`);
  if (analysis.suppressions.length) {
    const suppressions = analysis.suppressions.map((s) => ({ ...s, used: false }));
    applySuppressions(file.path, suppressions, findings, knownRuleIds);
  }
  const reports: PhiReport[] = [];
  findings.forEach((finding, i) => {
    if (finding.suppression || finding.location.path !== file.path) return;
    const { line, column, endLine, endColumn } = finding.location;
    reports.push({ messageId: finding.messageId, data: descriptors[i]?.data ?? {}, span: { line, column, endLine, endColumn } });
  });
  return reports;
}
