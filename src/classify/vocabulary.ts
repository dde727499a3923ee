/**
 * The field-name vocabulary as data: which (sequences of) tokens name PHI-bearing fields, and
 * the word classes that change a name's meaning (patient words, opaque ids, aggregates,
 * sanitized values). Terms are written as tokens joined by `_`, after tokenization
 * (`zip_code`, `date_of_birth`); single-token spellings (`zipcode`, `dob`) are terms too.
 */
import type { PhiCategory } from '../core/types.js';
import type { NameStrength, VocabularyConfig } from './types.js';
import { tokenize } from './tokenize.js';

export interface TermInfo {
  category: PhiCategory;
  strength: NameStrength;
}

type TermTable = Record<string, readonly string[]>;

/** Terms grouped by `category:strength`. */
const TERMS: TermTable = {
  // Clinical interchange messages carry a patient's demographics and results by construction.
  'clinical-note:subject': ['hl7', 'hl7_message', 'hl7_segment', 'pid_segment', 'ccda', 'ccda_document', 'fhir_bundle', 'fhir_patient'],
  'name:direct': [
    'name', 'first_name', 'last_name', 'given_name', 'family_name', 'middle_name', 'full_name',
    'maiden_name', 'surname', 'firstname', 'lastname', 'fname', 'lname', 'middlename', 'fullname',
    'givenname', 'familyname', 'legal_name', 'preferred_name', 'nickname', 'nick_name', 'patient_name',
    'middle_initial', 'mother_maiden_name', 'guarantor_name', 'subscriber_name', 'insured_name',
    'emergency_contact', 'emergency_contact_name', 'next_of_kin', 'kin_name', 'guardian_name',
    'parent_name', 'spouse_name', 'display_name',
  ],
  'date:direct': [
    'dob', 'birthdate', 'birth_date', 'date_of_birth', 'dateofbirth', 'birthday', 'birth_dt',
    'dob_date', 'death_date', 'date_of_death', 'deceased_date', 'dod', 'deceased_at', 'died_at',
  ],
  'date:quasi': [
    'admission_date', 'admit_date', 'admitted_at', 'admit_dt', 'discharge_date', 'discharged_at',
    'discharge_dt', 'service_date', 'date_of_service', 'dos', 'visit_date', 'encounter_date',
    'age', 'birth_year', 'year_of_birth', 'surgery_date', 'procedure_date', 'appointment_date',
  ],
  'ssn:direct': [
    'ssn', 'social_security_number', 'social_security', 'social_security_no', 'socialsecuritynumber',
    'ss_number', 'ssn_number', 'itin',
  ],
  'ssn:quasi': ['ssn_last4', 'ssn_last_4', 'last4_ssn', 'last_4_ssn'],
  'mrn:direct': [
    'mrn', 'medical_record_number', 'medical_record_no', 'medical_record', 'chart_number', 'chart_no',
    'chart_num', 'mrn_number', 'patient_number', 'patient_no', 'record_number', 'external_mrn',
    'ehr_id', 'emr_id', 'empi', 'mpi',
  ],
  'health-plan-id:direct': [
    'member_id', 'memberid', 'member_number', 'member_no', 'subscriber_id', 'subscriber_number',
    'insurance_id', 'insurance_member_id', 'insurance_number', 'policy_number', 'policy_no',
    'medicare_id', 'medicare_number', 'medicaid_id', 'medicaid_number', 'mbi', 'hicn', 'hic_number',
    'medicare_beneficiary_id', 'beneficiary_number', 'plan_member_id', 'health_plan_id',
    'health_plan_number', 'group_number', 'insured_id', 'payer_member_id', 'cardholder_id',
  ],
  'account-number:direct': [
    'account_number', 'account_no', 'acct_number', 'acct_no', 'bank_account', 'bank_account_number',
    'iban', 'card_number', 'credit_card', 'credit_card_number', 'routing_number',
    'patient_account_number', 'billing_account',
  ],
  'license-number:direct': [
    'drivers_license', 'driver_license', 'drivers_license_number', 'driver_license_number',
    'license_number', 'licence_number', 'dl_number', 'passport', 'passport_number',
    'state_id', 'certificate_number',
  ],
  'phone:direct': [
    'phone', 'phone_number', 'phonenumber', 'telephone', 'telephone_number', 'mobile',
    'mobile_number', 'mobile_phone', 'cell', 'cell_phone', 'cellphone', 'home_phone', 'work_phone',
    'contact_number', 'contact_phone', 'tel', 'msisdn', 'sms_number',
  ],
  'fax:direct': ['fax', 'fax_number', 'faxnumber'],
  'email:direct': ['email', 'email_address', 'emailaddress', 'e_mail', 'mail_address', 'contact_email'],
  'address:direct': [
    'address', 'street', 'street_address', 'address_line', 'addressline', 'home_address',
    'mailing_address', 'shipping_address', 'billing_address', 'residence', 'residential_address',
    'street_name', 'precinct',
  ],
  'address:quasi': [
    'city', 'county', 'zip', 'zip_code', 'zipcode', 'postal_code', 'postalcode', 'postcode',
    'zip4', 'latitude', 'longitude', 'geo_location', 'geolocation', 'home_city',
  ],
  'vehicle-id:direct': ['vin', 'license_plate', 'plate_number', 'vehicle_id_number'],
  'device-id:direct': ['device_serial', 'serial_number', 'udi', 'imei', 'device_serial_number', 'implant_serial'],
  'url:quasi': ['personal_url', 'homepage', 'profile_url', 'social_url'],
  'ip-address:direct': ['ip', 'ip_address', 'ipaddress', 'ip_addr', 'client_ip', 'remote_addr', 'remote_ip', 'x_forwarded_for'],
  'biometric:direct': ['fingerprint_template', 'biometric', 'retina_scan', 'iris_scan', 'voice_print', 'voiceprint', 'face_template', 'face_encoding'],
  'photo:direct': ['photo', 'photograph', 'face_photo', 'headshot', 'selfie', 'patient_photo', 'portrait'],
  'other-unique-id:direct': ['accession_number', 'accession', 'study_instance_uid', 'dicom_patient_id', 'national_id', 'person_number'],
  'other-unique-id:quasi': ['gender', 'sex', 'race', 'ethnicity', 'marital_status', 'nationality', 'occupation', 'employer', 'religion', 'preferred_language'],
  'diagnosis:health': [
    'diagnosis', 'dx', 'diagnosis_code', 'dx_code', 'icd', 'icd_10', 'icd_code', 'icd_10_code',
    'primary_diagnosis', 'secondary_diagnosis', 'problem_list', 'comorbidity', 'disease',
    'diagnosis_description', 'admitting_diagnosis',
  ],
  'condition:health': ['chronic_condition', 'disability', 'health_condition', 'medical_condition', 'illness', 'injury', 'medical_history', 'health_history', 'family_history', 'past_medical_history', 'pmh', 'risk_factor'],
  'medication:health': [
    'medication', 'med', 'rx', 'drug', 'drug_name', 'dosage', 'dose', 'ndc', 'refill_request', 'refills_remaining',
    'medication_name', 'prescribed_drug', 'rx_number', 'controlled_substance', 'formulary',
  ],
  'procedure:health': ['procedure', 'cpt', 'cpt_code', 'hcpcs', 'surgery', 'treatment', 'procedure_code', 'operation_note', 'imaging_report', 'imaging_study', 'radiology_report'],
  'lab-result:health': [
    'lab_result', 'test_result', 'lab_value', 'result_value', 'a1c', 'hba1c', 'glucose',
    'potassium', 'cholesterol', 'creatinine', 'hemoglobin', 'specimen', 'lab_test', 'panel_result',
    'observation_value', 'critical_value', 'loinc',
  ],
  'allergy:health': ['allergy', 'allergen', 'drug_allergy', 'allergy_list'],
  'vital-sign:health': ['vital', 'vital_sign', 'blood_pressure', 'heart_rate', 'pulse', 'bmi', 'body_weight', 'weight_kg', 'weight_lb', 'height_cm', 'height_in', 'body_height', 'respiratory_rate', 'spo2', 'o2_sat', 'systolic', 'diastolic', 'body_temperature'],
  'mental-health:health': [
    'mental_health', 'psychiatric', 'psychotherapy', 'psychotherapy_note', 'therapy_note', 'phq9',
    'phq_9', 'gad7', 'gad_7', 'suicidal', 'suicide_risk', 'suicidal_ideation', 'depression',
    'anxiety', 'bipolar', 'schizophrenia', 'crisis_plan', 'safety_plan', 'risk_level', 'psych',
  ],
  'substance-use:health': ['substance_use', 'alcohol_use', 'drug_use', 'opioid', 'smoking_status', 'tobacco_use', 'sud', 'substance_abuse', 'addiction'],
  'sexual-health:health': ['hiv', 'hiv_status', 'sti', 'std_result', 'std_test', 'sexual_orientation', 'sexual_history', 'gender_identity'],
  'genetic:health': ['genetic', 'genotype', 'dna', 'brca', 'genome', 'genetic_test', 'genetic_marker'],
  'reproductive:health': ['pregnancy', 'pregnant', 'pregnancy_status', 'abortion', 'fertility', 'contraception', 'gestational_age', 'lmp', 'obstetric_history'],
  'clinical-note:health': [
    'clinical_note', 'progress_note', 'chief_complaint', 'visit_reason', 'reason_for_visit',
    'symptom', 'hpi', 'soap_note', 'discharge_summary', 'clinical_summary', 'assessment',
    'note_body', 'clinical_notes', 'triage_note', 'nursing_note', 'complaint', 'presenting_problem',
  ],
  'insurance-claim:health': ['eob', 'remittance', 'claim_line', 'claim_detail', 'adjudication', 'denial_reason', 'prior_auth', 'prior_authorization'],
  'license-number:provider': ['npi', 'dea', 'dea_number', 'provider_npi', 'prescriber_npi', 'taxonomy_code', 'ein', 'state_license'],
  'name:provider': ['provider_name', 'physician_name', 'doctor_name', 'clinician_name', 'prescriber', 'prescriber_name', 'attending', 'attending_physician', 'referring_physician', 'nurse_name'],
};

/**
 * Multi-token names that mean something else: they consume their tokens without a match
 * (`file_name` is not a person's name, `ip_address` is handled by its own term).
 */
const NON_PHI_TERMS: readonly string[] = [
  'user_name', 'username', 'file_name', 'filename', 'host_name', 'hostname', 'table_name',
  'column_name', 'schema_name', 'db_name', 'database_name', 'function_name', 'class_name',
  'type_name', 'field_name', 'key_name', 'index_name', 'app_name', 'service_name', 'bucket_name',
  'event_name', 'queue_name', 'topic_name', 'project_name', 'branch_name', 'tag_name',
  'label_name', 'screen_name', 'product_name', 'company_name', 'org_name', 'organization_name',
  'clinic_name', 'facility_name', 'practice_name', 'pharmacy_name', 'payer_name', 'plan_name',
  'insurer_name', 'device_name', 'model_name', 'module_name', 'package_name', 'node_name',
  'domain_name', 'env_name', 'var_name', 'param_name', 'attribute_name', 'role_name', 'group_name',
  'team_name', 'job_name', 'task_name', 'step_name', 'operation_name', 'span_name', 'metric_name',
  'method_name', 'route_name', 'path_name', 'pathname', 'dir_name', 'dirname', 'folder_name',
  'brand_name', 'vendor_name', 'store_name', 'site_name', 'channel_name', 'template_name',
  'view_name', 'sequence_name', 'constraint_name', 'trigger_name', 'policy_name', 'test_name',
  'cookie_name', 'header_name', 'file', 'display_name_key', 'test_name', 'analyte_name',
  'panel_name', 'study_name', 'series_name', 'document_name', 'report_name', 'account_name',
  'tenant_name', 'workspace_name', 'region_name', 'zone_name', 'cluster_name', 'stage_name',
  'server_address', 'bind_address', 'listen_address', 'host_address', 'memory_address',
  'base_address', 'mac_address', 'wallet_address', 'web_address', 'street_view', 'reply_to',
  'mail_server', 'email_template', 'email_subject', 'email_body', 'email_enabled', 'phone_type',
  'date_format', 'user_agent', 'api_version', 'lab_id', 'sig_key',
  'dose_unit', 'test_mode', 'age_limit', 'max_age', 'cache_age', 'cookie_age', 'page_size',
  'sex_offender', 'reason_phrase', 'status_reason', 'error_reason', 'cancel_reason',
  'cancellation_reason', 'failure_reason', 'close_reason', 'drop_reason', 'skip_reason',
  'reject_reason', 'rejection_reason', 'exit_reason', 'stop_reason', 'stored_procedure',
  'i_phone', 'err_name', 'error_name', 'email_server', 'email_from', 'email_provider', 'email_and_password',
  'update_age', 'sender_email', 'from_email', 'reply_to_email', 'support_email', 'admin_email', 'smtp_email',
];

/** Patient words per PHI-POLICY.md: a record about one of these is a record about a patient. */
export const PATIENT_WORDS: readonly string[] = [
  'patient', 'member', 'client', 'participant', 'subject', 'resident', 'beneficiary', 'enrollee',
  'pt', 'insured', 'subscriber', 'guarantor', 'dependent', 'inpatient', 'outpatient',
];

/** Whole records about a patient: `encounter`, `claim`, `prescription`... (strength `subject`). */
const RECORD_WORDS: Record<string, PhiCategory> = {
  encounter: 'clinical-note',
  claim: 'insurance-claim',
  prescription: 'medication',
  intake: 'clinical-note',
  chart: 'clinical-note',
  appointment: 'clinical-note',
  visit: 'clinical-note',
  admission: 'clinical-note',
  referral: 'clinical-note',
  episode: 'clinical-note',
  note: 'clinical-note',
  consult: 'clinical-note',
  consultation: 'clinical-note',
  order: 'clinical-note',
  result: 'lab-result',
  study: 'procedure',
  case: 'clinical-note',
  person: 'name',
  demographic: 'name',
  contact: 'name',
  guardian: 'name',
};
/** Record words that are too generic to count alone; they need a patient word or health term beside them. */
const WEAK_RECORD_WORDS = new Set(['order', 'result', 'study', 'case', 'note', 'contact', 'person']);

/** Patient words that, as the last token after a qualifier, name software or staff (`queryClient`, `teamMember`, `emailSubject`). */
export const SOFTWARE_WHEN_QUALIFIED = new Set(['client', 'member', 'subject']);

/** Tokens that, next to a patient word, mean software rather than a person (`httpClient`, `teamMember`). */
export const TECH_QUALIFIERS = new Set([
  'http', 'https', 'api', 'db', 'database', 'redis', 'pg', 'postgres', 's3', 'sql', 'oauth', 'rest',
  'grpc', 'web', 'socket', 'kafka', 'sdk', 'aws', 'supabase', 'prisma', 'neon', 'graphql', 'smtp',
  'ftp', 'ssh', 'tcp', 'udp', 'ws', 'rpc', 'mongo', 'knex', 'sequelize', 'typeorm', 'drizzle',
  'kysely', 'team', 'staff', 'org', 'organization', 'group', 'board', 'channel', 'class', 'email',
  'mail', 'jwt', 'token', 'cert', 'certificate', 'test', 'sentry', 'stripe', 'otel', 'lis', 'hl7',
  'pool', 'connection', 'sftp', 'queue', 'cache', 'storage', 'blob', 'search', 'elastic', 'openai',
  'llm', 'browser', 'mqtt', 'amqp', 'nats', 'zendesk', 'jira', 'slack', 'twilio', 'sendgrid',
]);

/** Trailing tokens that make a name an opaque surrogate key. */
export const OPAQUE_ID_TOKENS = new Set(['id', 'uuid', 'guid', 'ulid', 'oid', 'pk', 'fk', 'uid', 'key', 'ref', 'sid', 'rowid', 'nanoid', 'cuid']);

/** Tokens that make a name a count, duration, status or flag. */
export const AGGREGATE_TOKENS = new Set([
  'count', 'total', 'length', 'len', 'size', 'num', 'duration', 'ms', 'millis', 'msec', 'second',
  'sec', 'minute', 'min', 'hour', 'hr', 'day', 'elapsed', 'latency', 'status', 'state', 'version',
  'page', 'limit', 'offset', 'index', 'percent', 'pct', 'ratio', 'avg', 'average', 'max', 'sum',
  'mean', 'median', 'tally', 'quantity', 'qty', 'attempt', 'retry', 'timeout', 'ttl', 'flag',
  'enabled', 'disabled', 'exists', 'valid', 'present', 'missing', 'changed', 'dirty', 'empty',
  'nbr', 'cnt', 'verified', 'verification', 'confirmed', 'opt', 'type', 'kind', 'consent', 'preference',
]);
export const AGGREGATE_PREFIXES = new Set(['has', 'is', 'num', 'n', 'count', 'total', 'should', 'can', 'did', 'was', 'needs', 'allow', 'enable', 'disable', 'show', 'hide']);
/** Aggregate-looking trailing code tokens: `status_code`, `error_code`, `exit_code`. */
export const AGGREGATE_CODE_QUALIFIERS = new Set(['status', 'http', 'error', 'exit', 'response', 'return', 'result', 'reason']);

/** Tokens that say the value has been masked, hashed, encrypted or redacted. */
export const SANITIZED_TOKENS = new Set([
  'masked', 'mask', 'hashed', 'hash', 'redacted', 'redact', 'encrypted', 'encrypt', 'enc', 'digest',
  'token', 'tokenized', 'tokenised', 'obfuscated', 'anonymized', 'anonymised', 'deidentified',
  'pseudonymized', 'pseudonymised', 'scrubbed', 'sanitized', 'sanitised', 'sha256', 'sha1', 'sha',
  'md5', 'hmac', 'cipher', 'ciphertext', 'crypt', 'bcrypt', 'salted', 'safe', 'fingerprint',
]);

export interface Vocabulary {
  /** Terms keyed by `_`-joined normalised tokens; `null` marks a non-PHI compound. */
  terms: Map<string, TermInfo | null>;
  /** Longest term in tokens, for greedy matching. */
  maxTermTokens: number;
  patientWords: Set<string>;
  recordWords: Map<string, PhiCategory>;
  weakRecordWords: Set<string>;
}

function normaliseTerm(term: string): string {
  return tokenize(term).join('_');
}

export function buildVocabulary(config: VocabularyConfig = {}): Vocabulary {
  const terms = new Map<string, TermInfo | null>();
  for (const [key, list] of Object.entries(TERMS)) {
    const [category, strength] = key.split(':') as [PhiCategory, NameStrength];
    for (const term of list) terms.set(normaliseTerm(term), { category, strength });
  }
  for (const term of NON_PHI_TERMS) {
    const normal = normaliseTerm(term);
    if (!terms.has(normal)) terms.set(normal, null);
  }
  const patientWords = new Set(PATIENT_WORDS);
  const recordWords = new Map(Object.entries(RECORD_WORDS));
  for (const [term, value] of Object.entries(config.add ?? {})) {
    const info = typeof value === 'string' ? { category: value, strength: 'direct' as const } : { category: value.category, strength: value.strength ?? 'direct' };
    terms.set(normaliseTerm(term), info);
  }
  for (const word of config.patientWords ?? []) patientWords.add(normaliseTerm(word));
  for (const term of config.exclude ?? []) {
    const normal = normaliseTerm(term);
    terms.set(normal, null);
    patientWords.delete(normal);
    recordWords.delete(normal);
  }
  let maxTermTokens = 1;
  for (const key of terms.keys()) maxTermTokens = Math.max(maxTermTokens, key.split('_').length);
  return { terms, maxTermTokens, patientWords, recordWords, weakRecordWords: WEAK_RECORD_WORDS };
}
