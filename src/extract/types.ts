/** The extractor contract: one extractor per input kind, text in, facts with exact spans out. */
import type { Fact } from '../core/facts.js';

/** What discovery decided a file is. */
export type FileKind =
  | 'sql'
  | 'postgresql-conf'
  | 'typescript'
  | 'prisma'
  | 'template'
  | 'issue-form'
  | 'helpdesk'
  | 'package-json'
  | 'env'
  | 'shell'
  | 'yaml'
  | 'json'
  | 'toml'
  | 'other';

export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  path: string;
  kind: FileKind;
  text: string;
}

export interface ExtractOptions {
  /** Type-aware analysis (TypeScript) when a program is available. */
  typeAware?: boolean;
  /** Project-configured sanitizer function names: values passed through them are not evidence. */
  sanitizers?: readonly string[];
  /** Project-specific sink functions or methods (`audit.record`, `track`), treated as log sinks. */
  logSinks?: readonly string[];
}

export interface Extractor {
  id: string;
  kinds: readonly FileKind[];
  /** Must not throw on any input: unparseable parts become `parse-problem` facts. */
  extract(file: SourceFile, options: ExtractOptions): Fact[] | Promise<Fact[]>;
}
