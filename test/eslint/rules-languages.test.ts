/** The metadata rules on the plugin's own languages, under ESLint's RuleTester. */
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import phi from '../../src/eslint/index.js';

// ESLint's RuleTester runs its cases through these hooks.
const anyTester = RuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown };
anyTester.describe = describe;
anyTester.it = it;
anyTester.itOnly = it.only;

const rule = (name: string) => phi.rules[name] as unknown as Rule.RuleModule;
const plugins = { phi: phi as never };

describe('SQL (language phi/sql)', () => {
  const sql = new RuleTester({ plugins, language: 'phi/sql' });

  sql.run('schema-identifier', rule('schema-identifier'), {
    valid: [
      { code: 'CREATE TABLE patients (id bigint PRIMARY KEY, ssn text, date_of_birth date);', filename: 'db/001_init.sql' },
      { code: "-- a comment that says CREATE TABLE visits_export_jonathan_whitaker\nSELECT 1;", filename: 'q.sql' },
    ],
    invalid: [
      {
        code: 'CREATE TABLE visits_export_jonathan_whitaker (id bigint PRIMARY KEY);\n',
        filename: 'db/002_export.sql',
        errors: [{ messageId: 'defined', line: 1, column: 14, endLine: 1, endColumn: 45 }],
      },
    ],
  });

  sql.run('schema-comment', rule('schema-comment'), {
    valid: [{ code: "COMMENT ON COLUMN patients.ssn IS 'Social security number, entered at registration';", filename: 'c.sql' }],
    invalid: [
      {
        code: "CREATE TABLE patients (id bigint, ssn text);\nCOMMENT ON COLUMN patients.ssn IS 'e.g. 521-44-8830 for Jonathan Whitaker';\n",
        filename: 'c.sql',
        errors: [{ messageId: 'value', line: 2, column: 35, endLine: 2, endColumn: 75 }],
      },
    ],
  });

  sql.run('parse-error', rule('parse-error'), {
    valid: [{ code: 'SELECT 1;', filename: 'ok.sql' }],
    invalid: [{ code: 'SELECT 1;\nCREATE TABLE broken (;\n', filename: 'bad.sql', errors: [{ messageId: 'partial', line: 2, column: 1 }] }],
  });
});

describe('Prisma (language phi/prisma)', () => {
  const prisma = new RuleTester({ plugins, language: 'phi/prisma' });

  prisma.run('schema-identifier', rule('schema-identifier'), {
    valid: [{ code: 'model Patient {\n  id String @id\n  dateOfBirth DateTime\n}\n', filename: 'schema.prisma' }],
    invalid: [
      {
        code: 'model Patient {\n  id String @id\n  archivedFromPatient77231 Boolean\n}\n',
        filename: 'schema.prisma',
        errors: [{ messageId: 'defined', line: 3, column: 3, endLine: 3, endColumn: 27 }],
      },
    ],
  });
});

describe('postgresql.conf (language phi/postgresql-conf)', () => {
  const conf = new RuleTester({ plugins, language: 'phi/postgresql-conf' });

  conf.run('query-log-config', rule('query-log-config'), {
    valid: [{ code: "log_statement = 'ddl'\n# log_statement = 'all'\n", filename: 'postgresql.conf' }],
    invalid: [
      {
        code: "shared_buffers = 128MB\nlog_statement = 'all'   # set while debugging\n",
        filename: 'postgresql.conf',
        errors: [{ messageId: 'logs', line: 2, column: 1, endLine: 2, endColumn: 22 }],
      },
    ],
  });
});
