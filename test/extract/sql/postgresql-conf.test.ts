import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../src/core/text.js';
import { extractPostgresqlConf, settingsFromCommandLine } from '../../../src/extract/postgresql-conf.js';
import { at, ofKind, spanOf } from './helpers.js';

describe('postgresql.conf extractor', () => {
  const conf = [
    '# overrides for the lab database',
    "log_statement = 'ddl'            # keep DDL only",
    'log_min_duration_statement = 0',
    "pgaudit.log = 'write, ddl'",
    'pgaudit.log_parameter on',
    "log_line_prefix = '%m # %u '",
    "include 'extra.conf'",
  ].join('\n');

  it('turns key = value lines into settings with the value unquoted', () => {
    const settings = ofKind(extractPostgresqlConf(conf), 'setting');
    expect(settings.map((s) => [s.key, s.value, s.scope, at(s)])).toEqual([
      ['log_statement', 'ddl', 'postgresql.conf', spanOf(conf, "log_statement = 'ddl'")],
      ['log_min_duration_statement', '0', 'postgresql.conf', spanOf(conf, 'log_min_duration_statement = 0')],
      ['pgaudit.log', 'write, ddl', 'postgresql.conf', spanOf(conf, "pgaudit.log = 'write, ddl'")],
      ['pgaudit.log_parameter', 'on', 'postgresql.conf', spanOf(conf, 'pgaudit.log_parameter on')],
      ['log_line_prefix', '%m # %u ', 'postgresql.conf', spanOf(conf, "log_line_prefix = '%m # %u '")],
    ]);
  });

  it('turns # comments into code comments, but not a # inside a quoted value', () => {
    const comments = ofKind(extractPostgresqlConf(conf), 'code-comment');
    expect(comments.map((c) => [c.text, at(c)])).toEqual([
      ['# overrides for the lab database', '1:1-1:33'],
      ['# keep DDL only', spanOf(conf, '# keep DDL only')],
    ]);
  });

  it('reads -c settings from a server command line', () => {
    const yaml = 'services:\n  db:\n    command: ["postgres", "-c", "log_statement=all", "-c", "log_min_duration_statement=0"]\n';
    const start = yaml.indexOf('[');
    const facts = settingsFromCommandLine(yaml.slice(start), start, new LineIndex(yaml));
    expect(facts.map((f) => [f.key, f.value, at(f)])).toEqual([
      ['log_statement', 'all', spanOf(yaml, 'log_statement=all')],
      ['log_min_duration_statement', '0', spanOf(yaml, 'log_min_duration_statement=0')],
    ]);
    const shell = settingsFromCommandLine('postgres -c log_statement=mod --log_connections=on', 0, new LineIndex('postgres -c log_statement=mod --log_connections=on'));
    expect(shell.map((f) => [f.key, f.value])).toEqual([
      ['log_statement', 'mod'],
      ['log_connections', 'on'],
    ]);
  });
});
