import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import type { AnyRule, ReportDescriptor } from '../../../src/core/rule.js';
import { defaultClassifier } from '../../../src/classify/index.js';
import { extractPostgresqlConf } from '../../../src/extract/postgresql-conf.js';
import codeComment from '../../../rules/code-comment.js';
import literal from '../../../rules/literal.js';
import queryLogConfig from '../../../rules/query-log-config.js';
import schemaComment from '../../../rules/schema-comment.js';
import schemaIdentifier from '../../../rules/schema-identifier.js';
import { extract } from './helpers.js';

function run(rule: AnyRule, facts: readonly Fact[], isTest = false): ReportDescriptor[] {
  const reports: ReportDescriptor[] = [];
  rule.check({
    note: () => undefined,
      file: { path: 'db/migration.sql', kind: 'sql', isTest, text: '' },
    facts,
    files: [],
    options: rule.meta.defaultOptions,
    classifier: defaultClassifier(),
    settings: { sanitizers: [], projectFile: undefined },
    report: (d) => reports.push(d),
  });
  return reports;
}

describe('phi/schema-identifier', () => {
  it('reports a person name in a defined table and index once, with the name masked', async () => {
    const facts = await extract(
      'CREATE TABLE visits_backup_teodora_vasquez AS SELECT * FROM visits;\nCREATE INDEX idx_teodora_vasquez ON visits_backup_teodora_vasquez (id);\nDROP TABLE visits_backup_teodora_vasquez;',
    );
    const reports = run(schemaIdentifier, facts);
    expect(reports.map((r) => [r.span.line, r.category, r.evidence])).toEqual([
      [1, 'name', 'visits_backup_t******_v******'],
      [2, 'name', 'idx_t******_v******'],
    ]);
    expect(reports[0]!.data?.['name']).toBe('visits_backup_t******_v******');
    expect(JSON.stringify(reports)).not.toMatch(/teodora|vasquez/i);
  });

  it('reports a reference when the defining statement is in another file', async () => {
    const reports = run(schemaIdentifier, await extract('GRANT SELECT ON visits_backup_teodora_vasquez TO analyst;'));
    expect(reports.map((r) => [r.messageId, r.span.line])).toEqual([['referenced', 1]]);
  });

  it('does not report PHI-bearing field names or partition suffixes', async () => {
    const facts = await extract('CREATE TABLE patients (ssn text, date_of_birth date, first_name text);\nCREATE TABLE visits_2024_01 PARTITION OF visits FOR VALUES FROM (1) TO (2);');
    expect(run(schemaIdentifier, facts)).toEqual([]);
  });
});

describe('phi/schema-comment', () => {
  it('reports MRNs in COMMENT ON, not a generic description', async () => {
    const facts = await extract("COMMENT ON TABLE merge_backup IS 'Rows for MRN 00451234 before the merge';\nCOMMENT ON COLUMN patients.ssn IS 'SSN, encrypted';");
    const reports = run(schemaComment, facts);
    expect(reports.map((r) => [r.span.line, r.category])).toEqual([[1, 'mrn']]);
    expect(reports[0]!.evidence).not.toContain('00451234');
  });
});

describe('phi/code-comment', () => {
  it('reports a name with a date of birth at the line of the value, not author lines or placeholders', async () => {
    const sql = '-- Author: Renata Okonkwo\n-- Ticket INC-9: the kiosk duplicated the chart of\n-- Teodora Vasquez (DOB 1958-02-14).\n/* Example: John Doe, 123-45-6789 */\nSELECT 1;';
    const reports = run(codeComment, await extract(sql));
    expect(reports.map((r) => [r.span.line, r.span.column])).toEqual([[3, 4]]);
  });
});

describe('phi/query-log-config', () => {
  it('reports statement and parameter logging, not DDL logging or pg_dump preambles', async () => {
    const sql = "ALTER DATABASE notes SET log_statement = 'all';\nALTER ROLE migrator SET log_statement = 'ddl';\nALTER SYSTEM SET log_min_duration_statement = 0;";
    const reports = run(queryLogConfig, await extract(sql));
    expect(reports.map((r) => [r.span.line, r.category])).toEqual([
      [1, 'query-logging'],
      [3, 'query-logging'],
    ]);
    const dump = '-- Dumped from database version 16.1\nSET log_statement = \'all\';';
    expect(run(queryLogConfig, await extract(dump))).toEqual([]);
  });

  it('judges postgresql.conf lines and lowers development-only settings to warnings', () => {
    const facts = extractPostgresqlConf('log_min_duration_statement = 2000\npgaudit.log_parameter = on\nlog_statement = mod\n');
    expect(run(queryLogConfig, facts).map((r) => r.span.line)).toEqual([2, 3]);
    const dev: Fact = { kind: 'setting', key: 'orm.query-log', value: 'true', scope: 'orm', developmentOnly: true, span: { line: 4, column: 1, endLine: 4, endColumn: 5 }, source: 'typescript' };
    expect(run(queryLogConfig, [dev]).map((r) => r.severity)).toEqual(['warning']);
  });
});

describe('phi/literal', () => {
  const seed =
    "INSERT INTO clients (first_name, last_name, dob, diagnosis_code) VALUES\n  ('Teodora', 'Vasquez', '1958-02-14', 'F33.1'),\n  ('John', 'Doe', '1970-01-01', 'Z00.0');\nINSERT INTO visit_types (code, label) VALUES ('FU', 'Follow-up');";

  it('reports a realistic row once, skips placeholder rows and lookup data', async () => {
    const reports = run(literal, await extract(seed));
    expect(reports.map((r) => [r.span.line, r.span.column, r.category])).toEqual([[2, 4, 'name']]);
    expect(reports[0]!.evidence).not.toMatch(/Teodora|1958/);
  });

  it('skips test files', async () => {
    expect(run(literal, await extract(seed), true)).toEqual([]);
  });
});
