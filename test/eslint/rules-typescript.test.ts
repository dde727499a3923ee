/** The JS/TS rules under typescript-eslint's RuleTester (typescript-eslint's parser). */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import phi from '../../src/eslint/index.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils: the same objects, other type identities.
const rule = (name: string) => phi.rules[name] as unknown as Parameters<typeof ruleTester.run>[1];

ruleTester.run('log', rule('log'), {
  valid: [
    "export function f(patient: { id: string }) { console.log('stored', patient.id); }",
    "const count = 3; console.info('intake done', { count });",
    // another rule's finding is not this rule's
    'export function f(patient: any) { throw new Error(`${patient.lastName} is locked`); }',
  ],
  invalid: [
    {
      code: "export function f(patient: any) {\n  console.log('intake', patient.dateOfBirth);\n}\n",
      errors: [{ messageId: 'log', line: 2, column: 25, endLine: 2, endColumn: 44 }],
    },
    {
      // options come from the ESLint config, as `minConfidence` in phi-scan.config.json would
      code: "export function f(patient: any) {\n  console.log('intake', patient.dateOfBirth);\n}\n",
      options: [{ minConfidence: 0.5 }],
      errors: [{ messageId: 'log', line: 2 }],
    },
  ],
});

ruleTester.run('error-message', rule('error-message'), {
  valid: ['export function f(id: string) { throw new Error(`record ${id} not found`); }'],
  invalid: [
    {
      code: 'export function f(patient: any) {\n  if (patient.locked) throw new Error(`${patient.lastName} is locked`);\n}\n',
      errors: [{ messageId: 'error', line: 2, column: 42, endLine: 2, endColumn: 58 }],
    },
  ],
});

ruleTester.run('code-comment', rule('code-comment'), {
  valid: ['// TODO merge the two chart records once the migration has run\nexport const x = 1;'],
  invalid: [
    {
      code: 'export const x = 1;\n// TODO Jonathan Whitaker (DOB 1971-02-03) asked to merge charts\n',
      errors: [{ messageId: 'value', line: 2 }],
    },
  ],
});

// ESLint's own disable comments name the rule as configured (`phi/log`): see integration.test.ts.
ruleTester.run('log (phi-scan-ignore)', rule('log'), {
  valid: [
    "export function f(patient: any) {\n  // phi-scan-ignore-next-line phi/log -- the clinic's own audit trail\n  console.log('intake', patient.dateOfBirth);\n}\n",
  ],
  invalid: [],
});
