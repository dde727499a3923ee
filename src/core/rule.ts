/** The rule contract: `defineRule({ id, meta, scope, check })`. Rules read facts, report findings. */
import type { Classifier } from '../classify/types.js';
import type { Fact } from './facts.js';
import type { RedactScope } from './pino-redact.js';
import type { FindingCategory, Severity, Span } from './types.js';

export interface RuleDocs {
  /** One line, shown by `phi-scan rules` and as SARIF shortDescription. */
  description: string;
  /** Tags for SARIF (`security`, `hipaa`, `metadata`, ...). */
  tags?: string[];
  /** 0.0 - 10.0, for GitHub code scanning's severity. */
  securitySeverity?: number;
}

export interface RuleMeta<Options> {
  description: string;
  severity: Severity;
  categories?: readonly FindingCategory[];
  /** Message templates with `{{name}}` placeholders; data is masked before it gets here. */
  messages: Record<string, string>;
  /** JSON-schema-like description of options, validated by the config loader. */
  schema: Record<string, OptionSpec>;
  defaultOptions: Options;
  docs: RuleDocs;
  /** What to do instead, shown as help in every format. */
  help: string;
}

export type OptionSpec =
  | { type: 'number'; description: string; min?: number }
  | { type: 'boolean'; description: string }
  | { type: 'string'; description: string; enum?: readonly string[] }
  | { type: 'string[]'; description: string };

/** A file as rules see it. */
export interface RuleFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  kind: string;
  /** True for test files and fixtures (seeds in test folders are allowed to hold fake PHI). */
  isTest: boolean;
  text: string;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  /** Defaults to the rule's file; project rules name the file. */
  path?: string;
  logical?: string;
  category: FindingCategory;
  /** Masked evidence. */
  evidence: string;
  /** Normalised context for the fingerprint: the masked evidence and sink, never line numbers. */
  context?: string;
  /** Override the configured severity (a development-only setting is a warning). */
  severity?: Severity;
}

export interface RuleContext<Options> {
  /** The file under check (file rules) or undefined (project rules). */
  file: RuleFile | undefined;
  /** The file's facts (file rules) or every file's facts (project rules). */
  facts: readonly Fact[];
  /** For project rules: every fact with the file it came from. */
  files: readonly { file: RuleFile; facts: readonly Fact[] }[];
  options: Options;
  classifier: Classifier;
  /** Project-configured sanitizer function names, extra sinks, and the like. */
  settings: ProjectSettings;
  report(descriptor: ReportDescriptor): void;
  /** Says something the user should see that is not a finding (an attestation, a default applied). */
  note(message: string, path?: string): void;
}

export interface ProjectSettings {
  sanitizers: string[];
  /** Paths pino `redact` options remove from log lines, per package folder. */
  redactScopes?: RedactScope[];
  /** Path of the config file or package.json that project findings attach to. */
  projectFile: string | undefined;
}

export interface Rule<Options = Record<string, unknown>> {
  id: string;
  meta: RuleMeta<Options>;
  scope: 'file' | 'project';
  check(context: RuleContext<Options>): void;
}

export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export type AnyRule = Rule<any>;
