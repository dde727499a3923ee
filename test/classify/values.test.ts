import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import type { ValueDetector, ValueMatch } from '../../src/classify/types.js';
import { isValidDea, isValidNpi } from '../../src/classify/values/provider-ids.js';

const c = defaultClassifier();

function found(text: string, detector: ValueDetector, minConfidence = 0.5): ValueMatch[] {
  return c.findValues(text, { minConfidence }).filter((m) => m.detector === detector);
}

describe('SSN', () => {
  it.each(['SSN 529-18-4470', 'ssn: 318-40-2291', 'her number is 603-22-8815', 'ssn=529184470', 'SSN 529 18 4470'])('finds %s', (text) => {
    const m = found(text, 'ssn');
    expect(m).toHaveLength(1);
    expect(m[0]?.category).toBe('ssn');
    expect(m[0]?.placeholder).toBe(false);
  });

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 900-999'],
    ['987-65-4321', 'area 900-999'],
    ['529-00-4470', 'group 00'],
    ['529-18-0000', 'serial 0000'],
    ['529184470', 'nine digits without an SSN label'],
    ['1529-18-4470', 'longer digit run'],
    ['529-18-44701', 'longer digit run'],
  ])('rejects %s (%s)', (text) => {
    expect(found(text, 'ssn', 0)).toEqual([]);
  });

  it('marks 123-45-6789 as a documentation placeholder', () => {
    expect(found('ssn 123-45-6789', 'ssn')[0]?.placeholder).toBe(true);
  });
});

describe('phone (NANP)', () => {
  it.each(['(555) 201-3344', '555-201-3344', '+1 555 201 3344', '555.201.3344', 'call (608) 555-3172', '+1-303-555-2718', 'phone: 4145552290'])('finds %s', (text) => {
    const m = found(text, 'phone');
    expect(m).toHaveLength(1);
    expect(m[0]?.placeholder).toBe(false);
  });

  it.each([
    ['155-201-3344', 'area starting with 1'],
    ['055-201-3344', 'area starting with 0'],
    ['555-101-3344', 'exchange starting with 1'],
    ['2024-05-01', 'an ISO date'],
    ['529-18-4470', 'an SSN shape'],
    ['1234-555-201-3344', 'part of a longer id'],
    ['4145552290', 'ten digits without a phone label'],
    ['v555.201.3344.1', 'a dotted version'],
  ])('rejects %s (%s)', (text) => {
    expect(found(text, 'phone', 0)).toEqual([]);
  });

  it.each(['555-0100', '(555) 555-0142', '212-555-0199'])('%s is the fictional 555-01xx range', (text) => {
    const m = found(text, 'phone');
    expect(m).toHaveLength(1);
    expect(m[0]?.placeholder).toBe(true);
  });

  it('classifies a number after "fax" as fax', () => {
    expect(found('Fax: (608) 555-3172', 'phone')[0]?.category).toBe('fax');
  });
});

describe('e-mail', () => {
  it('finds a personal address', () => {
    const m = found('send to beatriz.almeida@gmail.com today', 'email');
    expect(m.map((x) => [x.text, x.placeholder])).toEqual([['beatriz.almeida@gmail.com', false]]);
  });

  it.each(['maria.garcia@example.org', 'jd@example.com', 'x@clinic.test', 'a@example.net'])('%s is at a documentation domain', (text) => {
    expect(found(text, 'email')[0]?.placeholder).toBe(true);
  });

  it('gives organisational mailboxes low confidence', () => {
    expect(found('write to support@clinic.io', 'email')).toEqual([]);
    expect(found('write to support@clinic.io', 'email', 0)).toHaveLength(1);
  });

  it('ignores retina image names and npm scopes', () => {
    expect(found('icon@2x.png and @types/node', 'email', 0)).toEqual([]);
  });
});

describe('dates', () => {
  it.each(['DOB 1961-03-04', 'dob: 03/04/1961', 'born March 4, 1961', 'date of birth 4 Mar 1961', 'admitted 2024-01-02', 'discharged on 01/09/2024', 'died 2023-12-31', 'D.O.B. 1961-03-04', 'DOB 19840719', 'b. 1961-03-04', 'DOS 2024-02-12'])(
    'finds %s with context',
    (text) => {
      const m = found(text, 'date');
      expect(m).toHaveLength(1);
      expect(m[0]?.confidence).toBeGreaterThanOrEqual(0.8);
    },
  );

  it.each(['released 2024-05-01', 'drop after 2024-06-30', 'version 1961-03-04', '2024-02-30 is not a date', 'build 19840719'])('does not report %s', (text) => {
    expect(found(text, 'date')).toEqual([]);
  });

  it('rejects impossible dates even with context', () => {
    expect(found('DOB 1961-02-30', 'date', 0)).toEqual([]);
    expect(found('DOB 13/45/1961', 'date', 0)).toEqual([]);
  });

  it('counts a date next to a person name', () => {
    const m = found('Maria Garcia 1961-03-04', 'date');
    expect(m).toHaveLength(1);
    expect(m[0]?.why).toMatch(/person name/);
  });

  it.each(['age 93', 'aged 101', '93 y/o', '95-year-old', '92 years old'])('finds the age over 89 in %s', (text) => {
    expect(found(text, 'date')).toHaveLength(1);
  });

  it.each(['age 45', '89 y/o', 'timeout 95 seconds'])('ignores %s', (text) => {
    expect(found(text, 'date')).toEqual([]);
  });
});

describe('labelled record ids', () => {
  it.each([
    ['MRN 00482913', '00482913', 'mrn'],
    ['MRN: A1234567', 'A1234567', 'mrn'],
    ['mrn=7730142', '7730142', 'mrn'],
    ['--mrn 00918277', '00918277', 'mrn'],
    ['medical record number 5502193', '5502193', 'mrn'],
    ['member id XJH123456789', 'XJH123456789', 'health-plan-id'],
    ['(member W99021334)', 'W99021334', 'health-plan-id'],
    ['policy #: 88120045', '88120045', 'health-plan-id'],
    ['subscriber id 440019283', '440019283', 'health-plan-id'],
    ['account number 004418829', '004418829', 'account-number'],
  ])('%s -> %s', (text, value, category) => {
    const m = c.findValues(text).filter((x) => x.category === category);
    expect(m.map((x) => x.text)).toEqual([value]);
  });

  it('follows lists after one label', () => {
    expect(found('Rows for MRN 00917733 and 00917734 before the merge', 'mrn').map((m) => m.text)).toEqual(['00917733', '00917734']);
  });

  it.each(['MRN column is unique', 'member since 2019', 'the member portal', 'member 2024-05-01', 'policy # TBD'])('ignores %s', (text) => {
    expect(c.findValues(text).filter((m) => m.detector === 'mrn' || m.detector === 'member-id')).toEqual([]);
  });
});

describe('Medicare Beneficiary Identifier', () => {
  it.each(['1EG4TE5MK74', '8AC2DE3FG45', 'MBI 2A34C56DE78'.slice(4)])('accepts %s', (mbi) => {
    expect(found(`Medicare MBI ${mbi}`, 'mbi')).toHaveLength(1);
  });

  it.each([
    ['0EG4TE5MK74', 'first character 0'],
    ['1SG4TE5MK74', 'excluded letter S'],
    ['1EG4TE5MK7', 'ten characters'],
    ['1eg4te5mk74', 'lower case'],
    ['1EGATE5MK74', 'letter in a digit position'],
  ])('rejects %s (%s)', (mbi) => {
    expect(found(`MBI ${mbi}`, 'mbi', 0)).toEqual([]);
  });

  it('marks the CMS example as a placeholder', () => {
    expect(found('MBI 1EG4-TE5-MK73', 'mbi')[0]?.placeholder).toBe(true);
  });
});

describe('ICD-10-CM', () => {
  it.each(['dx E11.9', 'Diagnosis: F32.1', 'ICD-10 code F33.1', 'primary diagnosis E119', 'diagnosed with F43.10'])('finds the code in %s', (text) => {
    expect(found(text, 'icd10')).toHaveLength(1);
  });

  it('accepts a dotted code in a text with health context', () => {
    expect(found('patient seen, E11.9 noted', 'icd10')).toHaveLength(1);
  });

  it.each(['E11.9', 'room B12 is free', 'error code E404', 'analyzer C-2 drifted', 'version A10.2 released', 'we use U07.1'])('ignores %s without diagnosis context', (text) => {
    expect(found(text, 'icd10', 0)).toEqual([]);
  });
});

describe('provider identifiers', () => {
  it.each(['1234567893', '1245319599'])('NPI %s passes the Luhn check', (npi) => {
    expect(isValidNpi(npi)).toBe(true);
  });

  it.each(['1234567890', '123456789', '12345678931', 'abcdefghij'])('NPI %s fails', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });

  it.each(['AB1234563', 'BJ6125341', 'FS0123454'])('DEA %s has a valid check digit', (dea) => {
    expect(isValidDea(dea)).toBe(true);
  });

  it.each(['AB1234567', 'AB123456', 'A11234563'])('DEA %s fails', (dea) => {
    expect(isValidDea(dea)).toBe(false);
  });

  it('returns provider ids only below the default confidence', () => {
    expect(c.findValues('NPI 1234567893, DEA AB1234563')).toEqual([]);
    const low = c.findValues('NPI 1234567893, DEA AB1234563', { minConfidence: 0 });
    expect(low.map((m) => [m.detector, m.category])).toEqual([
      ['npi', 'license-number'],
      ['dea', 'license-number'],
    ]);
  });
});

describe('addresses, ZIP codes and IP addresses', () => {
  it.each(['4 Elm St', '1234 N Main Street Apt 5', '2204 S Kinnickinnic Ave', '9 Elm Ridge Rd', '77 Fenwick Ct', '12 Birch Hollow Rd^^Duluth', '300 5th Ave'])('finds the street address in %s', (text) => {
    expect(found(text, 'address')).toHaveLength(1);
  });

  it.each(['3 Retries Max', 'v2 Release Notes', 'Step 4 Drive the migration'])('ignores %s', (text) => {
    expect(found(text, 'address', 0)).toEqual([]);
  });

  it.each(['zip 53207', 'postal code: 80211', 'Denver, CO 80211', 'Duluth^MN^55803'])('finds the ZIP in %s', (text) => {
    expect(found(text, 'zip')).toHaveLength(1);
  });

  it.each(['took 53207 ms', 'order 53207', 'port 54321'])('ignores %s', (text) => {
    expect(found(text, 'zip', 0)).toEqual([]);
  });

  it.each(['from 73.42.118.9', 'client 2600:1700:abcd:1234:5678:9abc:def0:1234', 'addr 2600:1f18::1'])('finds the IP address in %s', (text) => {
    expect(found(text, 'ip')).toHaveLength(1);
  });

  it.each(['version 1.2.3', 'v1.2.3.4', '1.2.3', 'at 12:00:00', '999.1.1.1'])('ignores %s', (text) => {
    expect(found(text, 'ip', 0)).toEqual([]);
  });

  it('ranks private and documentation addresses low or as placeholders', () => {
    expect(found('host 10.0.0.12', 'ip')).toEqual([]);
    expect(found('host 192.0.2.10', 'ip')[0]?.placeholder).toBe(true);
  });
});

describe('health terms', () => {
  it.each([
    ['J. Carter, HIV positive', 'sexual-health'],
    ['on metformin 500mg', 'medication'],
    ['history of major depressive disorder', 'mental-health'],
    ['reports suicidal ideation', 'mental-health'],
    ['opioid use disorder in remission', 'substance-use'],
    ['potassium 6.9', 'lab-result'],
    ['pregnant, 20 weeks', 'reproductive'],
  ] as const)('%s has a %s term', (text, category) => {
    const m = c.findValues(text, { minConfidence: 0 }).filter((x) => x.detector === 'health-term');
    expect(m.map((x) => x.category)).toContain(category);
    expect(m.every((x) => x.confidence < 0.5)).toBe(true);
  });

  it('does not return health terms at the default confidence', () => {
    expect(c.findValues('metformin 500mg').filter((m) => m.detector === 'health-term')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(c.findValues('shiv and hivemind and prepare', { minConfidence: 0 }).filter((m) => m.detector === 'health-term')).toEqual([]);
  });
});

describe('findValues is linear on large inputs', () => {
  it.each([
    ['letters', 'a'.repeat(100_000)],
    ['digits', '7'.repeat(100_000)],
    ['capitalised words', 'Maria '.repeat(17_000)],
    ['e-mail-like runs', 'a.b-c@'.repeat(17_000)],
    ['snake case', 'a_b'.repeat(33_000)],
    ['realistic lines', 'patient Maria Garcia DOB 1961-03-04 called (555) 201-3344 about E11.9\n'.repeat(1400)],
  ])('%s (100k chars) in well under a second', (_name, text) => {
    const started = performance.now();
    c.findValues(text, { minConfidence: 0 });
    expect(performance.now() - started).toBeLessThan(600);
  });
});

describe('values that are about no one', () => {
  it('does not read URL userinfo as an e-mail address', () => {
    expect(c.findValues('postgresql://api:secret@db-1234.us-east-2.aws.neon.tech/app', { minConfidence: 0 }).filter((m) => m.detector === 'email')).toEqual([]);
  });

  it('marks an ICD-10 code written as an example as a placeholder', () => {
    const m = c.findValues('Primary diagnosis code (ICD-10-CM), e.g. I10', { minConfidence: 0 }).filter((x) => x.detector === 'icd10');
    expect(m).toHaveLength(1);
    expect(m[0]?.placeholder).toBe(true);
  });

  it('counts a diagnosis code in a comment only beside a person or identifier', () => {
    expect(c.findValues('dx F32.1 for this cohort', { context: 'comment' })).toEqual([]);
    const withPerson = c.findValues('Maria Garcia, dx F32.1', { context: 'comment' }).map((m) => m.detector);
    expect(withPerson).toEqual(['person-name', 'icd10']);
  });
});
