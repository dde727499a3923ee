/**
 * TypeScript's compiler API, loaded with require(). An `import` of the package makes Node scan
 * its 9 MB CommonJS file for module syntax and for named exports first, which costs about a
 * quarter of a second per process (measured on Node 20). The GitHub Action's bundle swaps this
 * module for a static import (scripts/build-action.mjs), as a bundle has no node_modules.
 */
import { createRequire } from 'node:module';
import type ts from 'typescript';

const typescript: typeof ts = createRequire(import.meta.url)('typescript');

export default typescript;
