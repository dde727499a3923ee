/** Reporters: pure functions of findings + rule metadata to text, one per output format. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { OutputFormat, ReportInput } from './types.js';

export type { OutputFormat, ReportInput } from './types.js';
export { buildJsonReport, JSON_FORMAT_VERSION, type JsonFinding, type JsonReport } from './json.js';
export { buildSarif, type SarifLog } from './sarif.js';
export { NOTIFICATION_RULE_IDS, ruleHelpUri, sortFindings } from './common.js';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github', 'markdown'];

const FORMATTERS: Record<OutputFormat, (input: ReportInput) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};

export function formatReport(format: OutputFormat, input: ReportInput): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new Error(`Unknown output format "${String(format)}"; expected one of ${OUTPUT_FORMATS.join(', ')}`);
  return formatter(input);
}
