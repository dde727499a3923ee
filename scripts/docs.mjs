#!/usr/bin/env node
// `npm run docs`: regenerates the README's rule table from rule metadata (test/docs checks it is current).
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../lib/rules/index.js';
import { withRuleTable } from '../lib/src/docs/rule-table.js';

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8'), rules));
console.log(`README rule table: ${rules.length} rules`);
