/** package.json: each dependency becomes a `dependency` fact at its name key. */
import type { Fact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import type { Extractor } from '../types.js';
import { member, parseJson } from './json-scan.js';
import { jsonParseProblem } from './json.js';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

export function extractPackageJson(text: string): Fact[] {
  const lines = new LineIndex(text);
  const parsed = parseJson(text);
  const facts: Fact[] = [];
  if (parsed.error) facts.push(jsonParseProblem(lines, parsed.error, 'package.json'));
  for (const section of SECTIONS) {
    const deps = member(parsed.root, section);
    if (deps?.type !== 'object') continue;
    for (const dep of deps.entries) {
      facts.push({ kind: 'dependency', name: dep.key, via: 'package.json', span: lines.span(dep.keyStart + 1, dep.keyEnd - 1), source: 'json' });
    }
  }
  return facts;
}

export const packageJsonExtractor: Extractor = {
  id: 'package-json',
  kinds: ['package-json'],
  extract: (file) => extractPackageJson(file.text),
};
