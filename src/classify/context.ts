/** Patient context: patient words or health terms in a text (the comment rule's "nearby"). */
import { hasHealthTerm } from './values/health-terms.js';

const PATIENT_TEXT =
  /\b(?:patients?|pts?\.?|clients?|members?|participants?|subjects?|residents?|beneficiar(?:y|ies)|enrollees?|chart|charts|intake|mrn|medical record|visit|visits|appointments?|encounters?|admission|admitted|discharged?|diagnos[a-z]*|dx|medications?|prescriptions?|refill|lab results?|clinical|treatment|therapy|symptoms?|referral|care plan|caseload|insurance|claim|claims|copay|payer|subscriber)\b/i;

/** Tech phrases where a patient word means software (`client library`, `team members`). */
const TECH_PATIENT_WORD = /\b(?:http|api|db|database|redis|pg|s3|sql|oauth|grpc|web|socket|kafka|sdk|aws|supabase|prisma|neon|team|staff|org|smtp|test|email)[\s_-]+(?:clients?|members?|subjects?)\b|\b(?:clients?|members?)[\s_-]+(?:library|libraries|side|secret|certificate|config|connection|pool|sdk|access|functions?|variables?|methods?)\b/gi;

/** Every phrase TECH_PATIENT_WORD matches has one of these words. */
const TECH_PHRASE_WORD = /client|member|subject/i;

const NO_WORDS: ReadonlySet<string> = new Set();

/** `noHealthTerm`: the caller has searched `text` for health terms and found none. */
export function hasPatientContext(text: string, extraPatientWords: ReadonlySet<string> = NO_WORDS, noHealthTerm = false): boolean {
  const cleaned = TECH_PHRASE_WORD.test(text) ? text.replace(TECH_PATIENT_WORD, ' ') : text;
  if (PATIENT_TEXT.test(cleaned) || (!(noHealthTerm && cleaned === text) && hasHealthTerm(cleaned))) return true;
  if (extraPatientWords.size === 0) return false;
  const lower = cleaned.toLowerCase();
  for (const word of extraPatientWords) if (new RegExp(`\\b${word}s?\\b`).test(lower)) return true;
  return false;
}
