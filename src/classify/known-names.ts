/**
 * Names a file already reveals elsewhere: a view column `"Yesenia Caldera"` makes a later
 * comment's "Caldera" that person's surname. Words of names found with confidence in the file's
 * object names and texts are looked up, whole and capitalised, in other texts of the same file.
 */
import type { Fact } from '../core/facts.js';
import type { Classifier, ValueMatch } from './types.js';

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]{2,}$/u;

export function knownNameWords(facts: readonly Fact[], classifier: Classifier): Set<string> {
  const words = new Set<string>();
  const add = (matches: readonly ValueMatch[]) => {
    for (const m of matches) {
      if (m.category !== 'name' || m.placeholder || m.confidence < 0.5) continue;
      for (const word of m.text.split(/[^\p{L}'’-]+/u)) if (word.length >= 3) words.add(word.toLowerCase());
    }
  };
  for (const fact of facts) {
    if (fact.kind === 'schema-name' && fact.defines) add(classifier.findValuesInIdentifier(fact.name));
  }
  return words;
}

/**
 * Capitalised occurrences of known name words in a text that has patient or health context.
 * `known` may build the words on demand: most texts have no such context and never need them.
 */
export function findKnownNames(text: string, known: ReadonlySet<string> | (() => ReadonlySet<string>), classifier: Classifier): ValueMatch[] {
  if (!classifier.hasPatientContext(text)) return [];
  const words = typeof known === 'function' ? known() : known;
  if (words.size === 0) return [];
  const found: ValueMatch[] = [];
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const word = m[0];
    if (!NAME_WORD.test(word) || !words.has(word.toLowerCase())) continue;
    const start = m.index ?? 0;
    found.push({
      start,
      end: start + word.length,
      text: word,
      category: 'name',
      detector: 'person-name',
      confidence: 0.8,
      why: 'a name this file already uses for a person (in an object name), in a text with patient or health context',
      placeholder: false,
    });
  }
  return found;
}
