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

// Lower->Upper, ACRONYM->Word, letter<->digit boundaries inside one segment.
const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+|[^\x00-\x7f]+/g;
const SEGMENT = /[A-Za-z0-9\u0080-\uffff]+/g;

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
  const irregular = IRREGULAR[word];
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

export function tokenizeWithSpans(identifier: string): Token[] {
  const tokens: Token[] = [];
  let segment = 0;
  SEGMENT.lastIndex = 0;
  for (let seg = SEGMENT.exec(identifier); seg !== null; seg = SEGMENT.exec(identifier)) {
    const segText = seg[0];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(segText); w !== null; w = WORD.exec(segText)) {
      const raw = w[0];
      const start = seg.index + w.index;
      tokens.push({ text: singular(raw.toLowerCase()), raw, start, end: start + raw.length, segment });
    }
    segment++;
  }
  return tokens;
}

export function tokenize(identifier: string): string[] {
  return tokenizeWithSpans(identifier).map((t) => t.text);
}
