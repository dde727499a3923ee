import { describe, expect, it } from 'vitest';
import { factsOf, type Evidence, type Fact } from '../../../src/core/facts.js';
import { extractTypeScript, typescriptExtractor } from '../../../src/extract/typescript/index.js';

const run = (text: string, path = 'src/a.ts'): Fact[] => extractTypeScript({ path, kind: 'typescript', text });
const sinks = (text: string, path?: string) => factsOf(run(text, path), 'sink-call');
const paths = (ev: readonly Evidence[]) => ev.map((e) => (e.kind === 'text' ? `"${e.text}"` : `${e.kind}:${e.path}`));

describe('comments', () => {
  it('finds every comment exactly once, with exact spans', () => {
    const text = [
      '// first',
      'const a = f(/* inline */ 1, 2 /* trailing */); // end',
      'function g() { /* empty body */ }',
      'const s = "not // a comment"; const t = `nor /* this */ ${a}`;',
      'const r = /\\/\\/ regex/;',
      '/** doc */',
      'export const x = { /* in object */ };',
      '// at the end',
    ].join('\n');
    const comments = factsOf(run(text), 'code-comment');
    expect(comments.map((c) => c.text)).toEqual([
      '// first',
      '/* inline */',
      '/* trailing */',
      '// end',
      '/* empty body */',
      '/** doc */',
      '/* in object */',
      '// at the end',
    ]);
    expect(comments[1]?.span).toEqual({ line: 2, column: 13, endLine: 2, endColumn: 25 });
  });

  it('reads JSX comments and leaves JSX text alone', () => {
    const text = 'export const A = () => (<p>see http://example.org {/* jsx comment */}</p>);';
    const comments = factsOf(run(text, 'src/a.tsx'), 'code-comment');
    expect(comments.map((c) => c.text)).toEqual(['/* jsx comment */']);
  });
});

describe('robustness', () => {
  it('reports a syntax error once and still scans the rest', () => {
    const facts = run('const = ;\n// kept comment\nconsole.log(patient.ssn);');
    expect(factsOf(facts, 'parse-problem')).toHaveLength(1);
    expect(factsOf(facts, 'code-comment')).toHaveLength(1);
    expect(factsOf(facts, 'sink-call')).toHaveLength(1);
  });

  it('never throws on odd input', async () => {
    for (const text of ['', '\u0000\u0001', '`unterminated ${', '<<<<', 'class extends {']) {
      const facts = await typescriptExtractor.extract({ path: 'x.js', kind: 'typescript', text }, {});
      expect(Array.isArray(facts)).toBe(true);
    }
  });
});

describe('literals', () => {
  it('skips module names, keys and directives; records field and group', () => {
    const text = [
      "'use strict';",
      "import x from 'some-module';",
      "const y = require('other-module');",
      "const row = { firstName: 'Odile', 'x-key': 1 };",
      "headers['x-api-key'];",
      "type T = 'literal-type';",
    ].join('\n');
    const literals = factsOf(run(text), 'literal');
    expect(literals.map((l) => [l.text, l.field])).toEqual([['Odile', 'firstName']]);
    expect(literals[0]?.group).toMatch(/^object@/);
  });
});

describe('sinks and evidence', () => {
  it('resolves loggers by import and construction, not by name only', () => {
    const text = [
      "import pino from 'pino';",
      'const audit = pino();',
      'audit.info(patient.dob);',
      'const cache = new Map();',
      'cache.set(patient.dob, 1);',
    ].join('\n');
    const found = sinks(text);
    expect(found.map((s) => [s.callee, s.sink])).toEqual([['audit.info', 'log']]);
  });

  it('follows aliases, destructuring, spreads and request bodies', () => {
    const text = [
      'async function h(req) {',
      '  const e = patient.email;',
      '  const { lastName } = req.body;',
      '  const body = await req.json();',
      '  logger.info(e, lastName, { ...member }, body, req.body);',
      '}',
    ].join('\n');
    const [fact] = sinks(text);
    expect(paths(fact?.evidence ?? [])).toEqual([
      'field:patient.email',
      'field:lastName',
      'object:member',
      'object:req.json()',
      'object:req.body',
    ]);
    expect(fact?.evidence[0]?.span.line).toBe(5);
  });

  it('drops masked values, counts and comparisons', () => {
    const text = 'logger.info({ a: mask(p.ssn), b: sha256(p.email), c: rows.length, d: p.age > 3, e: typeof p.dob });';
    expect(sinks(text)).toEqual([]);
  });

  it('marks ORM and query-builder rows with their models', () => {
    const text = [
      'async function f() {',
      '  const intake = await prisma.intake.findFirst({ include: { patient: true } });',
      "  const row = await db('appointments as a').join('patients as p', 'p.id', 'a.patient_id').first();",
      '  console.log(intake, row);',
      '}',
    ].join('\n');
    const ev = sinks(text)[0]?.evidence ?? [];
    expect(ev.map((e) => (e.kind === 'object' ? e.model : undefined))).toEqual(['patient,intake', 'patients,appointments']);
  });

  it('locates string-built values where they were built', () => {
    const text = ['const url = `${BASE}/v1?dob=${p.dob}`;', '', 'await fetch(url);'].join('\n');
    const [fact] = sinks(text);
    expect(fact?.callee).toBe('fetch URL');
    expect(fact?.evidence.map((e) => e.span.line)).toEqual([1]);
  });
});

describe('dynamic identifiers', () => {
  it('takes only interpolations in name positions', () => {
    const text = "db.raw(`CREATE TABLE t_${p.lastName} AS SELECT * FROM x WHERE a = '${p.dob}' AND b = ${p.mrn}`);";
    const [fact] = factsOf(run(text), 'dynamic-identifier');
    expect(fact?.what).toBe('object-name');
    expect(paths(fact?.evidence ?? [])).toEqual(['field:p.lastName']);
  });
});
