import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/core/facts.js';
import { extractShell } from '../../../src/extract/config/shell.js';

describe('extractShell', () => {
  it('reads comments but not the shebang or # inside quotes', async () => {
    const facts = await extractShell('a.sh', '#!/usr/bin/env bash\n# nightly copy\necho "room #4" # done\n');
    expect(factsOf(facts, 'code-comment').map((c) => [c.text, c.span.line, c.span.column])).toEqual([
      ['nightly copy', 2, 1],
      ['done', 3, 16],
    ]);
  });

  it('finds a project created with curl and points at a misspelled key', async () => {
    const text = [
      'OUT=$(curl -fsS -X POST "https://console.neon.tech/api/v2/projects" \\',
      '  -H "Authorization: Bearer ${NEON_API_KEY}" \\',
      `  -d '{"project": {"name": "x", "settings": {"hippa": true}}}')`,
    ].join('\n');
    const [request] = factsOf(await extractShell('a.sh', text), 'project-request');
    expect(request).toMatchObject({ action: 'create', hipaa: 'misspelled', via: 'curl', span: { line: 3, column: 47, endColumn: 52 } });
  });

  it('reads the HIPAA setting in double-quoted JSON and PATCH updates', async () => {
    const on = await extractShell('a.sh', `curl -X POST https://console.neon.tech/api/v2/projects -d "{\\"project\\": {\\"settings\\": {\\"hipaa\\": true}}}"`);
    expect(factsOf(on, 'project-request')[0]?.hipaa).toBe('true');
    const update = await extractShell('a.sh', `curl -X PATCH "https://console.neon.tech/api/v2/projects/$ID" -d '{"project": {"name": "n"}}'`);
    expect(factsOf(update, 'project-request')[0]).toMatchObject({ action: 'update', hipaa: 'missing' });
    const list = await extractShell('a.sh', 'curl https://console.neon.tech/api/v2/projects');
    expect(factsOf(list, 'project-request')).toEqual([]);
  });

  it('reads the Neon CLI: project creation, database and role names', async () => {
    const text = [
      'neonctl projects create --name clinic --hipaa',
      'npx neonctl projects create --name other',
      'neonctl databases create --project-id "$P" --name "intake_archive"',
      'neonctl connection-string --database-name intake_archive',
    ].join('\n');
    const facts = await extractShell('a.sh', text);
    expect(factsOf(facts, 'project-request').map((r) => [r.hipaa, r.span.line])).toEqual([
      ['true', 1],
      ['missing', 2],
    ]);
    expect(factsOf(facts, 'schema-name').map((n) => [n.name, n.defines, n.span.line, n.span.column])).toEqual([
      ['intake_archive', true, 3, 52],
      ['intake_archive', false, 4, 43],
    ]);
  });

  it('passes psql -c and heredoc SQL to the SQL extractor with file positions', async () => {
    const text = ['psql "$URL" -c "CREATE DATABASE reports_copy"', 'psql "$URL" <<SQL', 'ALTER ROLE app SET idle_session_timeout = \'10min\';', 'SQL', 'echo done'].join('\n');
    const facts = await extractShell('a.sh', text);
    expect(factsOf(facts, 'schema-name').find((n) => n.name === 'reports_copy')?.span.line).toBe(1);
    expect(factsOf(facts, 'setting').find((s) => s.key === 'idle_session_timeout')).toMatchObject({ value: '10min', span: { line: 3 } });
  });

  it('reads postgres -c options and PGOPTIONS', async () => {
    const facts = await extractShell('a.sh', "postgres -c log_statement=all -c idle_session_timeout=0\nPGOPTIONS='-c statement_timeout=5s' psql -f x.sql");
    expect(factsOf(facts, 'setting').map((s) => [s.key, s.value, s.span.line])).toEqual([
      ['log_statement', 'all', 1],
      ['idle_session_timeout', '0', 1],
      ['statement_timeout', '5s', 2],
    ]);
  });

  it('records endpoints called with curl', async () => {
    const facts = await extractShell('a.sh', 'curl -X POST "https://console.neon.tech/api/v2/projects/$P/branches/$B/data-api/app"');
    expect(factsOf(facts, 'dependency')).toMatchObject([{ via: 'api-call', name: 'https://console.neon.tech/api/v2/projects/$P/branches/$B/data-api/app', span: { line: 1, column: 14 } }]);
  });
});
