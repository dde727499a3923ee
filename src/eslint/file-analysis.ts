/**
 * One engine analysis per linted file, shared by every phi rule: the file's facts (the same
 * extractors as the CLI, run synchronously) and its `phi-scan-ignore` directives. Cached on
 * the file's SourceCode object, so each ESLint rule only runs its own registry rule.
 */
import { relative, resolve, sep } from 'node:path';
import type ts from 'typescript';
import typescript from '../typescript-runtime.js';
import { extractFactsSync } from '../core/analyze.js';
import type { Fact } from '../core/facts.js';
import { confirmKind, kindOfPath } from '../core/kinds.js';
import type { RuleFile } from '../core/rule.js';
import { parseSuppressions, type Suppression } from '../core/suppressions.js';
import { LineIndex } from '../core/text.js';
import type { TypeScriptExtractOptions } from '../extract/typescript/index.js';
import type { FileKind } from '../extract/types.js';
import { PhiTextSourceCode } from './language/source-code.js';
import { projectOf, type PhiProject } from './project.js';
import { typeOracleOf } from '../extract/typescript/type-oracle.js';

export interface AnalysedFile {
  file: RuleFile;
  facts: Fact[];
  suppressions: Suppression[];
  project: PhiProject;
}

/** The parts of an ESLint rule context the analysis reads (the same under every ESLint version). */
export interface LintTarget {
  filename: string;
  physicalFilename?: string;
  cwd: string;
  sourceCode: object & { text: string };
}

interface TsParserServices {
  esTreeNodeToTSNodeMap?: { get(node: unknown): unknown };
  program?: ts.Program | null;
}

const analyses = new WeakMap<object, AnalysedFile | null>();

/** Undefined for files the CLI does not analyse either (`.d.ts`, `.min.js`, excluded, non-JS text). */
export function analysisOf(target: LintTarget): AnalysedFile | undefined {
  const key = target.sourceCode;
  let analysis = analyses.get(key);
  if (analysis === undefined) {
    analysis = analyse(target) ?? null;
    analyses.set(key, analysis);
  }
  return analysis ?? undefined;
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

function isVirtual(filename: string): boolean {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  return base.startsWith('<') || !base.includes('.');
}

function kindOf(target: LintTarget, path: string): FileKind | undefined {
  if (target.sourceCode instanceof PhiTextSourceCode) return confirmKind(target.sourceCode.kind, path, target.sourceCode.text);
  const kind = kindOfPath(path);
  if (kind === 'typescript') return kind;
  // Text given without a file name (stdin, RuleTester) is read as TypeScript, which parses JS too.
  return kind === undefined && isVirtual(target.filename) ? 'typescript' : undefined;
}

function analyse(target: LintTarget): AnalysedFile | undefined {
  const cwd = resolve(target.cwd);
  const absolute = resolve(cwd, target.physicalFilename ?? target.filename);
  const path = isVirtual(target.filename) ? target.filename : toPosix(relative(cwd, resolve(cwd, target.filename)));
  const kind = kindOf(target, path);
  if (!kind) return undefined;
  const project = projectOf(absolute, cwd);
  if (project.excludes(absolute)) return undefined;
  const text = target.sourceCode.text;
  const facts = extractFactsSync({ path, kind, text }, kind === 'typescript' ? typeScriptOptions(target, project) : project.extractOptions);
  const file: RuleFile = { path, kind, isTest: project.isTest(absolute), text };
  const suppressions = text.includes('phi-scan-ignore-') ? parseSuppressions(text, new LineIndex(text)) : [];
  return { file, facts, suppressions, project };
}

/** typescript-eslint's parse, when it made one, is reused; its type checker enables type-aware analysis. */
function typeScriptOptions(target: LintTarget, project: PhiProject): TypeScriptExtractOptions {
  const code = target.sourceCode as { ast?: unknown; parserServices?: TsParserServices };
  const services = code.parserServices;
  const node = services?.esTreeNodeToTSNodeMap?.get(code.ast);
  const sourceFile = node && (node as ts.Node).kind === typescript.SyntaxKind.SourceFile ? (node as ts.SourceFile) : undefined;
  const checker = sourceFile && services?.program ? services.program.getTypeChecker() : undefined;
  return {
    ...project.extractOptions,
    ...(sourceFile ? { sourceFile } : {}),
    ...(checker ? { typeAware: true, types: typeOracleOf(checker, project.classifier) } : {}),
  };
}
