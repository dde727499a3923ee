import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import type { TextContext } from '../../src/classify/types.js';

const c = defaultClassifier();

function names(text: string, context: TextContext = 'generic', minConfidence = 0.5): string[] {
  return c
    .findValues(text, { context, minConfidence })
    .filter((m) => m.detector === 'person-name')
    .map((m) => m.text);
}

describe('person names in text', () => {
  it.each([
    ['Maria Garcia called the front desk', 'Maria Garcia'],
    ['Garcia, Maria was seen today', 'Garcia, Maria'],
    ['J. Carter, HIV positive', 'J. Carter'],
    ['Mrs. Okafor asked for a copy', 'Mrs. Okafor'],
    ['after Marisol Quintero missed her visit', 'Marisol Quintero'],
    ['keys for Kwame Asante-Boateng were wrong', 'Kwame Asante-Boateng'],
    ['ticket from Odalys Ferreira about billing', 'Odalys Ferreira'],
    ['PID|1||123^^^LAB^MR||SOLBERG^INGRID^M||19580214', 'SOLBERG^INGRID'],
    ['PID|1||77^^^LAB^MR||QUILLANE^TARVEK^J', 'QUILLANE^TARVEK'],
    ['the Esposito intake crashed', 'Esposito'],
    ['release notes for Lucinda Marsh', 'Lucinda Marsh'],
    ['Teodoro Alvarado\'s chart', 'Teodoro Alvarado'],
  ])('finds the person in %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    'Use Select Query Builder with Postgres Database',
    'Redis Cache and Sentry Tracing are configured',
    'Initial schema for the outpatient scheduling service.',
    'Monday Morning Report for Front Desk',
    'Prescribe Lisinopril Tablet daily',
    'Grant Access to the Reporting Role',
    'See Patient Name and First Visit columns',
    'Apply Migration Step Two',
    'MSH|^~\\&|LIS|NORTHLAB|EHR|CLINIC|202404301015||ORU^R01|MSG0001|P|2.5',
    'OBX|1|CE|CPT^PROC||done',
  ])('finds no person in %s', (text) => {
    expect(names(text, 'generic', 0)).toEqual([]);
  });

  it.each([
    '-- Author: Jane Smith',
    ' * @author Maria Garcia',
    'Reviewed by Thomas Becker',
    'Dr. Smith ordered the panel',
    'Signed: Laura Chen, RN',
    'Contact Jane Smith for access',
    'Owner: Daniel Kim',
  ])('treats the staff or author name in %s as not PHI', (text) => {
    expect(names(text)).toEqual([]);
    const low = c.findValues(text, { minConfidence: 0 }).filter((m) => m.detector === 'person-name');
    expect(low.length).toBeGreaterThan(0);
    expect(low[0]?.why).toMatch(/staff|author|clinician|no patient/);
  });

  it.each(['John Doe', 'Jane Doe', 'DOE^JANE'])('flags %s as a documentation placeholder', (text) => {
    const m = c.findValues(`record for ${text}`).filter((x) => x.detector === 'person-name');
    expect(m).toHaveLength(1);
    expect(m[0]?.placeholder).toBe(true);
  });
});

describe('the comment rule (PHI-POLICY judgement calls)', () => {
  it.each<TextContext>(['comment', 'schema-comment'])('in a %s a bare name without patient context does not count', (context) => {
    expect(names('Maria Garcia likes the new layout', context)).toEqual([]);
    expect(names('Maria Garcia likes the new layout', 'log')).toEqual(['Maria Garcia']);
  });

  it.each([
    ['patient word', 'Maria Garcia asked to move her appointment'],
    ['health term', 'Maria Garcia missed three diabetes follow-ups'],
    ['medication', 'Maria Garcia keeps tripping the refill rule on her oxycodone'],
    ['date of birth', 'merged the rows of Maria Garcia (DOB 1961-03-04)'],
    ['MRN', 'Maria Garcia, MRN 00482913'],
    ['phone', 'Maria Garcia (608) 555-3172 called twice'],
  ])('a name with a nearby %s counts in a comment', (_why, text) => {
    expect(names(text, 'comment')).toEqual(['Maria Garcia']);
  });

  it('keeps placeholders in the result so rules can drop them in comments', () => {
    const m = c.findValues('e.g. John Doe, SSN 123-45-6789, 555-0100, jd@example.com', { context: 'comment' });
    expect(m.length).toBeGreaterThanOrEqual(4);
    expect(m.every((x) => x.placeholder)).toBe(true);
  });
});

describe('hasPatientContext', () => {
  it.each(['the patient asked', 'client was discharged', 'HIV positive', 'started sertraline', 'chart merge', 'PHQ-9 trend', 'residents of unit 4'])('%s has patient context', (text) => {
    expect(c.hasPatientContext(text)).toBe(true);
  });

  it.each(['refactor the http client', 'add team members to the org', 'bump the Redis version', 'rename the column'])('%s has none', (text) => {
    expect(c.hasPatientContext(text)).toBe(false);
  });
});
