/**
 * ReDoS: every regular expression written in the scanner's source (literals and `new RegExp`
 * with a constant pattern, found with the TypeScript parser) runs against 100,000-character
 * adversarial inputs built from its own characters within a time bound; the regexes built at run
 * time are exercised through the public entry points with the same inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import { extractors } from '../../src/extract/index.js';
import { loadSqlParser } from '../../src/extract/sql/index.js';
import { PATH_OF_KIND } from './generators.js';
import { root } from './harness.js';

const LENGTH = 100_000;
/** Per regex and input; a linear scan of 100k characters takes a few milliseconds. */
const BOUND_MS = 200;
const SCANNED_FOLDERS = ['src/classify', 'src/extract', 'src/core', 'src/report', 'src/inventory', 'src/action', 'rules'];

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Regex literals, and `new RegExp('…', '…')` / `RegExp('…')` whose arguments are string literals. */
function regexesIn(file: string): FoundRegex[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: FoundRegex[] = [];
  const where = (node: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const slash = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
        found.push({ where: where(node), source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Characters the pattern matches literally (escapes and class members included, roughly). */
function ownCharacters(source: string): string {
  const chars = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[++i] ?? '';
      const byClass: Record<string, string> = { d: '7', w: 'q_', s: ' \t', b: '', B: '', D: 'x', W: '-', S: 'k', n: '\n', r: '\r', t: '\t' };
      for (const c of byClass[next] ?? next) chars.add(c);
    } else if (!'()[]{}|?*+^$.'.includes(ch)) chars.add(ch);
  }
  return [...chars].join('');
}

function adversarialInputs(source: string): string[] {
  const own = ownCharacters(source) || 'a';
  const repeat = (unit: string) => unit.repeat(Math.ceil(LENGTH / Math.max(1, unit.length))).slice(0, LENGTH);
  return [
    `${repeat(own)}\u0000`,
    `${repeat(own.slice(0, Math.max(1, own.length >> 1)))}!`,
    `${repeat('a')}!`,
    `${repeat('A')}1`,
    `${repeat(' ')}x`,
    `${repeat('1')}x`,
    `${repeat('-')}`,
    `${repeat('_a')}!`,
    `${repeat('a1-_ ')}`,
    `${repeat('a.')}@`,
    `${repeat('\n')}x`,
    `${repeat('/')}x`,
  ];
}

/** Runs the regex the way the scanner does: every match of a global regex, else one search. */
function timeRegex(regex: RegExp, input: string): number {
  const started = performance.now();
  if (regex.global || regex.sticky) {
    regex.lastIndex = 0;
    let guard = 0;
    for (let m = regex.exec(input); m !== null && guard++ < LENGTH * 2; m = regex.exec(input)) {
      if (m[0] === '') regex.lastIndex++;
    }
  } else {
    regex.exec(input);
  }
  return performance.now() - started;
}

const found = SCANNED_FOLDERS.flatMap((folder) => tsFiles(join(root, folder))).flatMap(regexesIn);

describe('every regular expression in the source runs in linear time', () => {
  it('finds the regexes (the scan itself works)', () => {
    expect(found.length).toBeGreaterThan(100);
  });

  it.each(found.map((r) => [r.where, r] as const))('%s', (_where, { source, flags }) => {
    const regex = new RegExp(source, flags);
    for (const input of adversarialInputs(source)) {
      // a slow first run may be compilation or a busy machine: the best of three counts
      let ms = timeRegex(regex, input);
      for (let retry = 0; retry < 2 && ms >= BOUND_MS; retry++) ms = Math.min(ms, timeRegex(regex, input));
      expect(ms, `/${source}/${flags} on ${JSON.stringify(input.slice(0, 12))}…`).toBeLessThan(BOUND_MS);
    }
  });
});

describe('regexes built at run time, through the public entry points', () => {
  beforeAll(async () => {
    await loadSqlParser();
  });
  const classifier = createClassifier({ add: { chart_no: 'mrn' }, patientWords: ['enrollee'] });
  const inputs = [
    'a'.repeat(LENGTH),
    `${'patient '.repeat(LENGTH / 8)}`,
    `${'1-'.repeat(LENGTH / 2)}`,
    `${'Maria '.repeat(LENGTH / 6)}`,
    `${'a_'.repeat(LENGTH / 2)}`,
    `${'MRN: '.repeat(LENGTH / 5)}`,
    `${'x@y.'.repeat(LENGTH / 4)}`,
  ];
  // Time bounds are generous for whole pipelines (tokenizer, compromise, parsers) on 100k characters.
  const PIPELINE_BOUND_MS = 5000;

  it.each(inputs.map((i) => [JSON.stringify(i.slice(0, 10)), i] as const))('classifier on %s…', (_label, input) => {
    const started = performance.now();
    classifier.tokenize(input);
    classifier.classifyName(input);
    classifier.findValues(input, { context: 'comment' });
    classifier.findValuesInIdentifier(input.slice(0, 2000));
    expect(performance.now() - started).toBeLessThan(PIPELINE_BOUND_MS);
  });

  it.each(extractors.flatMap((e) => e.kinds.map((k) => [e.id, k] as const)))('extractor %s (%s) on long adversarial lines', async (_id, kind) => {
    for (const input of [inputs[0]!, inputs[2]!, inputs[4]!, `-- ${inputs[1]!}`, `// ${inputs[3]!}`]) {
      const started = performance.now();
      const extractor = extractors.find((e) => e.kinds.includes(kind))!;
      await extractor.extract({ path: PATH_OF_KIND[kind], kind, text: input }, {});
      expect(performance.now() - started).toBeLessThan(PIPELINE_BOUND_MS);
    }
  });
});
