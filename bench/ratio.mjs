#!/usr/bin/env node
/**
 * One in-process ratio of `npm run bench`, in a process of its own: a parser alone on files read
 * beforehand, against phi-scan's `scan()` (one thread) on the same files. One untimed scan warms
 * the JIT; then parse and scan alternate for `runs` rounds, best of each, so a slow spell of the
 * machine slows both sides of the ratio. A process of its own, because the harness keeps the
 * monorepo's texts and earlier scans' results alive, and the scan would be timed on that heap.
 * Usage: node bench/ratio.mjs <job.json>
 *   job: { kind: 'sql' | 'ts', dir: string, files: string[], runs: number, config: object }
 * Prints { referenceMs, scanMs, filesScanned, bytesScanned } as JSON.
 */
import { readFileSync } from 'node:fs';
import { loadModule, parseSync } from 'libpg-query';
import ts from 'typescript';
import { scan } from '../lib/src/index.js';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const texts = job.files.map((path) => [path, readFileSync(path, 'utf8')]);
await loadModule();

const parsers = {
  sql: () => {
    for (const [, text] of texts) parseSync(text);
  },
  ts: () => {
    for (const [path, text] of texts) ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  },
};
const parse = parsers[job.kind];
const scanOnce = () => scan({ paths: [job.dir], config: job.config, concurrency: 1 });

await scanOnce();
let referenceMs = Infinity;
let scanMs = Infinity;
let stats;
for (let i = 0; i < job.runs; i++) {
  let started = performance.now();
  parse();
  referenceMs = Math.min(referenceMs, performance.now() - started);
  started = performance.now();
  const result = await scanOnce();
  const ms = performance.now() - started;
  if (ms < scanMs) {
    scanMs = ms;
    stats = result.stats;
  }
}
process.stdout.write(JSON.stringify({ referenceMs, scanMs, filesScanned: stats.filesScanned, bytesScanned: stats.bytesScanned }));
