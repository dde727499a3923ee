import { describe, expect, it } from 'vitest';
import type { Fact, FactKind, FactOf } from '../../../src/core/facts.js';
import { extractPrisma } from '../../../src/extract/prisma/index.js';

const ofKind = <K extends FactKind>(facts: readonly Fact[], kind: K): FactOf<K>[] => facts.filter((f): f is FactOf<K> => f.kind === kind);
const at = (f: Fact) => `${f.span.line}:${f.span.column}-${f.span.endLine}:${f.span.endColumn}`;
const names = (facts: readonly Fact[]) =>
  ofKind(facts, 'schema-name').map((f) => `${f.objectKind}:${f.name}${f.parent ? `<${f.parent}` : ''}@${at(f)}`);

describe('Prisma extractor', () => {
  it('reports models, fields, @map/@@map/@@schema names with exact spans', () => {
    const schema = [
      'model Visit {',
      '  id        String @id @default(cuid())',
      '  reasonFor String @map("reason_for")',
      '  ownerId   String',
      '',
      '  @@map("clinic_visits")',
      '  @@schema("care")',
      '}',
    ].join('\n');
    expect(names(extractPrisma(schema))).toEqual([
      'model:Visit<care@1:7-1:12',
      'table:clinic_visits<care@6:9-6:24',
      'schema:care@7:12-7:18',
      'field:id<Visit@2:3-2:5',
      'field:reasonFor<Visit@3:3-3:12',
      'column:reason_for<care.clinic_visits@3:25-3:37',
      'field:ownerId<Visit@4:3-4:10',
    ]);
    const mapped = ofKind(extractPrisma(schema), 'schema-name').find((f) => f.name === 'reason_for');
    expect(mapped?.mappedFrom).toBe('reasonFor');
  });

  it('reports enums, enum values with @map, views and constraint/index map names', () => {
    const schema = [
      'enum Mood {',
      '  CALM @map("calm")',
      '  TENSE',
      '  @@map("mood_kind")',
      '}',
      'view Summary {',
      '  total Int @unique(map: "summary_total_key")',
      '}',
      'model Note {',
      '  id   Int @id(map: "note_pk")',
      '  body String',
      '  @@index([body], map: "note_body_quinby_idx")',
      '}',
    ].join('\n');
    expect(names(extractPrisma(schema))).toEqual([
      'type:Mood@1:6-1:10',
      'type:mood_kind@4:9-4:20',
      'enum-label:CALM<Mood@2:3-2:7',
      'enum-label:calm<mood_kind@2:13-2:19',
      'enum-label:TENSE<Mood@3:3-3:8',
      'view:Summary@6:6-6:13',
      'field:total<Summary@7:3-7:8',
      'constraint:summary_total_key<Summary@7:26-7:45',
      'model:Note@9:7-9:11',
      'field:id<Note@10:3-10:5',
      'constraint:note_pk<Note@10:21-10:30',
      'field:body<Note@11:3-11:7',
      'index:note_body_quinby_idx<Note@12:24-12:46',
    ]);
  });

  it('marks relation fields as virtual and foreign-key fields with the model they reference', () => {
    const schema = [
      'model Owner {',
      '  id    Int   @id',
      '  pets  Pet[]',
      '}',
      'model Pet {',
      '  id      Int   @id',
      '  ownerId Int   @map("owner_id")',
      '  owner   Owner @relation(fields: [ownerId], references: [id], map: "pet_owner_fk")',
      '}',
    ].join('\n');
    const facts = ofKind(extractPrisma(schema), 'schema-name');
    expect(facts.find((f) => f.name === 'pets')).toMatchObject({ references: 'Pet', virtual: true });
    expect(facts.find((f) => f.name === 'owner')).toMatchObject({ references: 'Owner', virtual: true });
    expect(facts.find((f) => f.name === 'ownerId')).toMatchObject({ references: 'Owner' });
    expect(facts.find((f) => f.name === 'ownerId')?.virtual).toBeUndefined();
    expect(facts.find((f) => f.name === 'owner_id')).toMatchObject({ objectKind: 'column', references: 'Owner', parent: 'Pet' });
    expect(facts.find((f) => f.name === 'pet_owner_fk')).toMatchObject({ objectKind: 'constraint', parent: 'Pet' });
  });

  it('turns /// runs into schema comments with their target and skips generator directives', () => {
    const schema = [
      '/// Kept for the front desk.',
      '/// Second line of the same doc.',
      'model Desk {',
      '  /// @zod.string.min(3)',
      '  /// Where the desk stands.',
      '  place String /// trailing doc',
      '  /// [DeskMeta]',
      '  meta Json',
      '}',
    ].join('\n');
    const docs = ofKind(extractPrisma(schema), 'schema-comment');
    expect(docs.map((d) => `${d.objectKind}:${d.target}@${at(d)} ${d.text}`)).toEqual([
      'model:Desk@1:1-2:33 /// Kept for the front desk.\n/// Second line of the same doc.',
      'field:Desk.place@5:3-5:29 /// Where the desk stands.',
      'field:Desk.place@6:16-6:32 /// trailing doc',
    ]);
  });

  it('reports // comments as code comments, ignoring // inside strings', () => {
    const schema = [
      '// header one',
      '// header two',
      'datasource db {',
      '  provider = "postgresql" // trailing',
      '  url      = "postgres://host//db"',
      '}',
    ].join('\n');
    const facts = extractPrisma(schema);
    expect(ofKind(facts, 'code-comment').map((c) => `${at(c)} ${c.text}`)).toEqual([
      '1:1-2:14 // header one\n// header two',
      '4:27-4:38 // trailing',
    ]);
    expect(ofKind(facts, 'parse-problem')).toEqual([]);
  });

  it('reads attributes whose arguments span several lines, and CRLF files', () => {
    const schema = 'model Bed {\r\n  id Int @id\r\n  ward String\r\n  @@index([\r\n    ward\r\n  ], map: "bed_ward_idx")\r\n}\r\n';
    expect(names(extractPrisma(schema))).toEqual([
      'model:Bed@1:7-1:10',
      'field:id<Bed@2:3-2:5',
      'field:ward<Bed@3:3-3:7',
      'index:bed_ward_idx<Bed@6:11-6:25',
    ]);
  });

  it('counts columns in UTF-16 units after multi-byte characters', () => {
    const schema = 'model Café { größe String @map("grö_ße") } // ☕ note';
    const facts = extractPrisma(schema);
    // identifiers are ASCII in Prisma: `Caf` reads as the name, the rest is a problem
    expect(ofKind(facts, 'parse-problem')).toHaveLength(1);
    const comment = ofKind(facts, 'code-comment')[0]!;
    expect(at(comment)).toBe('1:44-1:53');
  });

  it('reports one parse problem for unreadable parts and keeps scanning the rest', () => {
    const schema = ['model A {', '  id Int @id', '  ??? what', '}', 'garbage here', 'model B {', '  name String', '}'].join('\n');
    const facts = extractPrisma(schema);
    const problems = ofKind(facts, 'parse-problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('line 3');
    expect(problems[0]!.message).toContain('1 more');
    expect(names(facts)).toContain('field:name<B@7:3-7:7');
  });

  it('reports an unclosed block and an unterminated string without throwing', () => {
    const facts = extractPrisma('model A {\n  id String @map("open\n');
    expect(ofKind(facts, 'parse-problem')).toHaveLength(1);
    expect(names(facts)).toContain('field:id<A@2:3-2:5');
  });

  it('is linear: a large schema scans quickly', () => {
    const block = (i: number) => `/// Doc ${i}\nmodel M${i} {\n  id Int @id\n  name String @map("n_${i}") // c\n  @@map("m_${i}")\n}\n`;
    const text = Array.from({ length: 5000 }, (_, i) => block(i)).join('');
    const started = performance.now();
    const facts = extractPrisma(text);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(ofKind(facts, 'schema-name')).toHaveLength(5000 * 5);
  });
});
