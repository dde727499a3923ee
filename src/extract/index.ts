/** The extractor registry: one extractor per input kind. */
import type { Extractor } from './types.js';

export const extractors: Extractor[] = [
];
