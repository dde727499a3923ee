import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.js';
import { collectFacts } from '../../src/core/collect-facts.js';
import type { Fact, SchemaNameFact } from '../../src/core/facts.js';
import { buildInventory, formatInventory } from '../../src/inventory/index.js';

const classifier = createClassifier();
const span = (line: number) => ({ line, column: 1, endLine: line, endColumn: 2 });
const name = (line: number, objectKind: SchemaNameFact['objectKind'], n: string, extra: Partial<SchemaNameFact> = {}): Fact => ({
  kind: 'schema-name',
  objectKind,
  name: n,
  defines: true,
  span: span(line),
  source: 'prisma',
  ...extra,
});

describe('buildInventory', () => {
  it('merges a mapped ORM model with the SQL table of the same name and keeps only PHI-bearing columns', () => {
    const prisma: Fact[] = [
      name(1, 'model', 'Person'),
      name(5, 'table', 'people', { mappedFrom: 'Person' }),
      name(2, 'field', 'id', { parent: 'Person' }),
      name(3, 'field', 'birthDate', { parent: 'Person' }),
      name(3, 'column', 'birth_date', { parent: 'people', mappedFrom: 'birthDate' }),
      name(4, 'field', 'visits', { parent: 'Person', references: 'Visit', virtual: true }),
      name(6, 'field', 'nickname', { parent: 'Person' }),
    ];
    const sql: Fact[] = [
      name(1, 'table', 'people', { defines: false, source: 'sql' }),
      name(1, 'column', 'ssn', { parent: 'people', source: 'sql' }),
      name(2, 'column', 'visit_count', { parent: 'people', source: 'sql' }),
    ];
    const inv = buildInventory([{ file: { path: 'schema.prisma' }, facts: prisma }, { file: { path: 'm.sql' }, facts: sql }], classifier);
    expect(inv.tables.map((t) => `${t.schema}.${t.name}[${t.models.join()}]`)).toEqual(['public.people[Person]']);
    const columns = inv.tables[0]!.columns.map((c) => `${c.name}${c.field ? `(${c.field})` : ''}:${c.category}:${c.sources.map((s) => `${s.path}:${s.line}`).join('+')}`);
    expect(columns).toContain('birth_date(birthDate):date:schema.prisma:3');
    expect(columns).toContain('ssn:ssn:m.sql:1');
    expect(columns.some((c) => c.startsWith('id') || c.startsWith('visit_count') || c.startsWith('visits'))).toBe(false);
  });

  it('reports relations between PHI-bearing tables once, through the mapped column', () => {
    const facts: Fact[] = [
      name(1, 'model', 'Patient'),
      name(2, 'table', 'patients', { mappedFrom: 'Patient' }),
      name(3, 'field', 'lastName', { parent: 'Patient' }),
      name(4, 'model', 'Note'),
      name(5, 'field', 'diagnosis', { parent: 'Note' }),
      name(6, 'field', 'patientId', { parent: 'Note', references: 'Patient' }),
      name(6, 'column', 'patient_id', { parent: 'Note', mappedFrom: 'patientId', references: 'Patient' }),
      name(7, 'field', 'patient', { parent: 'Note', references: 'Patient', virtual: true }),
    ];
    const inv = buildInventory([{ file: { path: 's.prisma' }, facts }], classifier);
    expect(inv.relations).toEqual([{ from: 'public.note', to: 'public.patients', via: 'patient_id' }]);
  });

  it('prints an empty inventory in every format', () => {
    const inv = buildInventory([], classifier);
    expect(formatInventory(inv, 'markdown')).toContain('No table or column name classifies as PHI-bearing.');
    expect(JSON.parse(formatInventory(inv, 'json'))).toEqual({ tables: [], relations: [] });
    expect(formatInventory(inv, 'csv').trim().split('\n')).toHaveLength(1);
  });

  it('counts one table and one column in the singular', () => {
    const facts: Fact[] = [name(1, 'table', 'patients'), name(2, 'column', 'ssn', { parent: 'patients' })];
    const markdown = formatInventory(buildInventory([{ file: { path: 'one.sql' }, facts }], classifier), 'markdown');
    expect(markdown).toContain('1 table with 1 PHI-bearing column, by column name.');
  });

  it('neutralises spreadsheet formulas and quotes in CSV cells', () => {
    const facts: Fact[] = [name(1, 'table', '=cmd|x'), name(2, 'column', 'ssn', { parent: '=cmd|x' })];
    const csv = formatInventory(buildInventory([{ file: { path: 'a,b.sql' }, facts }], classifier), 'csv');
    expect(csv).toContain("public,'=cmd|x,");
    expect(csv).toContain('"a,b.sql:2:1"');
  });
});

describe('inventory of fixtures/projects/inventory (SQL + Prisma)', () => {
  const root = join(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'inventory');
  for (const format of ['markdown', 'json', 'csv'] as const) {
    it(`matches the golden ${format} output`, async () => {
      const collected = await collectFacts({ cwd: root });
      const text = formatInventory(buildInventory(collected.files, collected.classifier), format);
      const ext = format === 'markdown' ? 'md' : format;
      await expect(text).toMatchFileSnapshot(join(import.meta.dirname, 'golden', `inventory.${ext}`));
    });
  }
});
