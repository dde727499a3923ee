import type { Fact, FactOf, FactKind } from '../../../src/core/facts.js';
import { extractSqlFile } from '../../../src/extract/sql/index.js';

export async function extract(sql: string): Promise<Fact[]> {
  return extractSqlFile('test.sql', sql);
}

export function ofKind<K extends FactKind>(facts: readonly Fact[], kind: K): FactOf<K>[] {
  return facts.filter((f): f is FactOf<K> => f.kind === kind);
}

/** `line:column-endLine:endColumn` for compact span assertions. */
export function at(f: { span: { line: number; column: number; endLine: number; endColumn: number } }): string {
  return `${f.span.line}:${f.span.column}-${f.span.endLine}:${f.span.endColumn}`;
}

export function names(facts: readonly Fact[], defines?: boolean): string[] {
  return ofKind(facts, 'schema-name')
    .filter((f) => defines === undefined || f.defines === defines)
    .map((f) => `${f.objectKind}:${f.name}@${at(f)}`);
}

/** The expected span of the `nth` occurrence of `needle`, computed from the raw text by hand. */
export function spanOf(text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let k = 0; k <= nth; k++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
  }
  const pos = (offset: number): string => {
    const before = text.slice(0, offset).split(/\r\n|\n/);
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };
  return `${pos(index)}-${pos(index + needle.length)}`;
}
