/**
 * Judging what flows into a sink: is this field, object or text PHI? Shared by the sink rules
 * (`phi/log`, `phi/error-message`, `phi/metadata-field`, `phi/dynamic-identifier`, ...).
 */
import type { Evidence } from '../core/facts.js';
import type { PhiCategory, Span } from '../core/types.js';
import { mask } from './mask.js';
import type { Classifier, NameClassification, NameMatch, TextContext } from './types.js';

export interface JudgeOptions {
  /** Where text evidence ends up: decides which value detectors need context. */
  context: TextContext;
  /** The sink identifies the signed-in person (`Sentry.setUser`): `user.email` counts there. */
  identifiesUser?: boolean;
  /** Minimum confidence of a value match (default 0.5). */
  minConfidence?: number;
}

export interface EvidenceVerdict {
  category: PhiCategory;
  /** Masked: a field path (a name, not a value) or a masked value. */
  evidence: string;
  /** Short reason: `last name`, `the whole request body`, `a row of patients`. */
  reason: string;
  kind: 'field' | 'object' | 'value';
  span: Span;
  /** Health-term text: only a finding next to something that identifies a person. */
  healthOnly?: boolean;
}

/** Owners whose fields describe staff, systems or errors rather than a patient. */
const NON_PATIENT_OWNER = /^(users?|currentUser|staff|employees?|providers?|doctors?|dr|clinicians?|nurses?|admins?|administrators?|practitioners?|physicians?|authors?|operators?|agents?|accounts?|orgs?|organi[sz]ations?|practices?|clinics?|pharmac(y|ies)|payers?|company|companies|tenants?|projects?|branch(es)?|err|error|errors|e|ex|exc|exception|file|files|bucket|repo|repository|process|env|config|settings|options|opts|os|app|server|headers|route|router|pkg|module|ticket|issue|label|vendor|carrier|team|owner|reviewer|approver|manager|host|service|queue|region|database|db|schema|table|column|model|entity)$/i;
/** Owners of a signed-in person in identifying sinks. */
const USER_OWNER = /^(users?|currentUser|session|account|me|profile|auth)$/i;
/** Error objects: their fields are never PHI fields by name (`err.name`, `error.message`). */
const ERROR_OWNER = /^(err|error|errors|e|ex|exc|exception|cause)$/i;
/** Code systems name the kind of a test or drug, not a patient's result. */
const CODE_SYSTEM = /^(loinc|cpt|hcpcs|ndc|snomed|rxnorm|icd\w*)/;
/** Categories that in application code usually describe a service, not a person. */
const CONTEXT_NEEDED: ReadonlySet<PhiCategory> = new Set(['url', 'ip-address', 'device-id', 'vehicle-id']);

function segmentsOf(path: string): string[] {
  return path.split('.').filter((s) => s.length > 0 && s !== 'this' && !/^\$?\d+$/.test(s) && !s.endsWith('()'));
}

function isWholeName(c: NameClassification, m: NameMatch): boolean {
  return m.tokens[0] === 0 && m.tokens[1] === c.tokens.length - 1;
}

interface OwnerContext {
  patient: boolean;
  nonPatient: boolean;
  user: boolean;
  error: boolean;
}

function ownerContext(owners: readonly string[], classifier: Classifier): OwnerContext {
  const ctx: OwnerContext = { patient: false, nonPatient: false, user: false, error: false };
  for (const o of owners) {
    const c = classifier.classifyName(o);
    if (c.patientWord || (c.best?.strength === 'subject' && isWholeName(c, c.best))) ctx.patient = true;
    else if (NON_PATIENT_OWNER.test(o)) ctx.nonPatient = true;
    if (USER_OWNER.test(o)) ctx.user = true;
    if (ERROR_OWNER.test(o)) ctx.error = true;
  }
  return ctx;
}

function describe(m: NameMatch): string {
  return m.term.replace(/_/g, ' ');
}

/** A field whose name carries PHI at run time (`patient.lastName`, `dob`, `claim.memberId`). */
function judgeField(path: string, span: Span, classifier: Classifier, opts: JudgeOptions): EvidenceVerdict | undefined {
  const segments = segmentsOf(path);
  const last = segments[segments.length - 1];
  if (!last) return undefined;
  const c = classifier.classifyName(last);
  if (c.opaqueId || c.aggregate || c.sanitized) return undefined;
  const best = c.best;
  if (!best || best.strength === 'provider') return undefined;
  const owner = ownerContext(segments.slice(0, -1), classifier);
  if (owner.error) return undefined;
  const patient = owner.patient || c.patientWord;
  if (best.strength === 'subject') {
    if (!isWholeName(c, best)) return undefined;
    if (owner.nonPatient && !owner.patient) return undefined;
    return { category: best.category, evidence: path, reason: `the whole ${describe(best)} record`, kind: 'object', span };
  }
  const bareName = best.category === 'name' && (best.term === 'name' || best.term === 'display_name' || best.term === 'full_name') && !c.patientWord;
  if (bareName && !owner.patient) return undefined;
  if (owner.nonPatient && !patient && !(opts.identifiesUser && owner.user)) return undefined;
  if ((best.strength === 'quasi' || CONTEXT_NEEDED.has(best.category) || CODE_SYSTEM.test(best.term)) && !patient) return undefined;
  return { category: best.category, evidence: path, reason: describe(best), kind: 'field', span };
}

/**
 * `HL7 message: ${raw}`: a value whose own name says nothing takes the meaning of the label
 * written before it. Ids, counts and masked values stay quiet whatever their label.
 */
function judgeLabel(ev: Extract<Evidence, { kind: 'field' }>, classifier: Classifier, opts: JudgeOptions): EvidenceVerdict | undefined {
  if (!ev.label) return undefined;
  const own = classifier.classifyName(segmentsOf(ev.path).at(-1) ?? ev.path);
  if (own.opaqueId || own.aggregate || own.sanitized || own.best) return undefined;
  const words = ev.label.split(/[\s_-]+/).filter(Boolean);
  for (let take = Math.min(3, words.length); take >= 1; take--) {
    const verdict = judgeField(words.slice(-take).join('_'), ev.span, classifier, opts);
    if (verdict) return { ...verdict, evidence: `${ev.path} (labelled "${words.slice(-take).join(' ')}")` };
  }
  return undefined;
}

/** Models and tables whose rows are PHI-bearing: patients, claims, lab results, notes. */
function phiModel(model: string, classifier: Classifier): NameMatch | undefined {
  const c = classifier.classifyName(model);
  const best = c.best;
  if (!best || c.opaqueId || c.aggregate || best.strength === 'provider' || best.strength === 'quasi') return undefined;
  if (best.strength === 'subject' && !isWholeName(c, best)) return undefined;
  return best;
}

function judgeObject(ev: Extract<Evidence, { kind: 'object' }>, classifier: Classifier, opts: JudgeOptions): EvidenceVerdict | undefined {
  if (ev.payload === 'request') return { category: 'other-unique-id', evidence: ev.path, reason: 'the whole request body', kind: 'object', span: ev.span };
  if (ev.payload === 'job') return { category: 'other-unique-id', evidence: ev.path, reason: 'the whole job payload', kind: 'object', span: ev.span };
  if (ev.payload === 'message') return { category: 'other-unique-id', evidence: ev.path, reason: ev.why ?? 'the whole message', kind: 'object', span: ev.span };
  // Type-aware mode: the checker saw PHI fields in the value's declared type.
  if (ev.typedCategory) return { category: ev.typedCategory, evidence: ev.path, reason: ev.why ?? 'a value whose type has PHI fields', kind: 'object', span: ev.span };
  for (const model of (ev.model ?? '').split(',')) {
    if (!model) continue;
    const m = phiModel(model, classifier);
    if (m) return { category: m.category, evidence: ev.path, reason: `a whole row of ${model}`, kind: 'object', span: ev.span };
  }
  const asField = judgeField(ev.path, ev.span, classifier, opts);
  return asField ? { ...asField, kind: 'object', reason: asField.kind === 'object' ? asField.reason : `${asField.reason} (${ev.why ?? 'object'})` } : undefined;
}

function judgeText(text: string, span: Span, classifier: Classifier, opts: JudgeOptions): EvidenceVerdict | undefined {
  const matches = classifier.findValues(text, { context: opts.context, minConfidence: opts.minConfidence ?? 0.5 });
  let health: EvidenceVerdict | undefined;
  for (const m of matches) {
    const verdict: EvidenceVerdict = { category: m.category, evidence: mask(m.text), reason: `${m.detector.replace(/-/g, ' ')} value`, kind: 'value', span };
    if (m.detector !== 'health-term') return verdict;
    health ??= { ...verdict, healthOnly: true };
  }
  return health;
}

export function judgeEvidence(evidence: Evidence, classifier: Classifier, opts: JudgeOptions): EvidenceVerdict | undefined {
  switch (evidence.kind) {
    case 'field':
      return judgeField(evidence.path, evidence.span, classifier, opts) ?? judgeLabel(evidence, classifier, opts);
    case 'object':
      return judgeObject(evidence, classifier, opts);
    case 'text':
      return judgeText(evidence.text, evidence.span, classifier, opts);
  }
}

/**
 * Every PHI verdict for one sink's evidence, deduplicated. Health terms in static text count only
 * next to something that identifies a person.
 */
export function judgeAll(evidence: readonly Evidence[], classifier: Classifier, opts: JudgeOptions): EvidenceVerdict[] {
  const out: EvidenceVerdict[] = [];
  const seen = new Set<string>();
  for (const ev of evidence) {
    const v = judgeEvidence(ev, classifier, opts);
    if (!v || seen.has(v.evidence)) continue;
    seen.add(v.evidence);
    out.push(v);
  }
  return out.some((v) => !v.healthOnly) ? out : [];
}

/** `patient.lastName (last name), dob (dob)` for messages; values are already masked. */
export function listVerdicts(verdicts: readonly EvidenceVerdict[], max = 4): string {
  const parts = verdicts.slice(0, max).map((v) => `${v.evidence} (${v.reason}, ${v.category})`);
  if (verdicts.length > max) parts.push(`and ${verdicts.length - max} more`);
  return parts.join(', ');
}

/** The verdict a finding is located at and categorised by: the first in source order. */
export function firstVerdict(verdicts: readonly EvidenceVerdict[]): EvidenceVerdict | undefined {
  let first: EvidenceVerdict | undefined;
  for (const v of verdicts) {
    if (!first || v.span.line < first.span.line || (v.span.line === first.span.line && v.span.column < first.span.column)) first = v;
  }
  return first;
}

/** What a sink rule reports for one fact: located at its first PHI evidence, listing all of it. */
export interface SinkFinding {
  span: Span;
  category: PhiCategory;
  /** Masked list of the PHI evidence, for messages. */
  what: string;
  /** Masked evidence for the finding (field paths and masked values). */
  evidence: string;
  verdicts: EvidenceVerdict[];
}

export function sinkFinding(evidence: readonly Evidence[], classifier: Classifier, opts: JudgeOptions): SinkFinding | undefined {
  const verdicts = judgeAll(evidence, classifier, opts);
  const first = firstVerdict(verdicts);
  if (!first) return undefined;
  const ordered = [first, ...verdicts.filter((v) => v !== first)];
  return {
    span: first.span,
    category: first.category,
    what: listVerdicts(ordered),
    evidence: ordered.map((v) => v.evidence).join(', '),
    verdicts: ordered,
  };
}
