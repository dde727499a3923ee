import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/core/facts.js';
import { LineIndex } from '../../../src/core/text.js';
import { extractSqlText, loadSqlParser } from '../../../src/extract/sql/index.js';
import { at, extract, names, ofKind, spanOf } from './helpers.js';

function describeEvidence(e: Evidence): string {
  return e.kind === 'text' ? `text:${e.text}` : `${e.kind}:${e.path}`;
}

describe('PL/pgSQL: RAISE', () => {
  const sql = [
    'CREATE FUNCTION audit_row() RETURNS trigger',
    'LANGUAGE plpgsql AS $fn$',
    'DECLARE',
    '  r record;',
    'BEGIN',
    "  RAISE NOTICE 'changed % for %', NEW.ssn, r;",
    "  RAISE EXCEPTION 'bad dob %', p_dob",
    "    USING DETAIL = 'last name ' || r.last_name, ERRCODE = 'P0001';",
    "  RAISE LOG 'count only';",
    '  RETURN NEW;',
    'END',
    '$fn$;',
  ].join('\n');

  it('turns RAISE into log/error sink calls with the message and each parameter as evidence', async () => {
    const sinks = ofKind(await extract(sql), 'sink-call');
    expect(sinks.map((s) => [s.sink, s.callee, at(s), s.evidence.map(describeEvidence)])).toEqual([
      ['log', 'RAISE NOTICE', spanOf(sql, 'RAISE NOTICE'), ['text:changed % for %', 'field:NEW.ssn', 'object:r']],
      ['error', 'RAISE EXCEPTION', spanOf(sql, 'RAISE EXCEPTION'), ['text:bad dob %', 'field:p_dob', 'text:last name ', 'field:r.last_name']],
      ['log', 'RAISE LOG', spanOf(sql, 'RAISE LOG'), ['text:count only']],
    ]);
    const notice = sinks[0]!;
    expect(notice.evidence.map((e) => `${e.span.line}:${e.span.column}-${e.span.endColumn}`)).toEqual([
      spanOf(sql, "'changed % for %'").replace(/-\d+:/, '-'),
      spanOf(sql, 'NEW.ssn').replace(/-\d+:/, '-'),
      spanOf(sql, 'r;').replace(/-\d+:/, '-').replace(/-(\d+)$/, (_, n: string) => `-${Number(n) - 1}`),
    ]);
  });

  it('reads RAISE in simple trigger bodies (no PL/pgSQL parse needed) the same way', async () => {
    const simple = "CREATE FUNCTION t() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.at := now();\n  RAISE WARNING 'row %, %', NEW.ssn, upper(NEW.last_name) USING HINT = 'dob ' || NEW.dob;\n  RAISE 'failed for %', NEW;\n  RETURN NEW;\nEND $$;";
    const sinks = ofKind(await extract(simple), 'sink-call');
    expect(sinks.map((s) => [s.sink, s.callee, at(s), s.evidence.map(describeEvidence)])).toEqual([
      ['log', 'RAISE WARNING', spanOf(simple, 'RAISE WARNING'), ['text:row %, %', 'field:NEW.ssn', 'field:NEW.last_name', 'text:dob ', 'field:NEW.dob']],
      ['error', 'RAISE EXCEPTION', spanOf(simple, 'RAISE', 1), ['text:failed for %', 'object:NEW']],
    ]);
    expect(sinks[0]!.evidence[2]!.span).toMatchObject({ line: 4, column: simple.split('\n')[3]!.indexOf('NEW.last_name') + 1 });
  });

  it('still reports the function name and the comments inside the body', async () => {
    const withComment = sql.replace('BEGIN', 'BEGIN -- audit hook');
    const facts = await extract(withComment);
    expect(names(facts, true)).toEqual(['function:audit_row@1:17-1:26']);
    expect(ofKind(facts, 'code-comment').map((c) => [c.text, at(c)])).toEqual([['-- audit hook', spanOf(withComment, '-- audit hook')]]);
  });
});

describe('PL/pgSQL: EXECUTE and embedded statements', () => {
  it('reports object names built from record fields, not value interpolations', async () => {
    const sql = [
      'DO $$',
      'DECLARE c record;',
      'BEGIN',
      '  SELECT * INTO c FROM people WHERE id = 1;',
      "  EXECUTE format('CREATE TABLE %I (a int)', 'copy_' || c.last_name);",
      "  EXECUTE 'create table exports.n_' || lower(c.last_name) || ' as select * from t where id = ' || quote_literal(c.id);",
      "  EXECUTE format('COMMENT ON TABLE t IS %L', 'for ' || c.first_name);",
      "  EXECUTE format('SELECT * FROM t WHERE id = %L', c.id);",
      '  CREATE ROLE reader_quinby NOLOGIN;',
      'END',
      '$$;',
    ].join('\n');
    const facts = await extract(sql);
    const dynamic = ofKind(facts, 'dynamic-identifier');
    expect(dynamic.map((d) => [d.what, d.span.line, d.span.column, d.evidence.map(describeEvidence)])).toEqual([
      ['object-name', 5, 3, ['field:c.last_name']],
      ['object-name', 6, 3, ['field:c.last_name']],
      ['comment', 7, 3, ['field:c.first_name']],
    ]);
    expect(dynamic[0]!.evidence[0]!.span).toMatchObject({ line: 5, column: sql.split('\n')[4]!.indexOf('c.last_name') + 1 });
    expect(names(facts, true)).toEqual([`role:reader_quinby@${spanOf(sql, 'reader_quinby')}`]);
    expect(names(facts, false)).toEqual([`table:people@${spanOf(sql, 'people')}`]);
    expect(ofKind(facts, 'parse-problem')).toEqual([]);
  });

  it('reads statements of a drizzle-style DO block, such as a named foreign key', async () => {
    const sql = 'DO $$ BEGIN\n ALTER TABLE "t" ADD CONSTRAINT "t_quinby_fk" FOREIGN KEY ("a") REFERENCES "public"."u"("id");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;';
    expect(names(await extract(sql), true)).toEqual([`constraint:t_quinby_fk@${spanOf(sql, '"t_quinby_fk"')}`]);
  });

  it('falls back to tokens for a body PL/pgSQL rejects, with one parse problem', async () => {
    const sql = 'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  CREATE TABLE tmp_quinby (a int);\n  IF THEN;\nEND $$;';
    const facts = await extract(sql);
    expect(names(facts, true)).toContain(`table:tmp_quinby@${spanOf(sql, 'tmp_quinby')}`);
    const problems = ofKind(facts, 'parse-problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/PL\/pgSQL body/);
  });
});

describe('extractSqlText: SQL embedded in another language', () => {
  it('maps spans into the host file', async () => {
    await loadSqlParser();
    const host = 'await db.query(`CREATE TABLE ${name} (a int)`);\nawait db.query("COMMENT ON TABLE t IS \'x\'");';
    const start = host.indexOf('CREATE');
    const raw = host.slice(start, host.indexOf('`)'));
    const sql = raw.replace('${name}', '__p0___');
    const facts = extractSqlText(sql, {
      path: 'src/db.ts',
      source: 'typescript',
      lineIndex: new LineIndex(host),
      mapOffset: (o) => start + o,
      placeholderEvidence: (text) => (text.includes('__p0___') ? { kind: 'object', path: 'name', span: { line: 1, column: 30, endLine: 1, endColumn: 37 } } : undefined),
    });
    const dynamic = ofKind(facts, 'dynamic-identifier');
    expect(dynamic.map((d) => [d.what, at(d), d.evidence.map(describeEvidence)])).toEqual([['object-name', spanOf(host, '${name}'), ['object:name']]]);
    expect(names(facts, true)).toEqual([`column:a@${spanOf(host, 'a int').replace(/-1:\d+$/, '-1:' + (host.indexOf('a int') + 2))}`]);
    expect(ofKind(facts, 'schema-name').every((f) => f.source === 'typescript')).toBe(true);
  });
});
