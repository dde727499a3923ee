/**
 * What a label, a question or a placeholder path asks for: PHI categories from the name classifier,
 * plus free-text words the field vocabulary does not hold (`condition`, `prescriptions`) and
 * measurement nouns (`value`, `result`) in a lab or vitals form.
 */
import type { Classifier } from '../../src/classify/types.js';
import type { PhiCategory } from '../../src/core/types.js';

export interface Ask {
  category: PhiCategory;
  term: string;
}

export interface AskContext {
  /** The surrounding form, reply or passage is about lab results or vital signs. */
  measurementCategory?: 'lab-result' | 'vital-sign';
  /** A patient word is in the field (label, id, description) or the phrase. */
  patientNearby?: boolean;
  /** Free text (questions, prompts) rather than a field path: adds the free-text words. */
  freeText?: boolean;
  /** Only multi-word vocabulary terms (`date_of_birth`, `lab_result`): safe on a whole sentence, where a single word may be a verb. */
  compoundsOnly?: boolean;
}

/** A name, e-mail or phone asked of the requester is how a reply is addressed; of a patient it is PHI. */
const CONTACT_CATEGORIES = new Set<PhiCategory>(['name', 'email', 'phone', 'fax', 'address']);

const FREE_TEXT_TERMS: readonly [RegExp, PhiCategory, string][] = [
  [/\b(?:medical |health |chronic )?conditions?\b/i, 'condition', 'condition'],
  [/\bprescri(?:ptions?|bed)\b/i, 'medication', 'prescription'],
  [/\b(?:medications?|medicines?|meds|drugs?)\b/i, 'medication', 'medication'],
  [/\binsurance (?:card|number|id)s?\b/i, 'health-plan-id', 'insurance card'],
  [/\bsymptoms?\b/i, 'clinical-note', 'symptoms'],
  [/\b(?:lab|test|blood(?:work)?|biopsy|imaging|scan) results?\b/i, 'lab-result', 'lab results'],
  [/\bmedical (?:records?|history|details|information)\b/i, 'clinical-note', 'medical details'],
  [/\bdiagnos[ie]s\b/i, 'diagnosis', 'diagnosis'],
  [/\btreatments?\b/i, 'procedure', 'treatment'],
];
const MEASUREMENT = /\b(?:values?|results?|readings?|levels?|measurements?)\b/i;
const NOT_MEASUREMENT = /\b(?:expected|actual|desired|observed|search|query|config(?:uration)?|setting|default|return|http|error)\s+(?:results?|values?)\b/i;
const PARENTHETICAL = /\([^()]*\)/g;

export function asksOf(text: string, classifier: Classifier, context: AskContext = {}): Ask[] {
  const cleaned = text.replace(PARENTHETICAL, ' ').trim();
  if (cleaned === '') return [];
  const c = classifier.classifyName(cleaned);
  if (c.opaqueId || c.sanitized) return [];
  const asks: Ask[] = [];
  const patient = c.patientWord || context.patientNearby === true;
  for (const m of c.aggregate ? [] : c.matches) {
    const counts = m.strength === 'direct' || m.strength === 'health' || (m.strength === 'quasi' && patient);
    if (!counts || (context.compoundsOnly && !m.term.includes('_'))) continue;
    if (CONTACT_CATEGORIES.has(m.category) && !patient) continue;
    asks.push({ category: m.category, term: m.term.replace(/_/g, ' ') });
  }
  if (context.freeText) {
    for (const [pattern, category, term] of FREE_TEXT_TERMS) if (pattern.test(cleaned)) asks.push({ category, term });
  }
  if (context.measurementCategory && MEASUREMENT.test(cleaned) && !NOT_MEASUREMENT.test(cleaned)) {
    asks.push({ category: context.measurementCategory, term: context.measurementCategory === 'lab-result' ? 'result values' : 'readings' });
  }
  return unique(asks);
}

/** Field paths a placeholder prints: requester, agent and sender names address the reply and are not asked PHI. */
export function asksOfPath(path: string, classifier: Classifier): Ask[] {
  return asksOf(path, classifier);
}

export function unique(asks: readonly Ask[]): Ask[] {
  const seen = new Set<string>();
  return asks.filter((a) => {
    if (seen.has(a.category)) return false;
    seen.add(a.category);
    return true;
  });
}

const LAB_CONTEXT = /\b(?:labs?|laboratory|analy[sz]ers?|specimens?|assays?|accession|pathology|hematology|urinalysis|glucose|a1c|blood ?work)\b/i;
const VITALS_CONTEXT = /\b(?:vitals?|blood pressure|heart rate|pulse|weight|spo2|oxygen|temperature|readings?)\b/i;

/** The measurement a form or passage is about, if any. */
export function measurementContext(texts: readonly string[]): AskContext['measurementCategory'] {
  const all = texts.join('\n');
  if (LAB_CONTEXT.test(all)) return 'lab-result';
  if (VITALS_CONTEXT.test(all)) return 'vital-sign';
  return undefined;
}
