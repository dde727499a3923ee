/** `--shard i/n`: a deterministic partition of the files by path, stable across runs and machines. */
import { createHash } from 'node:crypto';
import { UsageError } from './errors.js';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 <= i <= n (e.g. --shard 2/4), not "${value}"`);
  }
  return { index, count };
}

export function inShard(path: string, shard: Shard): boolean {
  const bucket = createHash('sha1').update(path).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
