/** Worker-thread entry: analyses the files it is sent with the same code as an in-process scan. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredFile } from './discover.js';
import { analyseFile, createAnalysisContext, type AnalysisSetup } from './file-analysis.js';

export interface WorkerRequest {
  index: number;
  file: DiscoveredFile;
}

const context = createAnalysisContext(workerData as AnalysisSetup);

parentPort?.on('message', async (request: WorkerRequest) => {
  try {
    const analysis = await analyseFile(request.file, context);
    parentPort?.postMessage({ index: request.index, analysis });
  } catch (error) {
    parentPort?.postMessage({ index: request.index, error: error instanceof Error ? error.message : String(error) });
  }
});
