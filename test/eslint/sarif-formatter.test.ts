/** The ESLint SARIF formatter: valid SARIF 2.1.0, the same results as the CLI's SARIF for the same files. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import phi from '../../src/eslint/index.js';
import formatSarif, { toSarifLog } from '../../src/eslint/sarif-formatter.js';
import { buildSarif } from '../../src/report/sarif.js';
import { sarifValidator } from '../report/sarif-schema.js';
import { repoRoot } from './lint.js';

const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: phi.configs.recommended });

type Log = ReturnType<typeof buildSarif>;
const summary = (log: Log) =>
  log.runs[0].results.map((r) => {
    const region = r.locations[0]?.physicalLocation?.region;
    return `${r.locations[0]?.physicalLocation?.artifactLocation.uri}:${region?.startLine}:${region?.startColumn} ${r.ruleId} ${r.level} ${r.message.text}`;
  });

describe('SARIF formatter', () => {
  it('writes valid SARIF with the results the CLI writes for the demo project', async () => {
    const results = await eslint.lintFiles(['fixtures/demo']);
    const text = formatSarif(results, { cwd: repoRoot });
    const log = JSON.parse(text) as Log;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    const cli = await scan({ paths: ['fixtures/demo'], cwd: repoRoot, concurrency: 1 });
    const fileRules = new Set(cli.rules.filter((r) => r.scope === 'file').map((r) => r.id));
    const cliLog = buildSarif({
      findings: cli.findings.filter((f) => fileRules.has(f.ruleId)),
      rules: cli.rules,
      stats: cli.stats,
      toolVersion: '0.0.0',
      docsBaseUrl: 'https://github.com/phi-scan/phi-scan/blob/main/rules',
    });
    expect(summary(log).sort()).toEqual(summary(cliLog).sort());
    expect(log.runs[0].results.length).toBeGreaterThanOrEqual(8);
  });

  it('leaves out other rules and suppressed findings (as the CLI does), and turns parse failures into notifications', async () => {
    const [sql] = await eslint.lintText(
      '-- eslint-disable-next-line phi/schema-identifier -- legacy export\nCREATE TABLE visits_export_jonathan_whitaker (id int);\nCREATE TABLE claims_for_jonathan_whitaker (id int);\n',
      { filePath: 'db/x.sql' },
    );
    const foreign: ESLint.LintResult = {
      ...sql!,
      filePath: `${repoRoot}/src/y.js`,
      messages: [
        { ruleId: 'no-unused-vars', message: "'a' is defined but never used.", line: 1, column: 7, severity: 2 },
        { ruleId: null, fatal: true, message: 'Parsing error: Unexpected token', line: 3, column: 1, severity: 2 },
      ],
      suppressedMessages: [],
    };
    const log = toSarifLog([sql!, foreign], repoRoot);
    const results = log.runs[0].results;
    expect(sql!.suppressedMessages).toHaveLength(1);
    expect(results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation?.region?.startLine])).toEqual([['phi/schema-identifier', 3]]);
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications.map((n) => n.message.text)).toEqual(['ESLint could not parse the file: Parsing error: Unexpected token']);
    expect(JSON.stringify(log)).not.toContain('whitaker');
  });
});
