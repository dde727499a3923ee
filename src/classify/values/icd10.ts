/** ICD-10-CM diagnosis codes, only with a diagnosis label or health words nearby. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch, windowBefore } from './shared.js';

const CODE = /(?<![\w.-])([A-TV-Z]\d[0-9AB])(?:\.?([0-9A-TV-Z]{1,4}))?(?![\w-]|\.\w)/g;
const DX_CONTEXT = /\b(?:dx|diagnos[a-z]*|icd(?:-?10)?(?:-cm)?|primary_diagnosis|diagnosis_code|dx_code|condition|comorbid[a-z]*)\b[^\n]{0,30}$/;

const EXAMPLE = /(?:\be\.g\.?|\bi\.e\.?|for example|for instance|such as|\blike|\bexample:?)[\s,:]*$/;

export function findIcd10(s: ScanText, healthNearby: boolean): ValueMatch[] {
  const out: ValueMatch[] = [];
  if (s.digits === 0) return out;
  eachMatch(CODE, s.text, (m) => {
    const hasDot = m[0].includes('.');
    // Without a dot only a labelled code counts (`dx E119`), never a bare token like `B12`.
    const label = DX_CONTEXT.test(windowBefore(s, m.index, 40));
    if (!label && !(healthNearby && hasDot)) return;
    if (!label && !hasDot) return;
    // `e.g. F33.1` documents the code format; it is about no one.
    const example = EXAMPLE.test(windowBefore(s, m.index, 16));
    out.push(
      valueMatch(m.index, m[0], 'icd10', 'diagnosis', label ? 0.75 : 0.55, `ICD-10-CM code shape ${label ? 'after a diagnosis label' : 'in a text with health context'}${example ? '; written as an example' : ''}`, example),
    );
  });
  return out;
}
