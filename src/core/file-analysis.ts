/**
 * One file through read -> extract -> file rules. The result is plain data, so it can cross a
 * worker-thread boundary or be cached; the same function runs in-process and in workers.
 */
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../classify/index.js';
import type { Classifier } from '../classify/types.js';
import type { ExtractOptions } from '../extract/types.js';
import { extractFacts, hasExtractor, unreadProblem } from './analyze.js';
import { resolveRules, type PhiScanConfig, type ResolvedRule } from './config.js';
import type { DiscoveredFile } from './discover.js';
import type { Fact } from './facts.js';
import { confirmKind } from './kinds.js';
import { readSourceFile } from './read.js';
import type { ProjectSettings, RuleFile } from './rule.js';
import { runFileRules } from './run-rules.js';
import { parseSuppressions, type Suppression } from './suppressions.js';
import { LineIndex } from './text.js';
import type { Finding, SeveritySetting } from './types.js';

/** Everything a file's analysis depends on besides the file: serialisable, sent to workers. */
export interface AnalysisSetup {
  config: PhiScanConfig;
  configLabel: string;
  ruleOverrides: Record<string, SeveritySetting>;
  settings: ProjectSettings;
  maxBytes: number;
}

export interface AnalysisContext {
  setup: AnalysisSetup;
  rules: ResolvedRule[];
  classifier: Classifier;
  extractOptions: ExtractOptions;
}

export function createAnalysisContext(setup: AnalysisSetup): AnalysisContext {
  return {
    setup,
    rules: resolveRules(registry, setup.config, setup.ruleOverrides, setup.configLabel),
    classifier: createClassifier(setup.config.vocabulary),
    extractOptions: { sanitizers: setup.config.sanitizers ?? [] },
  };
}

export interface FileAnalysis {
  file: RuleFile;
  facts: Fact[];
  findings: Finding[];
  suppressions: Suppression[];
  bytes: number;
  /** False when the file could not be read (binary, too large, unreadable). */
  read: boolean;
}

/** Undefined for files no extractor reads (or `.conf` files that are not PostgreSQL's). */
export async function analyseFile(file: DiscoveredFile, context: AnalysisContext): Promise<FileAnalysis | undefined> {
  if (!hasExtractor(file.kind)) return undefined;
  const read = readSourceFile(file.absolute, context.setup.maxBytes);
  return read.ok
    ? analyseText(file, read.text, read.bytes, context, read.warning)
    : finish({ path: file.path, kind: file.kind, isTest: file.isTest, text: '' }, [unreadProblem(read.reason)], read.bytes, false, context);
}

export async function analyseText(
  file: Pick<DiscoveredFile, 'path' | 'kind' | 'isTest'>,
  rawText: string,
  bytes: number,
  context: AnalysisContext,
  readWarning?: string,
): Promise<FileAnalysis | undefined> {
  const kind = confirmKind(file.kind, file.path, rawText);
  if (!kind) return undefined;
  const text = rawText.replace(/^\uFEFF/, '');
  const facts = await extractFacts({ path: file.path, kind, text }, context.extractOptions);
  if (readWarning) facts.push({ ...unreadProblem(readWarning), stillScanned: 'the whole file, with replacement characters' });
  return finish({ path: file.path, kind, isTest: file.isTest, text }, facts, bytes, true, context);
}

function finish(file: RuleFile, facts: Fact[], bytes: number, read: boolean, context: AnalysisContext): FileAnalysis {
  const findings = runFileRules(context.rules, { file, facts }, { classifier: context.classifier, settings: context.setup.settings });
  const suppressions = read ? parseSuppressions(file.text, new LineIndex(file.text)) : [];
  // Rules have read the text; results cross threads and caches without it.
  return { file: { ...file, text: '' }, facts, findings, suppressions, bytes, read };
}
