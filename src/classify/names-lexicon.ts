/**
 * Word knowledge for person-name detection: given names and surnames (our lists plus
 * compromise's lexicon) and words that are not names (compromise's lexicon, our common words).
 */
import { compromise } from './compromise.js';
import { AMBIGUOUS_GIVEN, GIVEN_NAMES, PLACEHOLDER_NAMES, SURNAMES } from './data/person-names.js';
import { COMMON_WORDS } from './data/common-words.js';

type LexiconEntry = string | string[];

const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const NAME_TAGS = new Set([...GIVEN_TAGS, 'LastName', 'Person']);

interface Lexicon {
  given: Set<string>;
  surnames: Set<string>;
  /** Words compromise knows as something other than a name (nouns, verbs, places, units...). */
  lexiconWords: Set<string>;
}

const common = new Set(COMMON_WORDS);
const ambiguous = new Set(AMBIGUOUS_GIVEN);
let lexicon: Lexicon | undefined;

/** Our name lists merged with compromise's lexicon, built on first use. */
function words(): Lexicon {
  if (lexicon) return lexicon;
  const built: Lexicon = { given: new Set(GIVEN_NAMES), surnames: new Set(SURNAMES), lexiconWords: new Set() };
  const model = compromise().model() as { one?: { lexicon?: Record<string, LexiconEntry> } };
  for (const [word, entry] of Object.entries(model.one?.lexicon ?? {})) {
    if (word.includes(' ')) continue;
    const tags = Array.isArray(entry) ? entry : [entry];
    if (tags.some((t) => GIVEN_TAGS.has(t))) built.given.add(word);
    else if (tags.includes('LastName')) built.surnames.add(word);
    else if (!tags.some((t) => NAME_TAGS.has(t))) built.lexiconWords.add(word);
  }
  lexicon = built;
  return built;
}

function key(word: string): string {
  const lower = word.toLowerCase();
  return lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
}

/** A word that is also an everyday or technical word (`grant`, `rose`, `select`, `redis`). */
export function isCommonWord(word: string): boolean {
  const w = key(word);
  return common.has(w) || ambiguous.has(w) || words().lexiconWords.has(w);
}

export function isGivenName(word: string): boolean {
  return words().given.has(key(word));
}

export function isSurname(word: string): boolean {
  const w = key(word);
  const { surnames, lexiconWords } = words();
  if (surnames.has(w)) return true;
  // Hyphenated surnames: every part a surname or at least one a surname and none common.
  if (w.includes('-')) {
    const parts = w.split('-');
    return parts.some((p) => surnames.has(p)) && !parts.some((p) => common.has(p) || lexiconWords.has(p));
  }
  return false;
}

export function isNameWord(word: string): boolean {
  return isGivenName(word) || isSurname(word);
}

/** A given name that is not also an ordinary word. */
export function isStrongGiven(word: string): boolean {
  return isGivenName(word) && !isCommonWord(word);
}

export function isStrongSurname(word: string): boolean {
  return isSurname(word) && !isCommonWord(word);
}

const placeholders = new Set(PLACEHOLDER_NAMES);

/** `John Doe`, `DOE^JANE`, `johndoe`: documentation placeholders. */
export function isPlaceholderName(names: readonly string[]): boolean {
  const lower = names.map(key).filter((w) => w.length > 1);
  const forward = lower.join(' ');
  const reversed = [...lower].reverse().join(' ');
  return placeholders.has(forward) || placeholders.has(reversed) || (lower.includes('doe') && lower.some((w) => w === 'john' || w === 'jane' || w === 'baby'));
}

