import { describe, expect, it } from 'vitest';
import { formatReport, type SarifLog } from '../../src/report/index.js';
import { pascalCaseName, pathToRelativeUri } from '../../src/report/sarif.js';
import { NOTICES, finding, reportInput } from './fixtures.js';
import { sarifValidator } from './sarif-schema.js';

const validate = sarifValidator();

function sarif(overrides: Parameters<typeof reportInput>[0] = {}): SarifLog {
  const text = formatReport('sarif', reportInput(overrides));
  const log = JSON.parse(text) as SarifLog;
  const valid = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('sarif reporter', () => {
  it('validates against the official SARIF 2.1.0 schema, with notices and suppressed findings too', () => {
    sarif({ notices: NOTICES, includeSuppressed: true, srcRoot: '/home/ci/work/repo' });
  });

  it('the validator rejects a log that breaks the schema', () => {
    const log = sarif();
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
    const badUri = structuredClone(log);
    badUri.runs[0].results[0]!.locations[0]!.physicalLocation!.artifactLocation.uri = 'src/my file.ts';
    expect(validate(badUri)).toBe(false);
  });

  it('emits an empty results array, not a missing one, for a clean run', () => {
    const log = sarif({ findings: [] });
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    // Every rule is still described, so code scanning can close alerts of rules that went quiet.
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(['phi/code-comment', 'phi/log']);
  });

  it('describes the tool and each rule as GitHub code scanning reads them', () => {
    const { driver } = sarif().runs[0].tool;
    expect(driver).toMatchObject({ name: 'phi-scan', semanticVersion: '0.1.0', informationUri: expect.stringMatching(/^https:/) });
    const log = driver.rules.find((r) => r.id === 'phi/log')!;
    expect(log).toMatchObject({
      name: 'Log',
      shortDescription: { text: 'PHI in logs' },
      fullDescription: { text: 'PHI passed to a log, audit, telemetry or error-tracking sink.' },
      helpUri: 'https://github.com/phi-scan/phi-scan/blob/main/rules/log.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(log.help.text).toContain('Log an opaque id instead');
    expect(log.help.markdown).toContain('(https://github.com/phi-scan/phi-scan/blob/main/rules/log.md)');
    expect(log.properties.tags).toEqual(['security', 'hipaa', 'phi', 'logging']);
    expect(log.properties['security-severity']).toBe('8.2');
    const comment = driver.rules.find((r) => r.id === 'phi/code-comment')!;
    expect(comment.properties['security-severity']).toBe('4.0');
    expect(comment.defaultConfiguration.level).toBe('warning');
  });

  it('gives results relative uris under %SRCROOT%, full regions, and rule indexes that point at their rule', () => {
    const run = sarif().runs[0];
    expect(run.results.map((r) => r.locations[0]!.physicalLocation!.artifactLocation.uri)).toEqual([
      'db/migrations/001_init.sql',
      'src/app.ts',
      'src/worker.ts',
    ]);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation!.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    expect(run.results[1]).toMatchObject({
      ruleId: 'phi/log',
      level: 'error',
      message: { text: 'PHI-bearing field patient.ssn is logged.' },
      locations: [{ physicalLocation: { region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 14 } } }],
      properties: { category: 'ssn' },
    });
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('records the scan root as a file uri ending in a slash when given', () => {
    const run = sarif({ srcRoot: '/home/ci/my repo' }).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///home/ci/my%20repo/');
  });

  it('percent-encodes paths into valid relative uri references', () => {
    expect(pathToRelativeUri('db/my migrations/001#init%.sql')).toBe('db/my%20migrations/001%23init%25.sql');
    expect(pathToRelativeUri('c:odd/x.ts')).toBe('c%3Aodd/x.ts');
    expect(pathToRelativeUri('src/données.ts')).toBe('src/donn%C3%A9es.ts');
    const run = sarif({ findings: [finding({ path: 'src/a b/c?.ts' })] }).runs[0];
    expect(run.results[0]!.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('src/a%20b/c%3F.ts');
  });

  it('turns parse errors and notices into tool execution notifications, never results', () => {
    const run = sarif({ notices: NOTICES }).runs[0];
    expect(run.results.some((r) => r.ruleId === 'phi/parse-error')).toBe(false);
    expect(run.tool.driver.rules.some((r) => r.id === 'phi/parse-error')).toBe(false);
    const [parseError, notice] = run.invocations[0].toolExecutionNotifications;
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(parseError).toMatchObject({
      descriptor: { id: 'phi/parse-error' },
      level: 'warning',
      message: { text: expect.stringContaining('Could not parse') },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'db/migrations/002_broken.sql', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } } },
      ],
    });
    expect(run.tool.driver.notifications[parseError!.descriptor.index]!.id).toBe('phi/parse-error');
    expect(notice).toMatchObject({ level: 'note', message: { text: 'Binary file skipped.' } });
    expect(run.tool.driver.notifications[notice!.descriptor.index]!.id).toBe(notice!.descriptor.id);
  });

  it('describes notifications without security tags, so they never read as security rules', () => {
    const { notifications } = sarif().runs[0].tool.driver;
    expect(notifications.map((n) => n.id)).toEqual(['phi/parse-error', 'phi-scan/scan-notice']);
    for (const descriptor of notifications) expect(descriptor).not.toHaveProperty('properties');
    expect(notifications[0]!.helpUri).toBe('https://github.com/phi-scan/phi-scan/blob/main/rules/parse-error.md');
  });

  it('leaves suppressed findings out by default and marks them when asked to include them', () => {
    expect(sarif().runs[0].results.some((r) => r.suppressions)).toBe(false);
    const results = sarif({ includeSuppressed: true }).runs[0].results;
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'test account only' }]);
    const baseline = sarif({ includeSuppressed: true, findings: [finding({ suppression: { kind: 'baseline' } })] });
    expect(baseline.runs[0].results[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted' }]);
  });

  it('derives stable fingerprints from the finding fingerprint: same when lines move, distinct for repeats', () => {
    const before = sarif({ findings: [finding({ line: 10 })] }).runs[0].results[0]!;
    const after = sarif({ findings: [finding({ line: 30, column: 9 })] }).runs[0].results[0]!;
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect(after.fingerprints).toEqual(before.fingerprints);
    expect(before.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(JSON.stringify(before.fingerprints)).not.toContain('patient');

    const twice = sarif({ findings: [finding({ line: 10 }), finding({ line: 20 })] }).runs[0].results;
    expect(twice.map((r) => r.partialFingerprints.primaryLocationLineHash.split(':')[1])).toEqual(['1', '2']);
  });

  it('adds a logical location for findings in a live database', () => {
    const dbFinding = finding({ ruleId: 'phi/schema-identifier', path: 'db/schema.sql' });
    dbFinding.location.logical = 'clinic/public/visit_notes/diagnosis_code';
    const run = sarif({ findings: [dbFinding] }).runs[0];
    expect(run.results[0]!.locations[0]!.logicalLocations).toEqual([
      { name: 'diagnosis_code', fullyQualifiedName: 'clinic.public.visit_notes.diagnosis_code', kind: 'column' },
    ]);
    // A rule missing from the registry still gets a descriptor, so ruleIndex stays valid.
    expect(run.tool.driver.rules[run.results[0]!.ruleIndex]!.id).toBe('phi/schema-identifier');
  });

  it('never includes snippets or context regions', () => {
    const text = formatReport('sarif', reportInput({ notices: NOTICES, includeSuppressed: true }));
    expect(text).not.toMatch(/"snippet"|"contextRegion"/);
  });

  it('names rules in PascalCase', () => {
    expect(pascalCaseName('phi/schema-identifier')).toBe('SchemaIdentifier');
    expect(pascalCaseName('phi/hipaa-project-setting')).toBe('HipaaProjectSetting');
  });
});
