import { describe, expect, it } from 'vitest';
import { mask } from '../../src/classify/mask.js';
import { OUTPUT_FORMATS, formatReport } from '../../src/report/index.js';
import { finding, reportInput } from './fixtures.js';

// Invented values; the reporters receive only their masked forms.
const RAW_NAME = 'Rosalind Okafor';
const RAW_SSN = '512-73-0921';

describe('reporters never add raw values', () => {
  const masked = finding({
    message: `Log call passes a name (${mask(RAW_NAME)}) and an SSN (${mask(RAW_SSN)}).`,
    evidence: `${mask(RAW_NAME)} ${mask(RAW_SSN)}`,
    fingerprint: `phi/log|src/app.ts|${mask(RAW_NAME)}`,
  });

  for (const format of OUTPUT_FORMATS) {
    it(`${format}: masked message and evidence stay masked`, () => {
      const output = formatReport(format, reportInput({ findings: [masked], includeSuppressed: true, color: true }));
      expect(output.length).toBeGreaterThan(0);
      for (const raw of [RAW_NAME, 'Rosalind', 'Okafor', RAW_SSN, '512', '0921']) expect(output).not.toContain(raw);
    });
  }
});
