import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { escapeMarkdown } from '../../src/report/markdown.js';
import { NOTICES, finding, reportInput } from './fixtures.js';

describe('markdown reporter', () => {
  it('summarises totals and categories, then a table per rule, errors first', () => {
    const output = formatReport('markdown', reportInput({ notices: NOTICES }));
    expect(output).toContain('**4 problems** (2 errors, 2 warnings) in 4 files. 12 files scanned, 1 suppressed.');
    expect(output).toContain('| Category | Findings |\n| --- | ---: |\n| ssn | 2 |\n| name | 1 |\n| scanner | 1 |');
    const logSection = output.indexOf('### [phi/log](https://github.com/phi-scan/phi-scan/blob/main/rules/log.md): PHI in logs (2)');
    const commentSection = output.indexOf('### [phi/code-comment]');
    expect(logSection).toBeGreaterThan(0);
    expect(commentSection).toBeGreaterThan(logSection);
    expect(output).toContain('| `src/app.ts:12` | error | ssn | PHI-bearing field patient.ssn is logged. |');
    expect(output).toContain('| `db/migrations/001_init.sql:3` | warning | name | Comment contains a name value (M\\*\\*\\*\\* G\\*\\*\\*\\*\\*). |');
    expect(output).toContain('Scan notices (1)');
    expect(output).not.toContain('patient.name');
  });

  it('says so when clean', () => {
    const output = formatReport('markdown', reportInput({ findings: [] }));
    expect(output).toContain('No PHI findings. 12 files scanned.');
    expect(output).not.toContain('|');
  });

  it('escapes table breakers, markup and mentions in messages and paths', () => {
    expect(escapeMarkdown('a|b <img src=x> @team\nnext')).toBe('a\\|b \\<img src=x\\> @\u200bteam next');
    const output = formatReport('markdown', reportInput({ findings: [finding({ path: 'src/a|b`.ts' })] }));
    expect(output).toContain('| ``src/a\\|b`.ts:1`` |');
  });

  it('caps the number of rows and says how many were left out', () => {
    const many = Array.from({ length: 7 }, (_, i) => finding({ line: i + 1 }));
    const output = formatReport('markdown', reportInput({ findings: many, markdownMaxRows: 5 }));
    expect(output.match(/^\| `src\/app\.ts:\d+` \|/gm)).toHaveLength(5);
    expect(output).toContain('_2 more findings not shown;');
  });
});
