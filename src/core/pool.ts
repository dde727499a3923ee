/**
 * Spreads file analysis over worker threads. Results come back by index, so the outcome is the
 * same as a single-threaded run whatever order workers finish in.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import type { TypeAware } from './type-aware.js';
import { analyseFile, createAnalysisContext, extractFile, finishFile, type AnalysisContext, type AnalysisSetup, type ExtractedFile, type FileAnalysis } from './file-analysis.js';
import type { PrereadFiles } from './preread.js';

const WORKER_URL = new URL('./scan-worker.js', import.meta.url);
/** Below this many files, starting workers (each loads the parsers) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 40;
/**
 * A worker loads TypeScript, libpg-query and the classifier before its first file (about a
 * second): worth it only with several MB for it to scan (measured by `npm run bench`).
 */
export const MIN_BYTES_PER_WORKER = 4 * 1024 * 1024;

/**
 * One thread per core but one: the spare core runs V8's garbage collection and compilation
 * threads. On 2 cores that means one thread, which `npm run bench` measured as faster than two.
 */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

export async function analyseAll(
  files: readonly DiscoveredFile[],
  setup: AnalysisSetup,
  concurrency: number | undefined,
  onDone: () => void,
  typeAware?: TypeAware,
  preread?: PrereadFiles,
): Promise<(FileAnalysis | undefined)[]> {
  // A type checker cannot cross threads: type-aware scans stay in-process.
  if (typeAware) return analyseInProcess(files, createAnalysisContext(setup, { typeAware, preread }), onDone);
  // An explicit --concurrency is honoured; the default also weighs what there is to scan (a
  // stat per file, skipped when the machine allows one thread anyway).
  const cores = defaultConcurrency();
  const wanted = concurrency ?? (cores <= 1 ? 1 : Math.min(cores, Math.floor(totalBytes(files) / MIN_BYTES_PER_WORKER)));
  const threads = Math.min(wanted, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (threads <= 1 || !existsSync(WORKER_URL)) return analyseInProcess(files, createAnalysisContext(setup, { preread }), onDone);
  // The main thread is one of the threads: it has loaded the analysers already, and on a small
  // machine a worker more than the cores only competes with it (measured by `npm run bench`).
  return analyseInWorkers(files, setup, threads - 1, onDone, preread);
}

/**
 * Files are extracted a batch at a time and then their rules run, rather than one file through
 * both: each phase then finds its code and data still in the CPU caches (10–15% faster on the SQL
 * corpus of `npm run bench`). A batch is bounded in files and in text kept for the rules.
 */
export const BATCH_FILES = 128;
export const BATCH_CHARS = 1024 * 1024;

async function analyseInProcess(files: readonly DiscoveredFile[], context: AnalysisContext, onDone: () => void) {
  const results: (FileAnalysis | undefined)[] = [];
  let batch: (ExtractedFile | undefined)[] = [];
  let chars = 0;
  const finishBatch = () => {
    for (const extracted of batch) {
      results.push(extracted && finishFile(extracted, context));
      onDone();
    }
    batch = [];
    chars = 0;
  };
  for (const file of files) {
    const extracted = await extractFile(file, context);
    batch.push(extracted);
    chars += extracted?.file.text.length ?? 0;
    if (batch.length >= BATCH_FILES || chars >= BATCH_CHARS) finishBatch();
  }
  finishBatch();
  return results;
}

/** `count` workers and the main thread take files from one queue; results land by index. */
function analyseInWorkers(
  files: readonly DiscoveredFile[],
  setup: AnalysisSetup,
  count: number,
  onDone: () => void,
  preread: PrereadFiles | undefined,
): Promise<(FileAnalysis | undefined)[]> {
  const results = new Array<FileAnalysis | undefined>(files.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolvePromise, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const stopAll = () => Promise.all(pool.map((w) => w.terminate()));
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      void stopAll();
      reject(error);
    };
    const done = () => {
      finished++;
      onDone();
      if (finished === files.length) void stopAll().then(() => resolvePromise(results));
    };
    const feed = (worker: Worker) => {
      if (next >= files.length || failed) return;
      const index = next++;
      worker.postMessage({ index, file: files[index] });
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_URL, { workerData: setup });
      pool.push(worker);
      worker.on('message', (message: { index: number; analysis?: FileAnalysis; error?: string }) => {
        if (message.error !== undefined) {
          fail(new Error(`worker failed on ${files[message.index]?.path}: ${message.error}`));
          return;
        }
        results[message.index] = message.analysis;
        feed(worker);
        done();
      });
      worker.on('error', fail);
      // Two files in flight per worker keeps it busy while the main thread handles a result.
      feed(worker);
      feed(worker);
    }
    void (async () => {
      const context = createAnalysisContext(setup, { preread });
      while (next < files.length && !failed) {
        const index = next++;
        results[index] = await analyseFile(files[index] as DiscoveredFile, context);
        done();
        // Lets the workers' results in (and sends them more files) between two of ours.
        await new Promise((resolveTurn) => setImmediate(resolveTurn));
      }
    })().catch(fail);
  });
}

function totalBytes(files: readonly DiscoveredFile[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file.absolute).size;
    } catch {
      // unreadable: analyseFile reports it
    }
  }
  return bytes;
}
