/** `phi-scan inventory [paths..]`: the PHI data map of a project's schemas (SQL and ORM). */
import type { Argv } from 'yargs';
import type { InventoryFormat } from '../inventory/index.js';
import { writeOutput } from './output.js';

export interface InventoryArgs {
  paths: string[];
  format: InventoryFormat;
  output?: string;
  config?: string;
  maxFileSizeKb?: number;
}

export function inventoryOptions(y: Argv) {
  return y
    .positional('paths', { type: 'string', array: true, description: 'Files, folders or globs to read', default: ['.'] })
    .option('format', { alias: 'f', choices: ['markdown', 'json', 'csv'] as const, default: 'markdown', description: 'Output format' })
    .option('output', { alias: 'o', type: 'string', description: 'Write the inventory to this file instead of stdout' })
    .option('config', { alias: 'c', type: 'string', description: 'Config file (JSON)' })
    .option('max-file-size-kb', { type: 'number', description: 'Files larger than this are reported, not read (default 1024)' });
}

/** Prints (or writes) the inventory; exit code 0, or 2 on a usage error. */
export async function inventoryCommand(args: InventoryArgs): Promise<number> {
  // The extractors load with the command that needs them, not with every `phi-scan` start.
  const [{ collectFacts }, { buildInventory, formatInventory }] = await Promise.all([import('../core/collect-facts.js'), import('../inventory/index.js')]);
  const collected = await collectFacts({ paths: args.paths, configPath: args.config, maxFileSizeKb: args.maxFileSizeKb });
  const text = formatInventory(buildInventory(collected.files, collected.classifier), args.format);
  for (const notice of collected.notices) process.stderr.write(`phi-scan: ${notice.path}: ${notice.message}\n`);
  writeOutput(text, args.output);
  return 0;
}
