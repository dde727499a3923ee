/** One file through the pipeline: text -> extractors -> facts. Never throws. */
import { extractors } from '../extract/index.js';
import type { ExtractOptions, FileKind, SourceFile } from '../extract/types.js';
import type { Fact, ParseProblemFact } from './facts.js';
import { FILE_START } from './text.js';

const byKind = new Map<FileKind, typeof extractors>();
for (const extractor of extractors) {
  for (const kind of extractor.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), extractor]);
}

export function hasExtractor(kind: FileKind): boolean {
  return byKind.has(kind);
}

export async function extractFacts(file: SourceFile, options: ExtractOptions = {}): Promise<Fact[]> {
  const facts: Fact[] = [];
  for (const extractor of byKind.get(file.kind) ?? []) {
    try {
      facts.push(...(await extractor.extract(file, options)));
    } catch (error) {
      facts.push(internalProblem(extractor.id, error));
    }
  }
  return facts;
}

/**
 * The same extraction, synchronously (ESLint rules cannot await): every extractor of the kind
 * must return its facts directly, which the registered ones do once `loadSqlParser()` resolved.
 */
export function extractFactsSync(file: SourceFile, options: ExtractOptions = {}): Fact[] {
  const facts: Fact[] = [];
  for (const extractor of byKind.get(file.kind) ?? []) {
    try {
      const result = extractor.extract(file, options);
      if (result instanceof Promise) {
        result.catch(() => undefined);
        throw new Error('it is asynchronous here; await loadSqlParser() before a synchronous run');
      }
      facts.push(...result);
    } catch (error) {
      facts.push(internalProblem(extractor.id, error));
    }
  }
  return facts;
}

function internalProblem(extractorId: string, error: unknown): ParseProblemFact {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    kind: 'parse-problem',
    source: 'other',
    span: FILE_START,
    message: `the ${extractorId} extractor failed (${reason})`,
    stillScanned: 'facts found before the failure',
  };
}

/** A parse-problem for a file that could not be read at all. */
export function unreadProblem(reason: string): ParseProblemFact {
  return { kind: 'parse-problem', source: 'other', span: FILE_START, message: reason, stillScanned: 'nothing' };
}
