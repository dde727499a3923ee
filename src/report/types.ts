/** What every reporter receives: findings plus the metadata needed to describe them. */
import type { ProjectFacts } from '../core/project-facts.js';
import type { AnyRule } from '../core/rule.js';
import type { Finding, ScanNotice, ScanStats } from '../core/types.js';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github' | 'markdown';

export interface ReportInput {
  /** Includes suppressed findings (`finding.suppression` set); reporters leave them out unless `includeSuppressed`. */
  findings: Finding[];
  /** Every known rule, for metadata. */
  rules: AnyRule[];
  stats: ScanStats;
  toolVersion: string;
  /** Docs base URL: a rule's page is `${docsBaseUrl}/${ruleName}.md`. */
  docsBaseUrl: string;
  /** Stylish only: ANSI colours. */
  color?: boolean;
  notices?: ScanNotice[];
  /** json and sarif: also emit suppressed findings, marked as such. */
  includeSuppressed?: boolean;
  /** sarif: the project home page (`tool.driver.informationUri`). */
  informationUri?: string;
  /** sarif: absolute path of the scan root, recorded as `originalUriBaseIds.%SRCROOT%.uri`. */
  srcRoot?: string;
  /** markdown: at most this many finding rows (PR comments are limited to 65,536 characters). */
  markdownMaxRows?: number;
  /** json and sarif of a `--shard` run: the facts `phi-scan merge` needs to run project rules. */
  projectFacts?: ProjectFacts;
}
