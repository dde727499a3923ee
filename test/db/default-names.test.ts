import { describe, expect, it } from 'vitest';
import { isGeneratedName, makeObjectName } from '../../src/db/default-names.js';

describe('generated object names', () => {
  it('recognises the names PostgreSQL chooses', () => {
    expect(isGeneratedName('patients_pkey', 'patients', ['id'], 'pkey')).toBe(true);
    expect(isGeneratedName('patients_ssn_key', 'patients', ['ssn'], 'key')).toBe(true);
    expect(isGeneratedName('patients_ssn_key1', 'patients', ['ssn'], 'key')).toBe(true);
    expect(isGeneratedName('visits_patient_id_clinic_id_fkey', 'visits', ['patient_id', 'clinic_id'], 'fkey')).toBe(true);
    expect(isGeneratedName('patients_check', 'patients', ['a', 'b'], 'check')).toBe(true);
    expect(isGeneratedName('notes_id_seq', 'notes', ['id'], 'seq')).toBe(true);
  });

  it('keeps names a person chose', () => {
    expect(isGeneratedName('ix_mrn_00731266_lookup', 'patients', ['mrn'], 'idx')).toBe(false);
    expect(isGeneratedName('patients_mrn_00731266_idx', 'patients', ['mrn'], 'idx')).toBe(false);
    expect(isGeneratedName('patients_pkey', 'other', ['id'], 'pkey')).toBe(false);
  });

  it('shortens the longer part to fit 63 characters, as makeObjectName does', () => {
    const table = 'a'.repeat(40);
    const column = 'b'.repeat(40);
    const name = makeObjectName(table, column, 'key');
    expect(name).toHaveLength(63);
    expect(name).toBe(`${'a'.repeat(29)}_${'b'.repeat(29)}_key`);
    expect(isGeneratedName(name, table, [column], 'key')).toBe(true);
  });
});
