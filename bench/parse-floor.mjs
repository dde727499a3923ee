#!/usr/bin/env node
/**
 * The parse floor as a cold process: loads the parsers, reads every file of the list and parses
 * it once (TypeScript `createSourceFile`, libpg-query, prisma-ast), then exits. `bench/run.mjs`
 * times it like the phi-scan CLI, so module loading and JIT warm-up count on both sides.
 * With a thread count above 1, the main thread and workers each load the parsers and parse every
 * n-th file (what parallel parsing costs a cold process on this machine).
 * Usage: node bench/parse-floor.mjs <list.json> [threads]  (list: { ts: string[], sql: string[], prisma: string[] })
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const { listFile, threads, part } = isMainThread ? { listFile: process.argv[2], threads: Number(process.argv[3] ?? 1), part: 0 } : workerData;
const workers = [];
for (let k = 1; isMainThread && k < threads; k++) workers.push(new Worker(new URL(import.meta.url), { workerData: { listFile, threads, part: k } }));

const { getSchema } = await import('@mrleebo/prisma-ast');
const { loadModule, parseSync } = await import('libpg-query');
const { default: ts } = await import('typescript');
const list = JSON.parse(readFileSync(listFile, 'utf8'));
const mine = (paths) => paths.filter((_, index) => index % threads === part);
await loadModule();
for (const path of mine(list.ts)) {
  ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}
for (const path of mine(list.sql)) parseSync(readFileSync(path, 'utf8'));
for (const path of mine(list.prisma)) getSchema(readFileSync(path, 'utf8'));
await Promise.all(workers.map((worker) => new Promise((done) => worker.on('exit', done))));
