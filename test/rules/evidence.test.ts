import { describe, expect, it } from 'vitest';
import { judgeEvidence, sinkFinding } from '../../src/classify/evidence.js';
import { defaultClassifier } from '../../src/classify/index.js';
import type { Evidence } from '../../src/core/facts.js';

const classifier = defaultClassifier();
const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const field = (path: string): Evidence => ({ kind: 'field', path, span });
const judge = (ev: Evidence, identifiesUser = false) => judgeEvidence(ev, classifier, { context: 'log', identifiesUser });

describe('judgeEvidence', () => {
  it('tells patient fields from staff, error and opaque fields', () => {
    expect(judge(field('patient.lastName'))?.category).toBe('name');
    expect(judge(field('patient.name'))?.category).toBe('name');
    expect(judge(field('dob'))?.category).toBe('date');
    expect(judge(field('user.name'))).toBeUndefined();
    expect(judge(field('staff.email'))).toBeUndefined();
    expect(judge(field('err.name'))).toBeUndefined();
    expect(judge(field('patient.id'))).toBeUndefined();
    expect(judge(field('patientId'))).toBeUndefined();
    expect(judge(field('rows.length'))).toBeUndefined();
  });

  it('counts a signed-in user only in sinks that identify the person', () => {
    expect(judge(field('user.email'))).toBeUndefined();
    expect(judge(field('user.email'), true)?.category).toBe('email');
  });

  it('treats whole records, request bodies and PHI-bearing rows as objects', () => {
    expect(judge(field('patient'))?.kind).toBe('object');
    expect(judge(field('visitType'))).toBeUndefined();
    expect(judge({ kind: 'object', path: 'body', span, payload: 'request' })?.reason).toBe('the whole request body');
    expect(judge({ kind: 'object', path: 'saved', span, model: 'LabResult' })?.category).toBe('lab-result');
    expect(judge({ kind: 'object', path: 'order', span, model: 'LabOrder' })).toBeUndefined();
  });

  it('masks values found in text and ignores static mentions of PHI words', () => {
    expect(judge({ kind: 'text', text: 'customer email not found', span })).toBeUndefined();
    const v = judge({ kind: 'text', text: 'paged Maria Garcia about her results', span });
    expect(v?.evidence).toBe('M**** G*****');
  });

  it('lists every PHI field of one sink, located at the first', () => {
    const found = sinkFinding(
      [field('patient.id'), { ...field('patient.dob'), span: { ...span, column: 9 } }, field('patient.lastName')],
      classifier,
      { context: 'log' },
    );
    expect(found?.span.column).toBe(1);
    expect(found?.verdicts.map((v) => v.evidence)).toEqual(['patient.lastName', 'patient.dob']);
  });
});
