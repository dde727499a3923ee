import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/core/facts.js';
import { extractEnv } from '../../../src/extract/config/env.js';

const text = [
  '# staging database',
  'DATABASE_URL="postgres://app:pw@db.internal:5432/app?options=-c%20idle_session_timeout%3D600000"',
  'export LOG_LEVEL=info # quiet in staging',
  'NEON_AUTH_URL=',
  'not a setting line',
].join('\n');

describe('extractEnv', () => {
  const facts = extractEnv(text);

  it('turns KEY=value lines into settings with the key span', () => {
    const settings = factsOf(facts, 'setting').filter((s) => s.scope === 'env');
    expect(settings.map((s) => [s.key, s.value, s.span.line])).toEqual([
      ['DATABASE_URL', 'postgres://app:pw@db.internal:5432/app?options=-c%20idle_session_timeout%3D600000', 2],
      ['LOG_LEVEL', 'info', 3],
      ['NEON_AUTH_URL', '', 4],
    ]);
    expect(settings[1]!.span.column).toBe(8);
  });

  it('reads PostgreSQL options inside a connection string', () => {
    const option = factsOf(facts, 'setting').find((s) => s.key === 'idle_session_timeout');
    expect(option).toMatchObject({ value: '600000', scope: 'connection options', span: { line: 2 } });
  });

  it('makes URLs and variable names dependency facts', () => {
    const deps = factsOf(facts, 'dependency').map((d) => d.name);
    expect(deps).toContain('env:NEON_AUTH_URL');
    expect(deps).toContain('postgres://app:pw@db.internal:5432/app?options=-c%20idle_session_timeout%3D600000');
  });

  it('keeps # comments, whole-line and trailing', () => {
    expect(factsOf(facts, 'code-comment').map((c) => [c.text, c.span.line, c.span.column])).toEqual([
      ['staging database', 1, 1],
      ['quiet in staging', 3, 23],
    ]);
  });
});
