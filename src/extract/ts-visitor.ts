/**
 * Plug-ins of the TypeScript/JavaScript walk: the extractor parses each file once and hands every
 * node to each visitor, so analyses of ORM schemas, sessions or forms add no second parse.
 */
import type ts from 'typescript';
import type { Fact } from '../core/facts.js';
import type { LineIndex } from '../core/text.js';

export interface TsFileContext {
  sourceFile: ts.SourceFile;
  path: string;
  lines: LineIndex;
}

export interface TsVisitor {
  /** Called for every node, parents before children. */
  visit(node: ts.Node): void;
  /** Facts found in the file, once the walk is over. */
  finish(): Fact[];
}

export type TsVisitorFactory = (context: TsFileContext) => TsVisitor | undefined;
