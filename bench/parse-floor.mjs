#!/usr/bin/env node
/**
 * The parse floor as a cold process: loads the parsers, reads every file of the list and parses
 * it once (TypeScript `createSourceFile`, libpg-query, prisma-ast), then exits. `bench/run.mjs`
 * times it like the phi-scan CLI, so module loading and JIT warm-up count on both sides.
 * Usage: node bench/parse-floor.mjs <list.json>  (list: { ts: string[], sql: string[], prisma: string[] })
 */
import { readFileSync } from 'node:fs';
import { getSchema } from '@mrleebo/prisma-ast';
import { loadModule, parseSync } from 'libpg-query';
import ts from 'typescript';

const list = JSON.parse(readFileSync(process.argv[2], 'utf8'));
await loadModule();
for (const path of list.ts) {
  ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}
for (const path of list.sql) parseSync(readFileSync(path, 'utf8'));
for (const path of list.prisma) getSchema(readFileSync(path, 'utf8'));
