/**
 * Preloaded with `node --import` into a measured child process: on exit, writes the peak
 * resident set size (KiB, all threads: getrusage of the whole process) to $PHI_BENCH_RSS.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PHI_BENCH_RSS) writeFileSync(process.env.PHI_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
