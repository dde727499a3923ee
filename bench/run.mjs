#!/usr/bin/env node
/**
 * `npm run bench`: phi-scan's throughput next to the parse floor it is built on, measured in the
 * same process on the same generated files, so the printed ratios hold on any machine.
 */
import { readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadModule, parseSync } from 'libpg-query';
import { scan } from '../lib/src/index.js';
import { generateSqlCorpus } from './generate-sql.mjs';

const work = join(import.meta.dirname, '.work');
const RUNS = 3;

function best(fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - started);
  }
  return { ms: min, result };
}

async function bestAsync(fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await fn();
    min = Math.min(min, performance.now() - started);
  }
  return { ms: min, result };
}

const mbps = (bytes, ms) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(1);
const rows = [];
const ratios = [];

async function sqlBench() {
  const dir = join(work, 'sql');
  rmSync(dir, { recursive: true, force: true });
  const { files, bytes } = generateSqlCorpus(dir, 20 * 1024 * 1024);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  await loadModule();
  const raw = best(() => {
    let statements = 0;
    for (const text of texts) statements += parseSync(text).stmts.length;
    return statements;
  });
  const config = { rules: { 'phi/session-timeout': 'off', 'phi/non-baa-service': 'off', 'phi/hipaa-project-setting': 'off' } };
  const scanned = await bestAsync(() => scan({ paths: [dir], config }));
  rows.push(['libpg-query parseSync (raw parse)', files.length, bytes, raw.ms]);
  rows.push(['phi-scan on the same SQL (read, extract, rules)', files.length, bytes, scanned.ms]);
  ratios.push(['SQL scan / raw parse', scanned.ms / raw.ms, 2]);
  return scanned.result.findings.length;
}

const sqlFindings = await sqlBench();

console.log(`phi-scan bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), best of ${RUNS}`);
console.log('');
console.log(`${'run'.padEnd(52)} ${'files'.padStart(6)} ${'MB'.padStart(7)} ${'ms'.padStart(9)} ${'MB/s'.padStart(7)}`);
for (const [name, files, bytes, ms] of rows) {
  console.log(`${name.padEnd(52)} ${String(files).padStart(6)} ${(bytes / 1048576).toFixed(1).padStart(7)} ${ms.toFixed(0).padStart(9)} ${mbps(bytes, ms).padStart(7)}`);
}
console.log('');
console.log(`findings on the generated SQL: ${sqlFindings}`);
let failed = false;
for (const [name, ratio, target] of ratios) {
  const ok = ratio <= target;
  failed ||= !ok;
  console.log(`${name.padEnd(40)} ${ratio.toFixed(2).padStart(6)}  (target at most ${target}) ${ok ? 'ok' : 'OVER TARGET'}`);
}
process.exitCode = failed ? 1 : 0;
