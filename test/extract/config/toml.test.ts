import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/core/facts.js';
import { extractToml } from '../../../src/extract/config/toml.js';

describe('extractToml', () => {
  const text = ['# local stack', '[auth]', 'jwt_expiry = 3600', '', '[auth.sessions]', 'timebox = "24h" # absolute', 'inactivity_timeout = "15m"'].join('\n');
  const facts = extractToml(text);

  it("reads Supabase's auth session settings as session lifetimes", () => {
    const sessions = factsOf(facts, 'setting').filter((s) => s.key.startsWith('session.'));
    expect(sessions.map((s) => [s.key, s.seconds, s.scope, s.span.line])).toEqual([
      ['session.absolute', 86400, 'supabase', 6],
      ['session.idle', 900, 'supabase', 7],
    ]);
  });

  it('keeps other keys as table.key settings, and comments', () => {
    expect(factsOf(facts, 'setting').find((s) => s.key === 'auth.jwt_expiry')?.value).toBe('3600');
    expect(factsOf(facts, 'code-comment').map((c) => [c.text, c.span.line])).toEqual([
      ['local stack', 1],
      ['absolute', 6],
    ]);
  });
});
