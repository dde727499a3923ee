import { describe, expect, it } from 'vitest';
import { createClassifier, defaultClassifier, maskSpans } from '../../src/classify/index.js';

const c = defaultClassifier();

describe('findValuesInIdentifier: values embedded in object names', () => {
  it.each([
    ['patient_maria_garcia', 'maria_garcia', 'name'],
    ['maria_garcia_backup', 'maria_garcia', 'name'],
    ['"Garcia, Maria"', 'Garcia, Maria', 'name'],
    ['johndoe_visits', 'johndoe', 'name'],
    ['tmp_patient_okafor_metformin', 'okafor', 'name'],
    ['mrn_00482913_backup', '00482913', 'mrn'],
    ['patient_10482_notes', '10482', 'other-unique-id'],
    ['patient10482Notes', '10482', 'other-unique-id'],
    ['intake_patient_30917_restore', '30917', 'other-unique-id'],
    ['"Maria G."', 'Maria G.', 'name'],
    ['"Hollis Brandt"', 'Hollis Brandt', 'name'],
    ['Hollis Brandt', 'Hollis Brandt', 'name'],
    ['adjustments_member_w99021334_2023', 'w99021334', 'health-plan-id'],
    ['restore_mrn_00918277', '00918277', 'mrn'],
    ['cs_override_lucinda_marsh_oxycodone', 'lucinda_marsh', 'name'],
    ['idx_appt_teodoro_alvarado', 'teodoro_alvarado', 'name'],
    ['"court order: release Eamon Gallagher notes"', 'Eamon Gallagher', 'name'],
  ] as const)('%s embeds %s (%s)', (identifier, value, category) => {
    const m = c.findValuesInIdentifier(identifier);
    expect(m.map((x) => [x.text, x.category])).toContainEqual([value, category]);
    for (const x of m) expect(identifier.slice(x.start, x.end)).toBe(x.text);
  });

  it('reads no id label into a name of an Object.prototype member', () => {
    expect(c.findValuesInIdentifier('constructor_123456789')).toEqual([]);
    expect(c.findValuesInIdentifier('mrn_00482913_backup').map((m) => m.detector)).toEqual(['mrn']);
  });

  it('finds a birth date next to a name', () => {
    const m = c.findValuesInIdentifier('okafor_adaeze_19840719');
    expect(m.map((x) => x.category).sort()).toEqual(['date', 'name']);
  });

  it('finds a surname directly before a birth date', () => {
    const m = c.findValuesInIdentifier('exports.notes_gallagher_19900517');
    expect(m.map((x) => [x.text, x.category])).toEqual([
      ['gallagher', 'name'],
      ['19900517', 'date'],
    ]);
  });

  it('keeps placeholders in identifiers, flagged', () => {
    const m = c.findValuesInIdentifier('qa_john_doe_appointments');
    expect(m).toHaveLength(1);
    expect(m[0]?.placeholder).toBe(true);
  });

  it.each([
    'visits_2024_01',
    'patients_v2',
    'orders_p7',
    'hiv_test_results',
    'mental_health_notes',
    'idx_patients_last_name',
    'fk_claims_patient_id',
    'patients_2024',
    'claims_202401',
    'appointments_20240501',
    'patient_first_name',
    'user_accounts',
    'grace_period',
    'mark_sweep_log',
    'will_call_queue',
    'bill_to_address',
    'april_visits',
    '"Patient Name"',
    '"First Visit"',
    'First Visit',
    'Total Charge Cents',
    'client_3',
    'jordan_clinic',
    'chase_payments',
    'note_audit_2024_03',
    'lab_results',
    'insurance_member_id',
    'chart_2024',
    'member_202401',
    'events_20240501',
    'encodeURIComponent',
    'kevin_component_loader',
  ])('%s embeds nothing', (identifier) => {
    expect(c.findValuesInIdentifier(identifier)).toEqual([]);
  });

  it('finds object names written inside text', () => {
    const m = c.findValues('Keys look like okafor_adaeze_19840719/PX/pano_0001.dcm', { context: 'schema-comment' });
    expect(m.map((x) => x.category).sort()).toEqual(['date', 'name']);
  });
});

describe('masking never repeats the value', () => {
  it.each([
    'patient_maria_garcia',
    'mrn_00482913_backup',
    'patient_10482_notes',
    '"Garcia, Maria"',
    'okafor_adaeze_19840719',
    'adjustments_member_w99021334_2023',
  ])('%s', (identifier) => {
    const m = c.findValuesInIdentifier(identifier);
    expect(m.length).toBeGreaterThan(0);
    const masked = maskSpans(identifier, m);
    for (const x of m) expect(masked).not.toContain(x.text);
  });

  it.each([
    'Maria Garcia DOB 1961-03-04 SSN 529-18-4470 phone (608) 555-3172 MRN 00482913',
    'maria.garcia@gmail.com lives at 4 Elm St, zip 53207',
  ])('text values in %s', (text) => {
    const m = c.findValues(text);
    expect(m.length).toBeGreaterThan(2);
    const masked = maskSpans(text, m);
    for (const x of m) expect(masked).not.toContain(x.text);
  });
});

describe('findValuesInIdentifier: names that differ only in their numbers share one scan', () => {
  const words = ['patient', 'pt', 'mrn', 'member', 'ssn', 'policy', 'visits', 'maria', 'garcia', 'okafor', 'gallagher', 'backup', 'notes', 'w', 'ab', 'idx', 'Encounter', 'Claim'];
  const runs = ['7', '42', '2024', '1984', '3419', '202401', '202413', '19840719', '19841340', '20240229', '20230229', '123456789', '00482913', '99021334', '1041', '000000', '12345678901'];
  /** A deterministic pseudo-random sequence, so a failure names a reproducible identifier. */
  function* identifiers(count: number): Generator<string> {
    let seed = 20260611;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < count; i++) {
      const parts: string[] = [];
      for (let k = 0, n = 2 + next(4); k < n; k++) parts.push(next(3) === 0 ? runs[next(runs.length)]! : words[next(words.length)]!);
      const glue = ['_', '', '-'][next(3)]!;
      yield next(5) === 0 ? `"${parts.join(glue)}"` : parts.join(glue);
    }
  }

  it('answers every name exactly as a scan of that name alone does', async () => {
    const { IdentifierScanner, digitShape } = await import('../../src/classify/identifier-values.js');
    const { buildVocabulary } = await import('../../src/classify/vocabulary.js');
    const scanner = new IdentifierScanner(buildVocabulary({}));
    const classifier = createClassifier();
    let shared = 0;
    for (const id of identifiers(20_000)) {
      if (digitShape(id) !== id) shared++;
      expect(classifier.findValuesInIdentifier(id), id).toEqual(scanner.scan(id, () => []));
    }
    // The check covers names whose numbers were replaced, not only names left as they are.
    expect(shared).toBeGreaterThan(5_000);
  });
});
