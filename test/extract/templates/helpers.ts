/** Runs the templates extractor and the support-ticket rule on an in-memory file. */
import rule from '../../../rules/support-ticket.js';
import { defaultClassifier } from '../../../src/classify/index.js';
import type { Fact, TemplateFieldFact } from '../../../src/core/facts.js';
import { kindOfPath } from '../../../src/core/kinds.js';
import type { ReportDescriptor } from '../../../src/core/rule.js';
import { extractTemplateFile } from '../../../src/extract/templates/index.js';

export function extract(path: string, text: string): Fact[] {
  const kind = kindOfPath(path);
  if (!kind) throw new Error(`no kind for ${path}`);
  return extractTemplateFile({ path, kind, text });
}

export function fields(path: string, text: string): TemplateFieldFact[] {
  return extract(path, text).filter((f): f is TemplateFieldFact => f.kind === 'template-field');
}

export interface RuleResult extends ReportDescriptor {
  message: string;
}

export function check(path: string, text: string, options: Partial<{ requireNotice: boolean }> = {}): RuleResult[] {
  const facts = extract(path, text);
  const out: RuleResult[] = [];
  rule.check({
    note: () => undefined,
      file: { path, kind: kindOfPath(path) ?? 'other', isTest: false, text },
    facts,
    files: [],
    options: { ...rule.meta.defaultOptions, ...options },
    classifier: defaultClassifier(),
    settings: { sanitizers: [], projectFile: undefined },
    report: (d) => {
      const template = rule.meta.messages[d.messageId] ?? '';
      out.push({ ...d, message: template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(d.data?.[k] ?? '')) });
    },
  });
  return out;
}

export const lines = (results: readonly RuleResult[]) => [...new Set(results.map((r) => r.span.line))].sort((a, b) => a - b);
