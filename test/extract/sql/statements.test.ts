import { describe, expect, it } from 'vitest';
import { at, extract, names, ofKind, spanOf } from './helpers.js';

describe('SQL extractor: comments', () => {
  it('merges -- comments on consecutive lines and keeps block comments whole', async () => {
    const sql = '-- first line\n--   second line\n\n/* block\n   comment */ SELECT 1; -- trailing\n';
    const comments = ofKind(await extract(sql), 'code-comment');
    expect(comments.map((c) => [c.text, at(c)])).toEqual([
      ['-- first line\n--   second line', '1:1-2:17'],
      ['/* block\n   comment */', '4:1-5:14'],
      ['-- trailing', spanOf(sql, '-- trailing')],
    ]);
  });

  it('does not take -- inside strings or quoted names for comments', async () => {
    const sql = "SELECT '-- not a comment', \"a--b\" FROM t; /* real */";
    expect(ofKind(await extract(sql), 'code-comment').map((c) => c.text)).toEqual(['/* real */']);
  });
});

describe('SQL extractor: schema comments', () => {
  it('reports COMMENT ON of every kind at the string literal', async () => {
    const sql = [
      "COMMENT ON TABLE visits IS 'Visit rows';",
      "COMMENT ON COLUMN visits.reason IS 'It''s free text';",
      "COMMENT ON VIEW v IS E'line\\none';",
      "COMMENT ON SCHEMA intake IS 'intake forms';",
      "COMMENT ON FUNCTION f(int) IS 'fn';",
    ].join('\n');
    const comments = ofKind(await extract(sql), 'schema-comment');
    expect(comments.map((c) => [c.objectKind, c.target, c.text, at(c)])).toEqual([
      ['table', 'visits', 'Visit rows', spanOf(sql, "'Visit rows'")],
      ['column', 'visits.reason', "It's free text", spanOf(sql, "'It''s free text'")],
      ['view', 'v', 'line\none', spanOf(sql, "E'line\\none'")],
      ['schema', 'intake', 'intake forms', spanOf(sql, "'intake forms'")],
      ['function', 'f', 'fn', spanOf(sql, "'fn'")],
    ]);
  });
});

describe('SQL extractor: settings', () => {
  it('reads SET, SET LOCAL, ALTER SYSTEM/DATABASE/ROLE ... SET and set_config', async () => {
    const sql = [
      "SET log_statement = 'all';",
      'SET LOCAL pgaudit.log_parameter = on;',
      'ALTER SYSTEM SET log_min_duration_statement = 0;',
      "ALTER DATABASE clinic SET log_statement TO 'mod';",
      "ALTER ROLE app SET idle_session_timeout = '15min';",
      "ALTER ROLE app IN DATABASE clinic SET statement_timeout = '30s';",
      "SELECT set_config('log_statement', 'none', false);",
    ].join('\n');
    const settings = ofKind(await extract(sql), 'setting');
    expect(settings.map((s) => [s.key, s.value, s.scope, at(s), s.preamble ?? false])).toEqual([
      ['log_statement', 'all', 'SET', spanOf(sql, "log_statement = 'all'"), false],
      ['pgaudit.log_parameter', 'on', 'SET LOCAL', spanOf(sql, 'pgaudit.log_parameter = on'), false],
      ['log_min_duration_statement', '0', 'ALTER SYSTEM', spanOf(sql, 'log_min_duration_statement = 0'), false],
      ['log_statement', 'mod', 'ALTER DATABASE clinic', spanOf(sql, "log_statement TO 'mod'"), false],
      ['idle_session_timeout', '15min', 'ALTER ROLE app', spanOf(sql, "idle_session_timeout = '15min'"), false],
      ['statement_timeout', '30s', 'ALTER ROLE app IN DATABASE clinic', spanOf(sql, "statement_timeout = '30s'"), false],
      ['log_statement', 'none', 'set_config', spanOf(sql, "set_config('log_statement', 'none', false)"), false],
    ]);
  });

  it('marks the SETs of a pg_dump file as preamble', async () => {
    const sql = [
      '--',
      '-- PostgreSQL database dump',
      '--',
      '',
      '-- Dumped from database version 16.2',
      '-- Dumped by pg_dump version 16.2',
      '',
      'SET statement_timeout = 0;',
      'SET lock_timeout = 0;',
      'SET idle_in_transaction_session_timeout = 0;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      'CREATE TABLE public.t (a int);',
    ].join('\n');
    const settings = ofKind(await extract(sql), 'setting');
    expect(settings.map((s) => [s.key, s.preamble])).toEqual([
      ['statement_timeout', true],
      ['lock_timeout', true],
      ['idle_in_transaction_session_timeout', true],
      ['search_path', true],
    ]);
  });
});

describe('SQL extractor: literals', () => {
  it('reports INSERT values with their column and row group', async () => {
    const sql = "INSERT INTO people (first_name, dob, visits) VALUES\n  ('Orla', '1970-02-03'::date, 4),\n  ('Bram', '1981-12-30', 2);";
    const literals = ofKind(await extract(sql), 'literal');
    expect(literals.map((l) => [l.text, l.field, at(l)])).toEqual([
      ['Orla', 'first_name', spanOf(sql, "'Orla'")],
      ['1970-02-03', 'dob', spanOf(sql, "'1970-02-03'")],
      ['4', 'visits', '2:32-2:33'],
      ['Bram', 'first_name', spanOf(sql, "'Bram'")],
      ['1981-12-30', 'dob', spanOf(sql, "'1981-12-30'")],
      ['2', 'visits', '3:26-3:27'],
    ]);
    expect(new Set(literals.slice(0, 3).map((l) => l.group)).size).toBe(1);
    expect(literals[0]!.group).not.toBe(literals[3]!.group);
  });

  it('reports values compared with a column in UPDATE/DELETE/SELECT', async () => {
    const sql = "UPDATE studies SET owner = 'desk' WHERE legacy_key LIKE 'abc_%' AND mrn IN ('0042', '0043');";
    const literals = ofKind(await extract(sql), 'literal');
    expect(literals.map((l) => [l.text, l.field])).toEqual([
      ['abc_%', 'legacy_key'],
      ['0042', 'mrn'],
      ['0043', 'mrn'],
    ]);
  });

  it('reads COPY ... FROM stdin rows with the COPY column list', async () => {
    const sql = 'COPY public.people (id, full_name, dob) FROM stdin;\n1\tOrla Quinby\t1970-02-03\n2\t\\N\t1981-12-30\n\\.\n\nCREATE TABLE after_copy (a int);\n';
    const facts = await extract(sql);
    const literals = ofKind(facts, 'literal');
    expect(literals.map((l) => [l.text, l.field, at(l)])).toEqual([
      ['1', 'id', '2:1-2:2'],
      ['Orla Quinby', 'full_name', spanOf(sql, 'Orla Quinby')],
      ['1970-02-03', 'dob', spanOf(sql, '1970-02-03')],
      ['2', 'id', '3:1-3:2'],
      ['1981-12-30', 'dob', spanOf(sql, '1981-12-30')],
    ]);
    expect(literals[1]!.group).toBe(literals[2]!.group);
    expect(names(facts, true)).toEqual(['table:after_copy@6:14-6:24', 'column:a@6:26-6:27']);
    expect(ofKind(facts, 'parse-problem')).toEqual([]);
  });
});

describe('SQL extractor: psql scripts and placeholders', () => {
  it('neutralises meta-commands and variables without moving offsets', async () => {
    const sql = [
      '\\set ON_ERROR_STOP on',
      "\\echo 'checking'",
      'SELECT count(*) = :expected AS ok FROM people \\gset',
      '\\if :{?expected}',
      "  CREATE TABLE :\"target_table\" (a int);",
      '\\endif',
      'CREATE TABLE ${flyway_schema}.t_quinby (a int);',
      "SELECT * FROM people WHERE id = ? AND name = :'who';",
    ].join('\n');
    const facts = await extract(sql);
    expect(ofKind(facts, 'parse-problem')).toEqual([]);
    expect(names(facts, true)).toEqual([
      'table:target_table@5:17-5:31',
      'column:a@5:33-5:34',
      'table:t_quinby@7:31-7:39',
      'column:a@7:41-7:42',
    ]);
    expect(names(facts, false)).toEqual(['table:people@3:40-3:46', 'table:people@8:15-8:21']);
  });
});

describe('SQL extractor: statements the parser rejects', () => {
  it('keeps the other statements, scans the bad one by tokens and reports one parse problem', async () => {
    const sql = [
      'CREATE TABLE good_one (a int);',
      'CREATE TABLE bad_quinby (a int,, CONSTRAINT bad_pk PRIMARY KEY (a));',
      "COMMENT ON TABLE bad_quinby IS 'note' garbage;",
      'CREATE INDEX good_idx ON good_one (a);',
    ].join('\n');
    const facts = await extract(sql);
    expect(names(facts, true)).toEqual([
      'table:good_one@1:14-1:22',
      'column:a@1:24-1:25',
      'table:bad_quinby@2:14-2:24',
      'column:a@2:26-2:27',
      'constraint:bad_pk@2:45-2:51',
      'index:good_idx@4:14-4:22',
    ]);
    const problems = ofKind(facts, 'parse-problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.span.line).toBe(2);
    expect(problems[0]!.message).toMatch(/line 2/);
    expect(problems[0]!.message).toMatch(/and 1 more/);
    expect(problems[0]!.stillScanned).toMatch(/object names/);
    expect(ofKind(facts, 'schema-comment').map((c) => [c.text, at(c)])).toEqual([['note', spanOf(sql, "'note'")]]);
  });
});

describe('SQL extractor: neon_auth', () => {
  it('reports references to the neon_auth schema as a dependency', async () => {
    const sql = 'SELECT count(*) FROM neon_auth.users_sync;';
    const deps = ofKind(await extract(sql), 'dependency');
    expect(deps.map((d) => [d.name, d.via, at(d)])).toEqual([['neon_auth.users_sync', 'sql', spanOf(sql, 'neon_auth.users_sync')]]);
  });
});
