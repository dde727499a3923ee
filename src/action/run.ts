/** The Action: inputs -> scan() -> SARIF file, annotations, job summary, outputs, exit status. */
import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ChangedLines } from '../core/changed-lines.js';
import { scan } from '../core/engine.js';
import { formatReport } from '../report/index.js';
import { DOCS_BASE_URL, HOME_URL, TOOL_VERSION } from '../version.js';
import { planAnnotations } from './annotations.js';
import { localChangedLines, resolveChangeScope } from './change-scope.js';
import { readRunContext } from './event.js';
import { readInputs, type FailOn } from './inputs.js';
import { STEP_SUMMARY_LIMIT, buildSummary } from './summary.js';

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    process.exitCode = await run(env);
  } catch (error) {
    // Usage and configuration errors: one line, no stack (it could quote nothing useful anyway).
    core.setFailed(`phi-scan: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

async function run(env: NodeJS.ProcessEnv): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  process.chdir(workspace);
  const context = readRunContext(env);
  const inputs = readInputs(context.eventName);
  const notes: string[] = [];
  const log = (message: string) => {
    core.info(message);
    notes.push(message);
  };
  if (context.fromFork) {
    core.info('Pull request from a fork: its token is read-only, so code scanning cannot take the SARIF; annotations and the job summary carry the results.');
  }

  const scope = inputs.onlyChanged ? await resolveChangeScope(context, workspace, inputs.token, log) : undefined;
  const priority: ChangedLines | undefined = scope?.changed ?? (context.pullNumber ? localChangedLines(context, workspace) : undefined);
  core.info(`phi-scan ${TOOL_VERSION}: scanning ${inputs.paths.join(' ')}${scope ? ` (${scope.description})` : ''}`);

  const result = await scan({
    cwd: workspace,
    paths: inputs.paths,
    configPath: inputs.config && resolve(workspace, inputs.config),
    baseline: inputs.baseline && resolve(workspace, inputs.baseline),
    changedLines: scope?.changed,
  });
  const active = result.findings.filter((f) => !f.suppression);
  const errors = active.filter((f) => f.severity === 'error').length;
  const warnings = active.length - errors;
  const baselined = result.findings.filter((f) => f.suppression?.kind === 'baseline').length;
  const suppressed = result.findings.length - active.length - baselined;
  const reportInput = {
    findings: result.findings,
    rules: result.rules,
    stats: result.stats,
    toolVersion: TOOL_VERSION,
    docsBaseUrl: DOCS_BASE_URL,
    informationUri: HOME_URL,
    srcRoot: workspace,
    notices: result.notices,
  };

  const sarifPath = resolve(workspace, inputs.sarifFile);
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, formatReport('sarif', reportInput));

  if (inputs.annotations) {
    const plan = planAnnotations(active, result.notices, priority);
    process.stdout.write(formatReport('github', { ...reportInput, findings: plan.findings, notices: plan.notices }));
    if (plan.omitted) {
      core.notice(`phi-scan: ${plan.omitted} more ${plan.omitted === 1 ? 'finding is' : 'findings are'} not annotated (GitHub shows 10 per level); the job summary lists them all.`);
    }
  }

  if (inputs.summary && env.GITHUB_STEP_SUMMARY) {
    const summaryFile = env.GITHUB_STEP_SUMMARY;
    const already = existsSync(summaryFile) ? statSync(summaryFile).size : 0;
    const markdown = buildSummary({
      findings: active,
      baselined,
      suppressed,
      notices: result.notices,
      scope: scope?.description,
      notes,
      docsBaseUrl: DOCS_BASE_URL,
      blobUrl: context.repository && context.headSha ? `${context.serverUrl}/${context.repository}/blob/${context.headSha}/` : undefined,
      pathPrefix: repositoryPrefix(workspace),
      sarifFile: inputs.sarifFile,
      toolVersion: TOOL_VERSION,
      maxBytes: STEP_SUMMARY_LIMIT - already - 1024,
    });
    appendFileSync(summaryFile, `${markdown}\n`);
  }

  core.setOutput('findings', active.length);
  core.setOutput('errors', errors);
  core.setOutput('warnings', warnings);
  core.setOutput('sarif-file', sarifPath);

  const hidden = baselined ? ` (${baselined} hidden by the baseline)` : '';
  core.info(`phi-scan: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${hidden}.`);
  const failing = failsOn(inputs.failOn, errors, warnings);
  // Not core.setFailed: its own ::error would take one of the 10 error annotations.
  if (failing) core.info(`phi-scan: failing the step (fail-on: ${inputs.failOn}).`);
  return failing ? 1 : 0;
}

export function failsOn(failOn: FailOn, errors: number, warnings: number): boolean {
  if (failOn === 'error') return errors > 0;
  if (failOn === 'warning') return errors + warnings > 0;
  return false;
}

/** Path from the repository root to the workspace, for links; '' when they are the same. */
function repositoryPrefix(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-prefix'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}
