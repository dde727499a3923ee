/** `phi-scan db [connection-string]`: scan a live PostgreSQL catalog (names, comments, settings; never rows). */
import type { Argv } from 'yargs';
import { UsageError } from '../core/errors.js';
import { DEFAULT_CONNECT_TIMEOUT_SECONDS, DEFAULT_STATEMENT_TIMEOUT_SECONDS } from '../db/defaults.js';
import { DbError } from '../db/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../report/index.js';
import { exitCodeFor } from './scan.js';
import { writeScanReport } from './output.js';

export interface DbArgs {
  connectionString?: string;
  schema?: string[];
  excludeSchema?: string[];
  format: OutputFormat;
  output?: string;
  config?: string;
  failOn: 'error' | 'warning' | 'never';
  quiet?: boolean;
  color?: boolean;
  connectTimeout?: number;
  statementTimeout?: number;
}

export const DB_COMMAND = 'db [connection-string]';
export const DB_DESCRIPTION = 'Scan a live PostgreSQL catalog: object names, comments, roles and settings (never rows)';

export function dbOptions(y: Argv) {
  return y
    .positional('connection-string', {
      type: 'string',
      description: 'postgres://user:password@host:port/db?sslmode=require (default: $DATABASE_URL)',
    })
    .option('schema', { type: 'string', array: true, description: 'Read only this schema (glob; repeatable)' })
    .option('exclude-schema', { type: 'string', array: true, description: 'Leave this schema out (glob; repeatable)' })
    .option('format', { alias: 'f', choices: OUTPUT_FORMATS, description: 'Output format', default: 'stylish' })
    .option('output', { alias: 'o', type: 'string', description: 'Write the report to this file instead of stdout' })
    .option('config', { alias: 'c', type: 'string', description: 'Config file (JSON) for rules and vocabulary' })
    .option('fail-on', { choices: ['error', 'warning', 'never'] as const, default: 'error', description: 'Lowest severity that makes the exit code 1' })
    .option('quiet', { type: 'boolean', description: 'Report errors only' })
    .option('color', { type: 'boolean', description: 'Colour stylish output (default: when stdout is a terminal)' })
    .option('connect-timeout', { type: 'number', description: `Seconds to wait for the connection (default ${DEFAULT_CONNECT_TIMEOUT_SECONDS})` })
    .option('statement-timeout', { type: 'number', description: `Seconds each catalog query may take (default ${DEFAULT_STATEMENT_TIMEOUT_SECONDS})` })
    .example('$0 db "$DATABASE_URL" --exclude-schema audit', 'Scan every schema but audit')
    .example('$0 db -f sarif -o db.sarif', 'Scan $DATABASE_URL and write SARIF with logical locations');
}

export async function dbCommand(args: DbArgs, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const url = args.connectionString || env.DATABASE_URL;
  if (!url) throw new UsageError('phi-scan db needs a connection string: pass postgres://... or set DATABASE_URL');
  for (const [name, value] of [['--connect-timeout', args.connectTimeout], ['--statement-timeout', args.statementTimeout]] as const) {
    if (value !== undefined && !(value > 0)) throw new UsageError(`${name} must be a positive number of seconds`);
  }
  // The driver and the rules load with the command, not with every `phi-scan` start.
  const { scanDatabase } = await import('../db/index.js');
  let result;
  try {
    result = await scanDatabase({
      url,
      configPath: args.config,
      schemas: args.schema ?? [],
      excludeSchemas: args.excludeSchema ?? [],
      ...(args.connectTimeout ? { connectTimeoutSeconds: args.connectTimeout } : {}),
      ...(args.statementTimeout ? { statementTimeoutSeconds: args.statementTimeout } : {}),
    });
  } catch (error) {
    if (!(error instanceof DbError)) throw error;
    process.stderr.write(`phi-scan: ${error.message}\n`);
    return 2;
  }

  writeScanReport(result, args);
  return exitCodeFor(result.findings, args.failOn);
}

