import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Fact, FactKind, FactOf } from '../../../src/core/facts.js';
import { LineIndex } from '../../../src/core/text.js';
import { ormVisitor } from '../../../src/extract/orm/index.js';

function extract(code: string, path = 'src/file.ts'): Fact[] {
  const sf = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false);
  const visitor = ormVisitor({ sourceFile: sf, path, lines: new LineIndex(code) });
  if (!visitor) return [];
  const walk = (n: ts.Node): void => {
    visitor.visit?.(n);
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return visitor.finish();
}

const ofKind = <K extends FactKind>(facts: readonly Fact[], kind: K): FactOf<K>[] => facts.filter((f): f is FactOf<K> => f.kind === kind);
const at = (f: Fact) => `${f.span.line}:${f.span.column}-${f.span.endLine}:${f.span.endColumn}`;
const names = (facts: readonly Fact[]) =>
  ofKind(facts, 'schema-name').map((f) => `${f.defines ? '' : 'ref '}${f.objectKind}:${f.name}${f.parent ? `<${f.parent}` : ''}@${at(f)}`);
const comments = (facts: readonly Fact[]) => ofKind(facts, 'schema-comment').map((f) => `${f.objectKind}:${f.target}@${at(f)} ${f.text}`);
const settings = (facts: readonly Fact[]) => ofKind(facts, 'setting').map((f) => `${f.key}=${f.value}@${f.span.line}${f.developmentOnly ? ' dev' : ''}`);

describe('ORM visitor: Drizzle', () => {
  it('reports tables, schema tables, columns, enums and index names at the string literals', () => {
    const code = [
      "const care = pgSchema('care');",
      "export const mood = pgEnum('mood', ['calm', 'tense']);",
      "export const people = care.table('people', {",
      "  id: uuid('id').primaryKey(),",
      "  birthDate: date('birth_date'),",
      '}, (t) => [index(\'people_birth_idx\').on(t.birthDate)]);',
      "export const notes = pgTable('notes', { personId: uuid('person_id').references(() => people.id) });",
      "export const v = pgMaterializedView('notes_mv').as((qb) => qb.select().from(notes));",
    ].join('\n');
    expect(names(extract(code))).toEqual([
      'schema:care@1:23-1:29',
      'type:mood@2:28-2:34',
      'enum-label:calm<mood@2:37-2:43',
      'enum-label:tense<mood@2:45-2:52',
      'table:people<care@3:34-3:42',
      'field:id<people@4:3-4:5',
      'column:id<care.people@4:12-4:16',
      'field:birthDate<people@5:3-5:12',
      'column:birth_date<care.people@5:19-5:31',
      'index:people_birth_idx<care.people@6:18-6:36',
      'table:notes@7:30-7:37',
      'field:personId<notes@7:41-7:49',
      'column:person_id<notes@7:56-7:67',
      'materialized-view:notes_mv@8:37-8:47',
    ]);
    const ref = ofKind(extract(code), 'schema-name').find((f) => f.name === 'person_id');
    expect(ref).toMatchObject({ references: 'people', mappedFrom: 'personId' });
  });

  it('turns a table name built from runtime values into a dynamic identifier with its field paths', () => {
    const facts = extract('export const t = pgTable(`hold_${patient.lastName.toLowerCase()}`, { id: uuid() });');
    const dyn = ofKind(facts, 'dynamic-identifier');
    expect(dyn).toHaveLength(1);
    expect(dyn[0]!.what).toBe('object-name');
    expect(dyn[0]!.evidence.map((e) => (e.kind === 'field' ? `field:${e.path}` : e.kind))).toEqual(['text', 'field:patient.lastName']);
  });
});

describe('ORM visitor: TypeORM', () => {
  it('reads entities, columns, comments, relations, indexes and join columns', () => {
    const code = [
      "@Entity({ name: 'visits', schema: 'care', comment: 'One row per visit' })",
      "@Index('visits_when_idx', ['when'])",
      'export class Visit {',
      '  @PrimaryGeneratedColumn() id: number;',
      "  @Column({ name: 'seen_at', comment: 'When the visit began' }) when: Date;",
      '  @Column() notes: string;',
      '  @ManyToOne(() => Person)',
      "  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'visits_person_fk' })",
      '  person: Person;',
      '  helper = 1;',
      '}',
    ].join('\n');
    const facts = extract(code);
    expect(names(facts)).toEqual([
      'model:Visit@3:14-3:19',
      'table:visits<care@1:17-1:25',
      'ref schema:care@1:35-1:41',
      'index:visits_when_idx<care.visits@2:8-2:25',
      'field:id<Visit@4:29-4:31',
      'field:when<Visit@5:65-5:69',
      'column:seen_at<care.visits@5:19-5:28',
      'field:notes<Visit@6:13-6:18',
      'field:person<Visit@9:3-9:9',
      'column:person_id<care.visits@8:23-8:34',
      'constraint:visits_person_fk<care.visits@8:62-8:80',
    ]);
    expect(comments(facts)).toEqual(['table:care.visits@1:52-1:71 One row per visit', 'column:care.visits.seen_at@5:39-5:61 When the visit began']);
  });

  it('reads the migration API: new Table, addColumn with new TableColumn, renameColumn', () => {
    const code = [
      'await queryRunner.createTable(new Table({',
      "  name: 'beds',",
      "  columns: [{ name: 'ward', type: 'text', comment: 'Ward code' }],",
      "  indices: [{ name: 'beds_ward_idx', columnNames: ['ward'] }],",
      '}));',
      "await queryRunner.addColumn('beds', new TableColumn({ name: 'floor', type: 'int' }));",
      "await queryRunner.renameColumn('beds', 'floor', 'level');",
    ].join('\n');
    const facts = extract(code);
    expect(names(facts)).toEqual([
      'table:beds@2:9-2:15',
      'column:ward<beds@3:21-3:27',
      'index:beds_ward_idx<beds@4:21-4:36',
      'ref table:beds@6:29-6:35',
      'column:floor<beds@6:61-6:68',
      'ref table:beds@7:32-7:38',
      'ref column:floor<beds@7:40-7:47',
      'column:level<beds@7:49-7:56',
    ]);
    expect(comments(facts)).toEqual(['column:beds.ward@3:52-3:63 Ward code']);
  });
});

describe('ORM visitor: Sequelize', () => {
  it('reads define() with field, comment, tableName and indexes, and Model.init()', () => {
    const code = [
      "sequelize.define('Person', {",
      "  birthDate: { type: DataTypes.DATEONLY, field: 'birth_date', comment: 'Birth date' },",
      '  nickname: DataTypes.STRING,',
      "}, { tableName: 'people', comment: 'People we see', indexes: [{ name: 'people_birth_idx', fields: ['birth_date'] }] });",
      "Visit.init({ reason: { type: DataTypes.TEXT } }, { sequelize, tableName: 'visits' });",
    ].join('\n');
    const facts = extract(code, 'models.js');
    expect(names(facts)).toEqual([
      'model:Person@1:18-1:26',
      'table:people@4:17-4:25',
      'field:birthDate<Person@2:3-2:12',
      'column:birth_date<people@2:49-2:61',
      'field:nickname<Person@3:3-3:11',
      'index:people_birth_idx<people@4:71-4:89',
      'model:Visit@5:1-5:6',
      'table:visits@5:74-5:82',
      'field:reason<Visit@5:14-5:20',
    ]);
    expect(comments(facts)).toEqual(['table:people@4:36-4:51 People we see', 'column:people.birth_date@2:72-2:84 Birth date']);
  });

  it('reads queryInterface migrations: createTable, addColumn, renameTable, addIndex, addConstraint', () => {
    const code = [
      "await queryInterface.createTable('beds', { ward: { type: Sequelize.STRING, comment: 'Ward code' } });",
      "await queryInterface.addColumn('beds', 'floor', { type: Sequelize.INTEGER, comment: 'Floor' });",
      "await queryInterface.renameTable('beds', 'cots');",
      "await queryInterface.addIndex('cots', ['ward'], { name: 'cots_ward_idx' });",
      "await queryInterface.addConstraint('cots', { type: 'unique', fields: ['ward'], name: 'cots_ward_key' });",
    ].join('\n');
    const facts = extract(code, 'migration.js');
    expect(names(facts)).toEqual([
      'table:beds@1:34-1:40',
      'column:ward<beds@1:44-1:48',
      'ref table:beds@2:32-2:38',
      'column:floor<beds@2:40-2:47',
      'ref table:beds@3:34-3:40',
      'table:cots@3:42-3:48',
      'ref table:cots@4:31-4:37',
      'index:cots_ward_idx<cots@4:57-4:72',
      'ref table:cots@5:36-5:42',
      'constraint:cots_ward_key<cots@5:86-5:101',
    ]);
    expect(comments(facts).map((c) => c.split('@')[0])).toEqual(['column:beds.ward', 'column:beds.floor']);
  });
});

describe('ORM visitor: Knex and Kysely', () => {
  it('reads Knex createTable/alterTable callbacks: columns, comments, index names, renames', () => {
    const code = [
      "await knex.schema.withSchema('care').createTable('beds', (table) => {",
      "  table.string('ward', 8).notNullable().comment('Ward code');",
      "  table.integer('person_id').references('id').inTable('people');",
      "  table.index(['ward'], 'beds_ward_idx');",
      "  table.comment('Beds per ward');",
      '});',
      "await knex.schema.alterTable('beds', (t) => { t.renameColumn('ward', 'unit'); });",
      "await knex.schema.renameTable('beds', 'cots');",
    ].join('\n');
    const facts = extract(code, 'migration.js');
    expect(names(facts)).toEqual([
      'ref schema:care@1:30-1:36',
      'table:beds<care@1:50-1:56',
      'column:ward<care.beds@2:16-2:22',
      'column:person_id<care.beds@3:17-3:28',
      'index:beds_ward_idx<care.beds@4:25-4:40',
      'ref table:beds@7:30-7:36',
      'ref column:ward<beds@7:62-7:68',
      'column:unit<beds@7:70-7:76',
      'ref table:beds@8:31-8:37',
      'table:cots@8:39-8:45',
    ]);
    expect(ofKind(facts, 'schema-name').find((f) => f.name === 'person_id')?.references).toBe('people');
    expect(comments(facts)).toEqual(['column:care.beds.ward@2:49-2:60 Ward code', 'table:care.beds@5:17-5:32 Beds per ward']);
  });

  it('reads Kysely builders: createTable().addColumn(), constraints, createIndex, createType', () => {
    const code = [
      'await db.schema',
      "  .createTable('beds')",
      "  .addColumn('ward', 'text', (col) => col.notNull())",
      "  .addColumn('person_id', 'integer', (col) => col.references('people.id'))",
      "  .addUniqueConstraint('beds_ward_key', ['ward'])",
      '  .execute();',
      "await db.schema.createIndex('beds_ward_idx').on('beds').column('ward').execute();",
      "await db.schema.createType('mood').asEnum(['calm', 'tense']).execute();",
    ].join('\n');
    const facts = extract(code);
    expect(names(facts)).toEqual([
      'table:beds@2:16-2:22',
      'column:ward<beds@3:14-3:20',
      'column:person_id<beds@4:14-4:25',
      'constraint:beds_ward_key<beds@5:24-5:39',
      'index:beds_ward_idx<beds@7:29-7:44',
      'type:mood@8:28-8:34',
      'enum-label:calm<mood@8:44-8:50',
      'enum-label:tense<mood@8:52-8:59',
    ]);
    expect(ofKind(facts, 'schema-name').find((f) => f.name === 'person_id')?.references).toBe('people');
  });

  it('leaves unrelated code alone (no facts, or no visitor at all)', () => {
    expect(extract("const x = items.map((i) => i.id); customElements.define('x-y', Widget);")).toEqual([]);
    expect(extract("app.listen(3000); const config = { type: 'module', logging: true };")).toEqual([]);
    expect(extract("Fastify({ logger: true }); const opts = { debug: true, port: 80 };")).toEqual([]);
  });
});

describe('ORM visitor: query logging settings', () => {
  it('reports Prisma log levels and $on(query) handlers that print params', () => {
    const code = [
      "const a = new PrismaClient({ log: ['query', 'error'] });",
      "const b = new PrismaClient({ log: [{ level: 'query', emit: 'event' }] });",
      "const c = new PrismaClient({ log: ['warn', 'error'] });",
      "b.$on('query', (e) => logger.debug({ sql: e.query, params: e.params }));",
      "b.$on('query', (e) => logger.debug({ sql: e.query, ms: e.duration }));",
    ].join('\n');
    expect(settings(extract(code))).toEqual([
      "prisma.log=['query', 'error']@1",
      "prisma.log=[{ level: 'query', emit: 'event' }]@2",
      'prisma.$on-query=a query event handler that prints params@4',
    ]);
  });

  it('reports TypeORM, Sequelize, Knex, Kysely, Drizzle, MikroORM and OpenTelemetry settings that log queries', () => {
    const code = [
      "export default new DataSource({ type: 'postgres', logging: 'all' });",
      "const ok = new DataSource({ type: 'postgres', logging: ['error', 'schema'] });",
      "const seq = new Sequelize(url, { logging: console.log, benchmark: true });",
      "const quiet = { dialect: 'postgres', logging: false, logQueryParameters: true };",
      "const k = knex({ client: 'pg', debug: true });",
      "const ky = new Kysely({ dialect, log: ['query'] });",
      'const d = drizzle(pool, { logger: new DefaultLogger() });',
      "export const mikro = { driver: PostgreSqlDriver, dbName: 'x', debug: ['query-params'] };",
      "const pg = { '@opentelemetry/instrumentation-pg': { enhancedDatabaseReporting: true } };",
      'class QueryLogger { logQuery(query: string, params: unknown[]) { console.log(query, params); } }',
    ].join('\n');
    expect(settings(extract(code))).toEqual([
      "typeorm.logging='all'@1",
      'sequelize.logging=console.log@3',
      'knex.debug=true@5',
      "kysely.log=['query']@6",
      'drizzle.logger=DefaultLogger@7',
      "mikro-orm.debug=['query-params']@8",
      'opentelemetry.enhancedDatabaseReporting=true@9',
      'drizzle.logger=a custom logQuery that prints params@10',
    ]);
  });

  it('marks settings behind an explicit development-only condition', () => {
    const code = [
      "const isDev = process.env.NODE_ENV === 'development';",
      "const a = new PrismaClient({ log: isDev ? ['query'] : ['error'] });",
      "const b = new PrismaClient({ log: process.env.NODE_ENV !== 'production' ? ['query'] : [] });",
      "if (process.env.NODE_ENV === 'development') { db = drizzle(pool, { logger: true }); }",
      "module.exports = { development: { client: 'pg', debug: true }, production: { client: 'pg', debug: true } };",
    ].join('\n');
    expect(settings(extract(code))).toEqual([
      "prisma.log=['query']@2 dev",
      "prisma.log=['query']@3",
      'drizzle.logger=true@4 dev',
      'knex.debug=true@5 dev',
      'knex.debug=true@5',
    ]);
  });
});

describe('ORM visitor: cost', () => {
  it('adds little to ts.createSourceFile on a realistic mix of ORM and ordinary code', () => {
    const block = (i: number) =>
      `export const t${i} = pgTable('t_${i}', { id: uuid('id').primaryKey(), name: text('name_${i}').notNull() });\n` +
      Array.from({ length: 8 }, (_, k) => `export function f${i}_${k}(a: number) { const r = items.filter((x) => x.id === a).map((x) => ({ ...x, at: Date.now() })); if (r.length > 2) { logger.info('many', { count: r.length }); } return r; }\n`).join('');
    const code = Array.from({ length: 1500 }, (_, i) => block(i)).join('');
    const time = (fn: () => void) => {
      const s = performance.now();
      fn();
      return performance.now() - s;
    };
    let sf = ts.createSourceFile('warm.ts', code, ts.ScriptTarget.Latest, false);
    const parse = time(() => (sf = ts.createSourceFile('big.ts', code, ts.ScriptTarget.Latest, false)));
    const go = (n: ts.Node): void => ts.forEachChild(n, go);
    const walkOnly = time(() => go(sf));
    let facts = 0;
    const visit = time(() => {
      const visitor = ormVisitor({ sourceFile: sf, path: 'big.ts', lines: new LineIndex(code) })!;
      const walk = (n: ts.Node): void => {
        visitor.visit?.(n);
        ts.forEachChild(n, walk);
      };
      walk(sf);
      facts = visitor.finish().length;
    });
    expect(facts).toBe(1500 * 5);
    expect(visit - walkOnly).toBeLessThan(parse * 0.5);
  });
});
