import { describe, expect, it } from 'vitest';
import { createClassifier, defaultClassifier } from '../../src/classify/index.js';
import { memoiseRepeated } from '../../src/classify/classify-name.js';

const c = defaultClassifier();

describe('classifyName: PHI-bearing fields', () => {
  it.each([
    ['ssn', 'ssn', 'direct'],
    ['social_security_number', 'ssn', 'direct'],
    ['dob', 'date', 'direct'],
    ['dateOfBirth', 'date', 'direct'],
    ['date_of_birth', 'date', 'direct'],
    ['DOB', 'date', 'direct'],
    ['mrn', 'mrn', 'direct'],
    ['patientMRN', 'mrn', 'direct'],
    ['first_name', 'name', 'direct'],
    ['lastName', 'name', 'direct'],
    ['name', 'name', 'direct'],
    ['email', 'email', 'direct'],
    ['phone_number', 'phone', 'direct'],
    ['member_id', 'health-plan-id', 'direct'],
    ['memberId', 'health-plan-id', 'direct'],
    ['subscriber_id', 'health-plan-id', 'direct'],
    ['insurance_member_id', 'health-plan-id', 'direct'],
    ['medicare_id', 'health-plan-id', 'direct'],
    ['insurance_id', 'health-plan-id', 'direct'],
    ['zipCode', 'address', 'quasi'],
    ['zip_code', 'address', 'quasi'],
    ['address_line1', 'address', 'direct'],
    ['shippingAddress', 'address', 'direct'],
    ['ip_address', 'ip-address', 'direct'],
    ['diagnosis', 'diagnosis', 'health'],
    ['diagnoses', 'diagnosis', 'health'],
    ['icd10Code', 'diagnosis', 'health'],
    ['lab_result', 'lab-result', 'health'],
    ['chief_complaint', 'clinical-note', 'health'],
    ['visit_reason', 'clinical-note', 'health'],
    ['allergies', 'allergy', 'health'],
    ['hiv_status', 'sexual-health', 'health'],
    ['medications', 'medication', 'health'],
    ['patient', 'name', 'subject'],
    ['patients', 'name', 'subject'],
    ['enrollee', 'name', 'subject'],
    ['encounter', 'clinical-note', 'subject'],
    ['claim', 'insurance-claim', 'subject'],
    ['prescription', 'medication', 'subject'],
    ['patient.dob', 'date', 'direct'],
  ] as const)('%s is %s (%s)', (name, category, strength) => {
    const r = c.classifyName(name);
    expect(r.best?.category).toBe(category);
    expect(r.best?.strength).toBe(strength);
  });

  it('reports the token range and term of a multi-token match', () => {
    const r = c.classifyName('patient_date_of_birth');
    const dob = r.matches.find((m) => m.category === 'date');
    expect(dob).toMatchObject({ term: 'date_of_birth', tokens: [1, 3], strength: 'direct' });
    expect(r.patientWord).toBe(true);
  });
});

describe('classifyName: whole tokens only, and false-positive families', () => {
  it.each(['passenger', 'statement', 'fileName', 'file_name', 'username', 'userName', 'hostname', 'table_name', 'addressable', 'phoneme', 'emailer', 'status', 'createdAt', 'mailServer', 'httpClient', 'teamMember', 'server_address', 'S3Client', 'queryClient', 'createAuthClient', 'emailSubject', 'team_member', 'stdSerializers', 'iPhone', 'errName', 'signature', 'IMAGING_BUCKET', 'refillRoutes', 'updateAge', 'emailVerified', 'email_opt_in', 'visit_type'])(
    '%s carries no PHI',
    (name) => {
      expect(c.classifyName(name).best).toBeUndefined();
    },
  );

  it('provider identifiers are matches but never the best PHI match', () => {
    const r = c.classifyName('npi');
    expect(r.matches[0]).toMatchObject({ category: 'license-number', strength: 'provider' });
    expect(r.best).toBeUndefined();
  });
});

describe('classifyName: opaque ids, aggregates, sanitized values', () => {
  it.each(['id', 'uuid', 'patientId', 'patient_id', 'encounter_id', 'patientIds', 'claimUuid', 'guid', 'diagnosis_id'])('%s is an opaque id', (name) => {
    const r = c.classifyName(name);
    expect(r.opaqueId).toBe(true);
    expect(r.best).toBeUndefined();
  });

  it.each(['member_id', 'subscriber_id', 'mrn', 'medicare_id', 'insurance_id'])('%s is a real-world identifier, not opaque', (name) => {
    const r = c.classifyName(name);
    expect(r.opaqueId).toBe(false);
    expect(r.best?.strength).toBe('direct');
  });

  it.each(['patientCount', 'numPatients', 'total_claims', 'diagnosisCount', 'durationMs', 'status_code', 'hasAllergy', 'isActive', 'name_length', 'claim_status'])(
    '%s is an aggregate',
    (name) => {
      const r = c.classifyName(name);
      expect(r.aggregate).toBe(true);
      expect(r.best).toBeUndefined();
    },
  );

  it.each(['marital_status', 'smoking_status', 'hiv_status'])('%s is a PHI term, not an aggregate', (name) => {
    expect(c.classifyName(name).aggregate).toBe(false);
  });

  it.each(['maskedSsn', 'hashed_email', 'redactedName', 'encrypted_ssn', 'ssnHash', 'emailDigest', 'dobToken'])('%s is sanitized', (name) => {
    const r = c.classifyName(name);
    expect(r.sanitized).toBe(true);
    expect(r.best).toBeUndefined();
  });
});

describe('vocabulary configuration', () => {
  it('adds terms, with a category or a category and strength', () => {
    const custom = createClassifier({ add: { chart_no2: 'mrn', bed_code: { category: 'other-unique-id', strength: 'quasi' } } });
    expect(custom.classifyName('chartNo2').best).toMatchObject({ category: 'mrn', strength: 'direct' });
    expect(custom.classifyName('bed_code').best).toMatchObject({ category: 'other-unique-id', strength: 'quasi' });
    expect(c.classifyName('bed_code').best).toBeUndefined();
  });

  it('excludes terms and patient words', () => {
    const custom = createClassifier({ exclude: ['member', 'dob'] });
    expect(custom.classifyName('member').best).toBeUndefined();
    expect(custom.classifyName('member').patientWord).toBe(false);
    expect(custom.classifyName('dob').best).toBeUndefined();
    expect(c.classifyName('member').patientWord).toBe(true);
  });

  it('adds patient words', () => {
    const custom = createClassifier({ patientWords: ['camper'] });
    expect(custom.classifyName('campers').patientWord).toBe(true);
    expect(custom.classifyName('camper').best?.strength).toBe('subject');
    expect(custom.hasPatientContext('the camper was moved')).toBe(true);
    expect(c.classifyName('camper').patientWord).toBe(false);
  });

  it('memoises: the same name gives an equal result', () => {
    expect(c.classifyName('patient_dob')).toBe(c.classifyName('patient_dob'));
  });
});

describe('memoiseRepeated', () => {
  const counted = () => {
    const calls: string[] = [];
    const fn = (text: string) => {
      calls.push(text);
      return [text.length];
    };
    return { calls, fn };
  };

  it('computes a text seen once and keeps nothing of it', () => {
    const { calls, fn } = counted();
    const memo = memoiseRepeated(fn);
    for (let i = 0; i < 1000; i++) expect(memo(`unique comment ${i}`)).toEqual([`unique comment ${i}`.length]);
    expect(calls).toHaveLength(1000);
  });

  it('answers a repeated text from the memo from its third sighting on', () => {
    const { calls, fn } = counted();
    const memo = memoiseRepeated(fn);
    const results = [1, 2, 3, 4].map(() => memo('Licensed under the MIT licence'));
    expect(calls).toEqual(['Licensed under the MIT licence', 'Licensed under the MIT licence']);
    expect(results[2]).toBe(results[3]);
    expect(results.every((r) => r[0] === 30)).toBe(true);
  });
});
