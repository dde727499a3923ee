/**
 * Identifier tokenizer: snake_case, camelCase, PascalCase, kebab-case, dotted paths and quoted
 * identifiers become lower-cased word tokens; digit runs are tokens of their own; plurals are
 * reduced to a singular form so vocabulary lookups need one entry per word.
 */

export interface Token {
  /** Normalised: lower-cased and singular. */
  text: string;
  /** The characters as written. */
  raw: string;
  /** UTF-16 offsets into the identifier. */
  start: number;
  end: number;
  /** Index of the separator-delimited segment (`a_bC` has segments `a` and `bC`). */
  segment: number;
}


/** Words whose trailing `s` is not a plural. */
const NOT_PLURAL = new Set([
  'status', 'ssn', 'gas', 'bus', 'alias', 'diagnosis', 'prognosis', 'analysis', 'basis', 'virus',
  'bonus', 'campus', 'corpus', 'census', 'focus', 'radius', 'sinus', 'fetus', 'uterus', 'lupus',
  'tetanus', 'pancreas', 'news', 'series', 'species', 'sms', 'ms', 'dos', 'has', 'is', 'was', 'this',
  'its', 'us', 'yes', 'always', 'perhaps', 'whereas', 'ids', 'vitals', 'diabetes', 'measles',
  'mumps', 'herpes', 'rabies', 'scabies', 'aids', 'lens', 'axis', 'thesis', 'psychosis', 'neurosis',
  'osteoporosis', 'tuberculosis', 'sclerosis', 'cirrhosis', 'dialysis', 'paralysis', 'arthritis',
  'hepatitis', 'bronchitis', 'dermatitis', 'meningitis', 'colitis', 'gastritis', 'sepsis', 'stasis',
  'kudos', 'chaos', 'canvas', 'atlas', 'bias', 'plus', 'minus', 'thus', 'previous', 'various',
  'anonymous', 'nervous', 'famous', 'ras', 'dns', 'https', 'aws', 'gps', 'sys', 'os', 'cms', 'ehrs',
]);

const IRREGULAR: Record<string, string> = {
  ids: 'id',
  vitals: 'vital',
  diagnoses: 'diagnosis',
  prognoses: 'prognosis',
  analyses: 'analysis',
  psychoses: 'psychosis',
  neuroses: 'neurosis',
  statuses: 'status',
  aliases: 'alias',
  viruses: 'virus',
  buses: 'bus',
  children: 'child',
  people: 'person',
  men: 'man',
  women: 'woman',
  data: 'data',
  criteria: 'criterion',
  indices: 'index',
  matrices: 'matrix',
  feet: 'foot',
  teeth: 'tooth',
};

/** `patients` -> `patient`, `allergies` -> `allergy`, `addresses` -> `address`; not `status`. */
export function singular(word: string): string {
  const irregular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word] : undefined;
  if (irregular !== undefined) return irregular;
  if (word.length < 4 || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes') || word.endsWith('zzes')) {
    return word.slice(0, -2);
  }
  return word.slice(0, -1);
}

/** Strips one level of identifier quoting: `"Patient Name"`, `` `dob` ``, `[mrn]`. */
export function unquote(identifier: string): { text: string; offset: number } {
  const first = identifier[0];
  const last = identifier[identifier.length - 1];
  if (identifier.length >= 2 && ((first === '"' && last === '"') || (first === '`' && last === '`') || (first === '[' && last === ']') || (first === "'" && last === "'"))) {
    return { text: identifier.slice(1, -1), offset: 1 };
  }
  return { text: identifier, offset: 0 };
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** A character of a segment: ASCII letters and digits, and anything outside ASCII. */
const inSegment = (c: number) => isUpper(c) || isLower(c) || isDigit(c) || c >= 0x80;

/**
 * Splits on everything but letters, digits and non-ASCII; inside a segment, words are an
 * all-caps run (`HTML` of `HTMLParser`), a capital and its lower-case run, a lower-case run, a
 * digit run, or a non-ASCII run. A hand-written scan: identifiers are tokenized by the million.
 */
export function tokenizeWithSpans(identifier: string): Token[] {
  const tokens: Token[] = [];
  const n = identifier.length;
  const push = (start: number, end: number, segment: number) => {
    const raw = identifier.slice(start, end);
    tokens.push({ text: singular(raw.toLowerCase()), raw, start, end, segment });
  };
  let segment = 0;
  let i = 0;
  while (i < n) {
    if (!inSegment(identifier.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && inSegment(identifier.charCodeAt(end))) end++;
    while (i < end) {
      const c = identifier.charCodeAt(i);
      let j = i + 1;
      if (isUpper(c)) {
        while (j < end && isUpper(identifier.charCodeAt(j))) j++;
        if (j < end && isLower(identifier.charCodeAt(j))) {
          if (j - i >= 2) j--; // `HTMLParser`: `HTML`, then `Parser`
          else while (j < end && isLower(identifier.charCodeAt(j))) j++;
        }
      } else if (isLower(c)) {
        while (j < end && isLower(identifier.charCodeAt(j))) j++;
      } else if (isDigit(c)) {
        while (j < end && isDigit(identifier.charCodeAt(j))) j++;
      } else {
        while (j < end && identifier.charCodeAt(j) >= 0x80) j++;
      }
      push(i, j, segment);
      i = j;
    }
    segment++;
  }
  return tokens;
}

export function tokenize(identifier: string): string[] {
  return tokenizeWithSpans(identifier).map((t) => t.text);
}
