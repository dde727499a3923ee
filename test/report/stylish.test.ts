import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { NOTICES, finding, reportInput } from './fixtures.js';

const ESC = '\u001b';

describe('stylish reporter', () => {
  it('groups by file, aligns columns, and counts problems like ESLint', () => {
    const output = formatReport('stylish', reportInput());
    expect(output).toBe(
      [
        '',
        'db/migrations/001_init.sql',
        '  3:4  warning  Comment contains a name value (M**** G*****)  phi/code-comment',
        '',
        'db/migrations/002_broken.sql',
        '  7:1  warning  Could not parse: syntax error at or near "TABL"; names and comments were still scanned  phi/parse-error',
        '',
        'src/app.ts',
        '  12:3  error  PHI-bearing field patient.ssn is logged  phi/log',
        '',
        'src/worker.ts',
        '  40:5  error  PHI-bearing field patient.ssn is logged  phi/log',
        '',
        '\u2716 4 problems (2 errors, 2 warnings)',
        '  1 suppressed finding not shown',
        '',
      ].join('\n'),
    );
    expect(output).not.toContain(ESC);
  });

  it('pads the position column to the widest row of each file', () => {
    const output = formatReport('stylish', reportInput({ findings: [finding({ line: 2 }), finding({ line: 120, column: 14 })] }));
    expect(output).toContain('  2:1     error');
    expect(output).toContain('  120:14  error');
    expect(output).toContain('\u2716 2 problems (2 errors, 0 warnings)');
  });

  it('prints nothing when there is nothing to report (suppressed findings included)', () => {
    expect(formatReport('stylish', reportInput({ findings: [] }))).toBe('');
    expect(formatReport('stylish', reportInput({ findings: [finding({ suppression: { kind: 'baseline' } })] }))).toBe('');
  });

  it('uses singular words for one problem and lists notices', () => {
    const output = formatReport('stylish', reportInput({ findings: [finding({ severity: 'warning' })], notices: NOTICES }));
    expect(output).toContain('\u2716 1 problem (0 errors, 1 warning)');
    expect(output).toContain('Notices\n  assets/scan.bin  note  Binary file skipped');
  });

  it('colours only when asked: red errors, yellow warnings, bold summary', () => {
    const output = formatReport('stylish', reportInput({ color: true }));
    expect(output).toContain(`${ESC}[31merror${ESC}[39m`);
    expect(output).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(output).toContain(`${ESC}[4msrc/app.ts${ESC}[24m`);
    expect(output).toContain(`${ESC}[1m${ESC}[31m\u2716 4 problems`);
  });

  it('neutralises control characters so a message or file name cannot drive the terminal', () => {
    const hostile = finding({ path: `src/${ESC}[2Jx.ts`, message: `bad${ESC}]0;title\u0007 text\r\nmore` });
    const output = formatReport('stylish', reportInput({ findings: [hostile] }));
    expect(output).not.toContain(ESC);
    expect(output).toContain('src/\\u001b[2Jx.ts');
    expect(output).toContain('bad\\u001b]0;title\\u0007 text more');
  });
});
