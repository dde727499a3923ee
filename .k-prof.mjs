import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import ts from 'typescript';
import { extractFactsSync } from './lib/src/core/analyze.js';
import { loadSqlParser } from './lib/src/extract/sql/index.js';
import { rules } from './lib/rules/index.js';
import { runFileRules } from './lib/src/core/run-rules.js';
import { createClassifier } from './lib/src/classify/index.js';
import * as espree from 'espree';
await loadSqlParser();
const files = await glob(['lib/src/**/*.js', 'lib/rules/**/*.js']);
const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
const classifier = createClassifier();
for (let round = 0; round < 3; round++) {
let tParse = 0, tEspree = 0, tExtract = 0, tRules = 0;
for (const [path, text] of texts) {
  let t = performance.now();
  ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.JS);
  tParse += performance.now() - t;
  t = performance.now();
  espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', loc: true, range: true, tokens: true, comment: true });
  tEspree += performance.now() - t;
  t = performance.now();
  const facts = extractFactsSync({ path, kind: 'typescript', text }, {});
  tExtract += performance.now() - t;
  t = performance.now();
  for (const rule of rules.filter((r) => r.scope === 'file')) runFileRules([{ rule, severity: 'error', options: rule.meta.defaultOptions }], { file: { path, kind: 'typescript', isTest: false, text }, facts }, { classifier, settings: { sanitizers: [], projectFile: undefined } });
  tRules += performance.now() - t;
}
console.log({ tParse: tParse.toFixed(0), tEspree: tEspree.toFixed(0), tExtract: tExtract.toFixed(0), tRules: tRules.toFixed(0) });
}
