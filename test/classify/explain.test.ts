import { describe, expect, it } from 'vitest';
import { defaultClassifier, explain } from '../../src/classify/index.js';

describe('explain', () => {
  it('describes a field name', () => {
    const r = explain(defaultClassifier(), 'patientDob');
    expect(r.tokens).toEqual(['patient', 'dob']);
    expect(r.strength).toBe('direct');
    expect(r.patientWord).toBe(true);
    expect(r.nameMatches.map((m) => m.term)).toEqual(['patient', 'dob']);
    expect(r.opaqueId).toBe(false);
  });

  it('shows opaque ids and values with their reasons', () => {
    expect(explain(defaultClassifier(), 'encounter_id').opaqueId).toBe(true);
    const r = explain(defaultClassifier(), 'Author: Jane Smith');
    expect(r.values[0]?.why).toMatch(/staff|author/);
    expect(r.identifierValues).toEqual([]);
    expect(explain(defaultClassifier(), 'mrn_00482913_backup').identifierValues[0]?.category).toBe('mrn');
  });
});
