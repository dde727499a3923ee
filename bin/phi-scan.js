#!/usr/bin/env node
// Entry point of the phi-scan CLI. The TypeScript sources are compiled to lib/ by `npm ci` (prepare).
import { existsSync } from 'node:fs';

const entry = new URL('../lib/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('phi-scan: the build is missing (lib/). Run `npm ci` or `npm run build` in the package first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
