/** Writes a report to `--output` (creating folders) or to stdout; a write failure is a usage error. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

export function writeOutput(text: string, output: string | undefined): void {
  if (!output) {
    if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const target = resolve(output);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new UsageError(`Cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
