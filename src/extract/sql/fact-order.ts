/**
 * Facts in source order. Each list an extractor builds is nearly in order already (a COMMENT ON
 * names its column before its table), so an insertion sort costs one pass; a list far out of
 * order falls back to a full sort once the insertions exceed its length.
 */
import type { Fact } from '../../core/facts.js';
import type { Span } from '../../core/types.js';

function before(a: Span, b: Span): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

const bySpan = (a: Fact, b: Fact): number => a.span.line - b.span.line || a.span.column - b.span.column;

/** Sorts in place by line and column; facts at the same position keep their order. */
export function sortBySpan(facts: Fact[]): Fact[] {
  let moved = 0;
  for (let i = 1; i < facts.length; i++) {
    const fact = facts[i]!;
    let j = i;
    while (j > 0 && before(fact.span, facts[j - 1]!.span)) {
      facts[j] = facts[j - 1]!;
      j--;
    }
    if (j === i) continue;
    facts[j] = fact;
    moved += i - j;
    if (moved > facts.length) return facts.sort(bySpan);
  }
  return facts;
}

/** Merges two lists sorted by span; on equal positions `first`'s facts come first. */
export function mergeBySpan(first: readonly Fact[], second: readonly Fact[]): Fact[] {
  if (first.length === 0) return second as Fact[];
  if (second.length === 0) return first as Fact[];
  const out: Fact[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    if (before(second[j]!.span, first[i]!.span)) out.push(second[j++]!);
    else out.push(first[i++]!);
  }
  while (i < first.length) out.push(first[i++]!);
  while (j < second.length) out.push(second[j++]!);
  return out;
}
