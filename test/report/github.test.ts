import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { NOTICES, finding, reportInput } from './fixtures.js';

describe('github reporter', () => {
  it('escapes data and properties as the runner parses them', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    // `%` first: an already escaped-looking sequence must not decode back to a delimiter.
    expect(escapeProperty('%3A')).toBe('%253A');
  });

  it('writes one annotation per unsuppressed finding, errors as ::error and warnings as ::warning', () => {
    const lines = formatReport('github', reportInput()).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '::warning file=db/migrations/001_init.sql,line=3,col=4,endLine=3,endColumn=15,title=phi/code-comment::' +
        'Comment contains a name value (M**** G*****).%0ARemove the value from the comment.%0A' +
        'https://github.com/phi-scan/phi-scan/blob/main/rules/code-comment.md',
    );
    expect(lines[1]).toMatch(/^::notice file=db\/migrations\/002_broken\.sql,line=7,.*title=phi\/parse-error::Could not parse/);
    expect(lines[2]).toMatch(/^::error file=src\/app\.ts,line=12,col=3,endLine=12,endColumn=14,title=phi\/log::/);
    expect(lines.join('\n')).not.toContain('patient.name');
  });

  it('escapes paths and messages that contain delimiters and newlines', () => {
    const tricky = finding({
      path: 'src/a,b:c%.ts',
      message: 'Field x, y: 50% logged\n::error::injected',
    });
    const [line] = formatReport('github', reportInput({ findings: [tricky] })).split('\n');
    expect(line).toMatch(/^::error file=src\/a%2Cb%3Ac%25\.ts,line=1,/);
    expect(line).toContain('::Field x, y: 50%25 logged%0A::error::injected%0A');
    expect(line!.split('\n')).toHaveLength(1);
  });

  it('drops columns from multi-line annotations, which GitHub would reject', () => {
    const multi = finding({});
    multi.location.endLine = 4;
    const [line] = formatReport('github', reportInput({ findings: [multi] })).split('\n');
    expect(line).toMatch(/^::error file=src\/app\.ts,line=1,endLine=4,title=phi\/log::/);
  });

  it('prints scan notices and nothing at all when clean', () => {
    expect(formatReport('github', reportInput({ findings: [] }))).toBe('');
    expect(formatReport('github', reportInput({ findings: [], notices: NOTICES }))).toBe(
      '::notice file=assets/scan.bin,title=phi-scan::Binary file skipped.\n',
    );
  });
});
