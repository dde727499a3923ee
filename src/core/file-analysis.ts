/**
 * One file through read -> extract -> file rules. The result is plain data, so it can cross a
 * worker-thread boundary or be cached; the same function runs in-process and in workers.
 */
import { rules as registry } from '../../rules/index.js';
import { createClassifier } from '../classify/index.js';
import type { Classifier } from '../classify/types.js';
import type { ExtractOptions } from '../extract/types.js';
import type { TypeAware } from './type-aware.js';
import type { TypeScriptExtractOptions } from '../extract/typescript/index.js';
import { extractFacts, hasExtractor, unreadProblem } from './analyze.js';
import { resolveRules, type PhiScanConfig, type ResolvedRule } from './config.js';
import type { DiscoveredFile } from './discover.js';
import type { Fact } from './facts.js';
import { generatedReason } from './generated.js';
import { confirmKind } from './kinds.js';
import { PROJECT_FACT_KINDS } from './project-facts.js';
import type { PrereadFiles } from './preread.js';
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
  /** `--project`: the program and type oracle for TypeScript files (in-process scans only). */
  typeAware?: TypeAware;
  /** Bytes read earlier in the run (main thread only). */
  preread?: PrereadFiles;
}

/** `inProcess`: what only the thread that scans in the main process has (a type checker, preread bytes). */
export function createAnalysisContext(setup: AnalysisSetup, inProcess: Pick<AnalysisContext, 'typeAware' | 'preread'> = {}): AnalysisContext {
  return {
    ...inProcess,
    setup,
    rules: resolveRules(registry, setup.config, setup.ruleOverrides, setup.configLabel),
    classifier: createClassifier(setup.config.vocabulary),
    extractOptions: { sanitizers: setup.config.sanitizers ?? [], logSinks: setup.config.logSinks ?? [] },
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
  const extracted = await extractFile(file, context);
  return extracted && finishFile(extracted, context);
}

/** A file read and extracted, its rules not run yet. */
export interface ExtractedFile {
  file: RuleFile;
  facts: Fact[];
  bytes: number;
  /** False when the file could not be read (binary, too large, unreadable, generated). */
  read: boolean;
}

/** The first half of `analyseFile`: read and extract (undefined for files no extractor reads). */
export async function extractFile(file: DiscoveredFile, context: AnalysisContext): Promise<ExtractedFile | undefined> {
  if (!hasExtractor(file.kind)) return undefined;
  const read = readSourceFile(file.absolute, context.setup.maxBytes, context.preread?.take(file.absolute));
  return read.ok
    ? extractText(file, read.text, read.bytes, context, read.warning, file.absolute)
    : { file: { path: file.path, kind: file.kind, isTest: file.isTest, text: '' }, facts: [unreadProblem(read.reason)], bytes: read.bytes, read: false };
}

async function extractText(
  file: Pick<DiscoveredFile, 'path' | 'kind' | 'isTest'>,
  rawText: string,
  bytes: number,
  context: AnalysisContext,
  readWarning: string | undefined,
  absolute: string | undefined,
): Promise<ExtractedFile | undefined> {
  const kind = confirmKind(file.kind, file.path, rawText);
  if (!kind) return undefined;
  const text = rawText.replace(/^\uFEFF/, '');
  const generated = generatedReason(kind, text);
  if (generated) return { file: { path: file.path, kind, isTest: file.isTest, text: '' }, facts: [unreadProblem(generated)], bytes, read: false };
  const facts = await extractFacts({ path: file.path, kind, text }, extractOptionsFor(kind, context, absolute));
  if (readWarning) facts.push({ ...unreadProblem(readWarning), stillScanned: 'the whole file, with replacement characters' });
  return { file: { path: file.path, kind, isTest: file.isTest, text }, facts, bytes, read: true };
}

export async function analyseText(
  file: Pick<DiscoveredFile, 'path' | 'kind' | 'isTest'>,
  rawText: string,
  bytes: number,
  context: AnalysisContext,
  readWarning?: string,
  absolute?: string,
): Promise<FileAnalysis | undefined> {
  const extracted = await extractText(file, rawText, bytes, context, readWarning, absolute);
  return extracted && finishFile(extracted, context);
}

function extractOptionsFor(kind: string, context: AnalysisContext, absolute: string | undefined): TypeScriptExtractOptions {
  const typeAware = context.typeAware;
  if (!typeAware || kind !== 'typescript' || !absolute) return context.extractOptions;
  const sourceFile = typeAware.program.getSourceFile(absolute);
  // Files outside the program are analysed syntactically, as without --project.
  return sourceFile ? { ...context.extractOptions, typeAware: true, types: typeAware.types, sourceFile } : context.extractOptions;
}

/** The second half of `analyseFile`: file rules, suppressions, and what is kept of the facts. */
export function finishFile({ file, facts, bytes, read }: ExtractedFile, context: AnalysisContext): FileAnalysis {
  const findings = runFileRules(context.rules, { file, facts }, { classifier: context.classifier, settings: context.setup.settings });
  let lines: LineIndex | undefined;
  const linesOf = () => (lines ??= new LineIndex(file.text));
  const suppressions = read ? parseSuppressions(file.text, linesOf) : [];
  recordMisspelledKeys(facts, file.text, linesOf);
  // Rules have read the text and the file's facts; results cross threads and caches with only
  // what the main thread still needs: project rules' facts and logical names.
  const kept = facts.filter((f) => PROJECT_FACT_KINDS.has(f.kind) || f.logical !== undefined);
  return { file: { ...file, text: '' }, facts: kept, findings, suppressions, bytes, read };
}

const WORD = /[A-Za-z]+/;

/** Project rules run after the text is dropped: a misspelled settings key is kept as written. */
function recordMisspelledKeys(facts: Fact[], text: string, linesOf: () => LineIndex): void {
  for (const fact of facts) {
    if (fact.kind !== 'project-request' || fact.hipaa !== 'misspelled' || fact.key) continue;
    const lines = linesOf();
    const start = lines.lineStart(fact.span.line) + fact.span.column - 1;
    const end = lines.lineStart(fact.span.endLine) + fact.span.endColumn - 1;
    const key = WORD.exec(text.slice(start, Math.min(end, start + 40)))?.[0];
    if (key) fact.key = key;
  }
}
