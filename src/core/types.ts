/** Shared vocabulary of the whole pipeline: categories, severities, locations and findings. */

/** HIPAA identifier categories (45 CFR 164.514(b)(2)) and health-information categories. */
export const IDENTIFIER_CATEGORIES = [
  'name',
  'address',
  'date',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'health-plan-id',
  'account-number',
  'license-number',
  'vehicle-id',
  'device-id',
  'url',
  'ip-address',
  'biometric',
  'photo',
  'other-unique-id',
] as const;

export const HEALTH_CATEGORIES = [
  'diagnosis',
  'condition',
  'medication',
  'procedure',
  'lab-result',
  'allergy',
  'vital-sign',
  'mental-health',
  'substance-use',
  'sexual-health',
  'genetic',
  'reproductive',
  'clinical-note',
  'insurance-claim',
] as const;

export type IdentifierCategory = (typeof IDENTIFIER_CATEGORIES)[number];
export type HealthCategory = (typeof HEALTH_CATEGORIES)[number];
export type PhiCategory = IdentifierCategory | HealthCategory;

/**
 * Findings that are not about one PHI value carry one of these instead
 * (a missing session timeout, a service outside the BAA, a file that could not be parsed).
 */
export const COMPLIANCE_CATEGORIES = ['session-timeout', 'baa', 'hipaa-setting', 'query-logging', 'scanner'] as const;
export type ComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

export type FindingCategory = PhiCategory | ComplianceCategory;

export const ALL_CATEGORIES: readonly FindingCategory[] = [
  ...IDENTIFIER_CATEGORIES,
  ...HEALTH_CATEGORIES,
  ...COMPLIANCE_CATEGORIES,
];

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

/** A 1-based region; `endColumn` is exclusive (the column after the last character), as in SARIF. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Location extends Span {
  /** Path relative to the scan root, with forward slashes. */
  path: string;
  /** For findings outside files (a live database): `database/schema/table/column`. */
  logical?: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  /** Masked: never contains a PHI value in full. */
  message: string;
  severity: Severity;
  category: FindingCategory;
  location: Location;
  /** Masked evidence: the field path or the masked value that triggered the finding. */
  evidence: string;
  /** rule + path + normalised context; stable when lines move. */
  fingerprint: string;
  /** What to do instead, in one or two sentences. */
  help: string;
  /** Set when an inline suppression or a baseline entry hides the finding. */
  suppression?: { kind: 'inline' | 'baseline'; justification?: string };
}

/** A file the scanner could not read or could only partly analyse (not a rule finding). */
export interface ScanNotice {
  path: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  span?: Span;
}

export interface ScanStats {
  filesScanned: number;
  filesSkipped: number;
  bytesScanned: number;
  durationMs: number;
}
