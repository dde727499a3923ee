import { describe, expect, it } from 'vitest';
import { factsOf } from '../../../src/core/facts.js';
import { extractJson } from '../../../src/extract/config/json.js';
import { member, parseJson } from '../../../src/extract/config/json-scan.js';
import { extractPackageJson } from '../../../src/extract/config/package-json.js';

describe('parseJson', () => {
  it('keeps offsets of keys and values, and reads JSONC comments and trailing commas', () => {
    const text = '{\n  // a note\n  "a": { "b": [1, "two",], },\n}';
    const parsed = parseJson(text);
    expect(parsed.error).toBeUndefined();
    const b = member(parsed.root, 'a', 'b');
    expect(b?.type === 'array' && b.items.map((i) => text.slice(i.start, i.end))).toEqual(['1', '"two"']);
    expect(parsed.comments.map((c) => c.text)).toEqual([' a note']);
  });

  it('stops at a syntax error and says where', () => {
    expect(parseJson('{"a": 1 "b": 2}').error).toEqual({ at: 8, message: 'expected "," or "}"' });
    expect(parseJson('{"a": "\\u00e9"}').root).toMatchObject({ entries: [{ value: { value: 'é' } }] });
  });
});

describe('extractJson', () => {
  it('judges each Terraform neon_project on the HIPAA setting', () => {
    const text = JSON.stringify(
      { resource: { neon_project: { a: { name: 'a', hipaa: true }, b: { name: 'b', settings: { HIPAA: true } }, c: { name: 'c', hipaa: false }, d: { name: 'd' } } } },
      null,
      2,
    );
    const requests = factsOf(extractJson(text), 'project-request');
    expect(requests.map((r) => [r.hipaa, r.via, text.split('\n')[r.span.line - 1]!.trim()])).toEqual([
      ['true', 'terraform', '"hipaa": true'],
      ['misspelled', 'terraform', '"HIPAA": true'],
      ['false', 'terraform', '"hipaa": false'],
      ['missing', 'terraform', '"d": {'],
    ]);
  });

  it('reads Keycloak realm session timeouts in seconds', () => {
    const text = '{\n  "realm": "staff",\n  "ssoSessionIdleTimeout": 900,\n  "ssoSessionMaxLifespan": 28800\n}';
    expect(factsOf(extractJson(text), 'setting').map((s) => [s.key, s.seconds, s.span.line])).toEqual([
      ['session.idle', 900, 3],
      ['session.absolute', 28800, 4],
    ]);
  });

  it('ignores the same keys outside a realm export', () => {
    expect(factsOf(extractJson('{"ssoSessionIdleTimeout": 99999}'), 'setting')).toEqual([]);
  });

  it('reports invalid JSON', () => {
    expect(factsOf(extractJson('{"a": }'), 'parse-problem')).toHaveLength(1);
  });
});

describe('extractPackageJson', () => {
  it('makes each dependency a fact at its name', () => {
    const text = '{\n  "dependencies": {\n    "@neondatabase/auth": "^0.1.0"\n  },\n  "devDependencies": { "tsx": "^4" }\n}';
    expect(factsOf(extractPackageJson(text), 'dependency').map((d) => [d.name, d.span.line, d.span.column, d.span.endColumn])).toEqual([
      ['@neondatabase/auth', 3, 6, 24],
      ['tsx', 5, 25, 28],
    ]);
  });
});
