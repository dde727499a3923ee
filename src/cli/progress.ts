/** A one-line progress indicator on stderr, only on a terminal and only for scans that take a moment. */
const DELAY_MS = 800;
const INTERVAL_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  const enabled = Boolean(stream.isTTY) && !process.env.CI;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < DELAY_MS || now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : 0;
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
