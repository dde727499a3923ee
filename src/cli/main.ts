/** The `phi-scan` command line: thin wiring of yargs to the engine and the reporters. */
import yargs, { type Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import { TOOL_VERSION } from '../version.js';
import { DB_COMMAND, DB_DESCRIPTION, dbCommand, dbOptions, type DbArgs } from './db.js';
import { explainCommand } from './explain.js';
import { MERGE_COMMAND, MERGE_DESCRIPTION, mergeCommand, mergeOptions, type MergeArgs } from './merge.js';
import { inventoryCommand, inventoryOptions, type InventoryArgs } from './inventory.js';
import { rulesCommand } from './rules.js';
import { scanCommand, type ScanArgs } from './scan.js';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.clean;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const parser = yargs(argv)
    .scriptName('phi-scan')
    .usage(
      'Finds PHI in database metadata, comments, logs, errors, tickets and third-party metadata.\n\n' +
        'Usage: phi-scan [paths..] [options]',
    )
    .command(
      ['$0 [paths..]', 'scan [paths..]'],
      'Scan files and folders (default: the current folder)',
      (y: Argv) => scanOptions(y),
      async (args) => setExit(await scanCommand(args as unknown as ScanArgs)),
    )
    .command(
      'inventory [paths..]',
      'List where PHI lives: tables and columns whose names are PHI-bearing (SQL and ORM schemas)',
      (y: Argv) => inventoryOptions(y),
      async (args) => setExit(await inventoryCommand(args as unknown as InventoryArgs)),
    )
    .command(
      'rules',
      'List every rule with its default severity and description',
      (y: Argv) => y.option('json', { type: 'boolean', description: 'Print the rules as JSON' }),
      (args) => setExit(rulesCommand(Boolean(args.json))),
    )
    .command(
      'explain <inputs..>',
      'Show how the classifier sees names or text: tokens, categories, strength, values found and why',
      (y: Argv) =>
        y
          .positional('inputs', { type: 'string', array: true, description: 'Identifiers or quoted text' })
          .option('json', { type: 'boolean', description: 'Print JSON' }),
      (args) => setExit(explainCommand((args.inputs as string[]) ?? [], Boolean(args.json))),
    )
    .command(DB_COMMAND, DB_DESCRIPTION, (y: Argv) => dbOptions(y), async (args) => setExit(await dbCommand(args as unknown as DbArgs)))
    .command(MERGE_COMMAND, MERGE_DESCRIPTION, (y: Argv) => mergeOptions(y), async (args) => setExit(await mergeCommand(args as unknown as MergeArgs)))
    .epilog(
      'Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on (or more warnings ' +
        'than --max-warnings); 2 usage, configuration or internal error.\n' +
        'Rules and docs: phi-scan rules, and rules/<name>.md in the package.',
    )
    .version(TOOL_VERSION)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .strict()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'YError')) {
      process.stderr.write(`phi-scan: ${error.message}\nRun \`phi-scan --help\` for usage.\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`phi-scan: internal error: ${message.split('\n')[0]}\n`);
    if (process.env.PHI_SCAN_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    else process.stderr.write('Set PHI_SCAN_DEBUG=1 for details, and please report it.\n');
    return EXIT.usage;
  }
  return exitCode;
}

function scanOptions(y: Argv) {
  return y
    .positional('paths', { type: 'string', array: true, description: 'Files, folders or globs to scan', default: ['.'] })
    .option('format', {
      alias: 'f',
      choices: ['stylish', 'json', 'sarif', 'github', 'markdown'] as const,
      description: 'Output format',
      default: 'stylish',
    })
    .option('output', { alias: 'o', type: 'string', description: 'Write the report to this file instead of stdout' })
    .option('config', { alias: 'c', type: 'string', description: 'Config file (JSON); default: phi-scan.config.json, .phi-scanrc.json or "phiScan" in package.json' })
    .option('fail-on', {
      choices: ['error', 'warning', 'never'] as const,
      default: 'error',
      description: 'Lowest severity that makes the exit code 1',
    })
    .option('max-warnings', { type: 'number', description: 'Exit 1 when there are more warnings than this' })
    .option('quiet', { type: 'boolean', description: 'Report errors only' })
    .option('rule', {
      type: 'string',
      array: true,
      description: 'Override a rule severity: --rule phi/code-comment:off (repeatable)',
    })
    .option('color', { type: 'boolean', description: 'Colour stylish output (default: when stdout is a terminal; --no-color to turn off)' })
    .option('max-file-size-kb', { type: 'number', description: 'Files larger than this are reported, not read (default 1024)' })
    .option('changed-since', { type: 'string', description: 'Report only findings on lines changed since this git ref (needs the history: fetch-depth: 0 in CI)' })
    .option('baseline', { type: 'string', description: 'Baseline file: findings it lists are not reported' })
    .option('write-baseline', { type: 'string', description: 'Record every current finding in this baseline file and exit 0' })
    .option('project', { alias: 'p', type: 'string', description: 'tsconfig.json for type-aware analysis: a logged value whose type has PHI fields is PHI, whatever it is called' })
    .option('concurrency', { type: 'number', description: 'Threads analysing files: the main thread plus n-1 workers (default: cores - 1; 1 = in-process)' })
    .option('cache', { type: 'boolean', description: 'Reuse results of unchanged files from the previous run' })
    .option('cache-location', { type: 'string', description: 'Cache folder or file (default .phi-scan-cache/)' })
    .option('shard', { type: 'string', description: 'Scan only shard i of n (e.g. 2/4); join shard reports with `phi-scan merge`' })
    .option('include-suppressed', { type: 'boolean', description: 'json and sarif: also list suppressed findings, marked as such' });
}
