/**
 * Plug-ins of the TypeScript/JavaScript walk: the extractor parses each file once and walks it
 * once, handing every node to each visitor, so analyses of ORM schemas, sessions or project
 * settings add neither a second parse nor a second walk.
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
  /**
   * Called for every node, parents before children; returning `true` skips the node's
   * descendants for this visitor. Absent when the file holds nothing for the visitor to walk.
   */
  visit?(node: ts.Node): boolean | void;
  /** Facts found in the file, once the walk is over. */
  finish(): Fact[];
}

export type TsVisitorFactory = (context: TsFileContext) => TsVisitor | undefined;
