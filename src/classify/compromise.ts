/**
 * compromise (free-text NLP: people, noun phrases), loaded on first use rather than with the
 * module graph: it takes a quarter of a second to load, and warm cached runs, `phi-scan rules`
 * and `--help` never need it. The GitHub Action's bundle swaps this module for a static import
 * (scripts/build-action.mjs), as a bundle carries no node_modules to load from.
 */
import { createRequire } from 'node:module';
import type nlpFunction from 'compromise';

export type Nlp = typeof nlpFunction;

let loaded: Nlp | undefined;

export function compromise(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}
