import { describe, expect, it } from 'vitest';
import { singular, tokenize, tokenizeWithSpans } from '../../src/classify/tokenize.js';

describe('tokenize', () => {
  it.each([
    ['first_name', ['first', 'name']],
    ['firstName', ['first', 'name']],
    ['FirstName', ['first', 'name']],
    ['first-name', ['first', 'name']],
    ['patient.address.city', ['patient', 'address', 'city']],
    ['"Patient Name"', ['patient', 'name']],
    ['icd10Code', ['icd', '10', 'code']],
    ['address2', ['address', '2']],
    ['patientMRN', ['patient', 'mrn']],
    ['DOB', ['dob']],
    ['MRNNumber', ['mrn', 'number']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['patients', ['patient']],
    ['diagnoses', ['diagnosis']],
    ['addresses', ['address']],
    ['allergies', ['allergy']],
    ['patient_ids', ['patient', 'id']],
    ['`dob`', ['dob']],
    ['', []],
  ])('%s -> %j', (input, expected) => {
    expect(tokenize(input)).toEqual(expected);
  });

  it.each(['status', 'ssn', 'gas', 'diagnosis', 'address', 'class', 'dos', 'sms', 'bus', 'virus', 'diabetes'])('keeps %s as is', (word) => {
    expect(singular(word)).toBe(word);
  });

  it.each([
    ['statuses', 'status'],
    ['boxes', 'box'],
    ['batches', 'batch'],
    ['dates', 'date'],
    ['notes', 'note'],
    ['members', 'member'],
  ])('singular(%s) = %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });

  it('treats names of Object.prototype members as plain words', () => {
    expect(singular('constructor')).toBe('constructor');
    expect(tokenize('constructor_toString')).toEqual(['constructor', 'to', 'string']);
  });

  it('keeps raw text and offsets of every token', () => {
    const tokens = tokenizeWithSpans('tmp_patientOkafor10');
    expect(tokens.map((t) => [t.raw, t.start, t.end, t.segment])).toEqual([
      ['tmp', 0, 3, 0],
      ['patient', 4, 11, 1],
      ['Okafor', 11, 17, 1],
      ['10', 17, 19, 1],
    ]);
  });
});
