/**
 * Names a file already reveals elsewhere: a view column `"Yesenia Caldera"` makes a later
 * comment's "Caldera" that person's surname. Words of names found with confidence in the file's
 * defining object names are looked up, whole and capitalised, in other texts of the same file.
 */
import { factsOf, type Fact } from '../core/facts.js';
import type { Classifier, ValueMatch } from './types.js';

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]{2,}$/u;
const NAME_PARTS = /[^\p{L}'’-]+/u;

/**
 * The name words of one file's defining object names, answered word by word: only names that
 * contain the word are classified, and most texts never ask (they have no patient context).
 */
export class KnownNames {
  private readonly answers = new Map<string, boolean>();

  constructor(
    private readonly facts: readonly Fact[],
    private readonly classifier: Classifier,
  ) {}

  /** Is `lowerWord` (lower case) a word of a confidently found person name in an object name? */
  has(lowerWord: string): boolean {
    let answer = this.answers.get(lowerWord);
    if (answer === undefined) {
      answer = this.inSomeName(lowerWord);
      this.answers.set(lowerWord, answer);
    }
    return answer;
  }

  private inSomeName(lowerWord: string): boolean {
    for (const fact of factsOf(this.facts, 'schema-name')) {
      if (!fact.defines || !fact.name.toLowerCase().includes(lowerWord)) continue;
      for (const m of this.classifier.findValuesInIdentifier(fact.name)) {
        if (m.category !== 'name' || m.placeholder || m.confidence < 0.5) continue;
        if (m.text.split(NAME_PARTS).some((word) => word.length >= 3 && word.toLowerCase() === lowerWord)) return true;
      }
    }
    return false;
  }
}

/** Capitalised occurrences of known name words in a text that has patient or health context. */
export function findKnownNames(text: string, known: KnownNames, classifier: Classifier): ValueMatch[] {
  if (!classifier.hasPatientContext(text)) return [];
  const found: ValueMatch[] = [];
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const word = m[0];
    if (!NAME_WORD.test(word) || !known.has(word.toLowerCase())) continue;
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
