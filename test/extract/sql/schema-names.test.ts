import { describe, expect, it } from 'vitest';
import { at, extract, names, ofKind } from './helpers.js';

describe('SQL extractor: object names', () => {
  it('reports tables, columns and named constraints of CREATE TABLE at the name tokens', async () => {
    const sql = [
      'CREATE TABLE clinic.visits (',
      '  id bigint CONSTRAINT visits_pk PRIMARY KEY,',
      '  "Reason Text" text,',
      '  CONSTRAINT visits_reason_chk CHECK (length("Reason Text") < 500)',
      ');',
    ].join('\n');
    expect(names(await extract(sql), true)).toEqual([
      'table:visits@1:21-1:27',
      'column:id@2:3-2:5',
      'constraint:visits_pk@2:24-2:33',
      'column:Reason Text@3:3-3:16',
      'constraint:visits_reason_chk@4:14-4:31',
    ]);
  });

  it('covers partitions, CREATE TABLE AS, SELECT INTO, indexes, sequences and schemas', async () => {
    const sql = [
      'CREATE SCHEMA intake;',
      'CREATE TABLE visits_2031_01 PARTITION OF visits FOR VALUES FROM (1) TO (2);',
      'CREATE TABLE backup_quinby AS SELECT * FROM visits;',
      'SELECT * INTO copy_quinby FROM visits;',
      'CREATE UNIQUE INDEX IF NOT EXISTS "visits_Quinby_idx" ON visits (id);',
      'CREATE SEQUENCE intake.ticket_seq;',
      'CREATE MATERIALIZED VIEW mv_quinby AS SELECT 1 AS one;',
    ].join('\n');
    const defined = names(await extract(sql), true);
    expect(defined).toEqual([
      'schema:intake@1:15-1:21',
      'table:visits_2031_01@2:14-2:28',
      'table:backup_quinby@3:14-3:27',
      'table:copy_quinby@4:15-4:26',
      'index:visits_Quinby_idx@5:35-5:54',
      'sequence:ticket_seq@6:24-6:34',
      'materialized-view:mv_quinby@7:26-7:35',
      'column:one@7:51-7:54',
    ]);
    const refs = names(await extract(sql), false);
    expect(refs).toContain('table:visits@2:42-2:48');
    expect(refs).toContain('table:visits@5:58-5:64');
  });

  it('reports view column aliases, quoted names included', async () => {
    const sql = 'CREATE VIEW v_scores AS\nSELECT s.total AS "Orla Pennywhistle", s.total total2, s.at\nFROM scores s;';
    expect(names(await extract(sql), true)).toEqual([
      'view:v_scores@1:13-1:21',
      'column:Orla Pennywhistle@2:19-2:38',
      'column:total2@2:48-2:54',
    ]);
  });

  it('reports ALTER TABLE additions and renames as definitions, the altered table as a reference', async () => {
    const sql = [
      'ALTER TABLE visits ADD COLUMN notes_quinby text, ADD CONSTRAINT visits_fk FOREIGN KEY (pid) REFERENCES people (id);',
      'ALTER TABLE visits RENAME COLUMN notes_quinby TO notes;',
      'ALTER TABLE visits RENAME TO encounters;',
      'ALTER INDEX visits_idx RENAME TO encounters_idx;',
      'ALTER DATABASE clinic RENAME TO clinic2;',
    ].join('\n');
    const facts = await extract(sql);
    expect(names(facts, true)).toEqual([
      'column:notes_quinby@1:31-1:43',
      'constraint:visits_fk@1:65-1:74',
      'column:notes@2:50-2:55',
      'table:encounters@3:30-3:40',
      'index:encounters_idx@4:34-4:48',
      'database:clinic2@5:33-5:40',
    ]);
    expect(names(facts, false)).toEqual(
      expect.arrayContaining(['table:visits@1:13-1:19', 'table:people@1:104-1:110', 'column:notes_quinby@2:34-2:46', 'database:clinic@5:16-5:22']),
    );
  });

  it('reports types, enum labels, domains, functions, triggers, policies, roles and databases', async () => {
    const sql = [
      "CREATE TYPE mood AS ENUM ('calm', 'Quinby');",
      "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'tense';",
      'CREATE DOMAIN us_zip AS text;',
      'CREATE FUNCTION fix_row_77() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      'CREATE TRIGGER trg_touch BEFORE UPDATE ON visits FOR EACH ROW EXECUTE FUNCTION touch();',
      'CREATE POLICY "release to Quinby" ON visits FOR SELECT TO auditor USING (true);',
      'CREATE ROLE auditor NOLOGIN;',
      'CREATE USER reporting;',
      'CREATE DATABASE archive_db;',
      'GRANT SELECT ON visits TO analyst_role;',
    ].join('\n');
    const facts = await extract(sql);
    expect(names(facts, true)).toEqual([
      'type:mood@1:13-1:17',
      'enum-label:calm@1:27-1:33',
      'enum-label:Quinby@1:35-1:43',
      'enum-label:tense@2:41-2:48',
      'type:us_zip@3:15-3:21',
      'function:fix_row_77@4:17-4:27',
      'trigger:trg_touch@5:16-5:25',
      'policy:release to Quinby@6:15-6:34',
      'role:auditor@7:13-7:20',
      'role:reporting@8:13-8:22',
      'database:archive_db@9:17-9:27',
    ]);
    expect(names(facts, false)).toEqual(expect.arrayContaining(['role:auditor@6:59-6:66', 'role:analyst_role@10:27-10:39', 'table:visits@10:17-10:23']));
  });

  it('reports DROP and COMMENT ON targets as references', async () => {
    const sql = 'DROP TABLE IF EXISTS a.t1, t2;\nDROP FUNCTION fn_quinby();\nCOMMENT ON COLUMN a.t1.c1 IS \'x\';';
    expect(names(await extract(sql), false)).toEqual([
      'table:t1@1:24-1:26',
      'table:t2@1:28-1:30',
      'function:fn_quinby@2:15-2:24',
      'table:t1@3:21-3:23',
      'column:c1@3:24-3:26',
    ]);
  });

  it('computes columns in UTF-16 units when multi-byte characters come before a name', async () => {
    const sql = "-- Zürich clinic 🏥\nCREATE TABLE \"café_ñ\" (größe int); COMMENT ON TABLE \"café_ñ\" IS 'Café ☕ data';\nCREATE INDEX idx_x ON \"café_ñ\" (größe);";
    const facts = await extract(sql);
    expect(names(facts, true)).toEqual(['table:café_ñ@2:14-2:22', 'column:größe@2:24-2:29', 'index:idx_x@3:14-3:19']);
    const comment = ofKind(facts, 'schema-comment')[0]!;
    expect(at(comment)).toBe('2:65-2:78');
    expect(comment.text).toBe('Café ☕ data');
  });

  it('keeps spans right with CRLF line endings', async () => {
    const sql = 'CREATE TABLE t (\r\n  a int,\r\n  b_quinby text\r\n);\r\nCREATE INDEX i ON t (a);\r\n';
    expect(names(await extract(sql), true)).toEqual(['table:t@1:14-1:15', 'column:a@2:3-2:4', 'column:b_quinby@3:3-3:11', 'index:i@5:14-5:15']);
  });

  it('reports the full name of an identifier longer than 63 bytes', async () => {
    const long = 'fk_' + 'x'.repeat(70);
    const facts = await extract(`ALTER TABLE t ADD CONSTRAINT ${long} FOREIGN KEY (a) REFERENCES u (id);`);
    expect(ofKind(facts, 'schema-name').find((f) => f.objectKind === 'constraint')?.name).toBe(long);
  });
});
