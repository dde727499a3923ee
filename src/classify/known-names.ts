/**
 * Names a file already reveals elsewhere: a view column `"Yesenia Caldera"` makes a later
 * comment's "Caldera" that person's surname. Words of names found with confidence in the file's
 * defining object names are looked up, whole and capitalised, in other texts of the same file.
 */
import { factsOf, type Fact } from '../core/facts.js';
import type { Classifier, ValueMatch } from './types.js';

/**
 * A whole run of letters, apostrophes and hyphens that is one capitalised word (`Caldera`, not
 * `McDonald` or `caldera`): only such runs are looked up, so other words cost no match object.
 */
const NAME_WORD = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]{2,}(?![\p{L}'’-])/gu;
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
  NAME_WORD.lastIndex = 0;
  for (let m = NAME_WORD.exec(text); m !== null; m = NAME_WORD.exec(text)) {
    const word = m[0];
    if (!known.has(word.toLowerCase())) continue;
    const start = m.index;
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
