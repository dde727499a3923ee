/**
 * fast-check generators for fuzzing: PHI-like values (invented names, random SSNs, dates and
 * MRNs) planted in SQL-ish, TS-ish, YAML-ish and other file-shaped text, plus raw noise.
 */
import fc from 'fast-check';
import type { FileKind } from '../../src/extract/types.js';

const GIVEN = ['Theodora', 'Marisol', 'Evander', 'Priya', 'Lucian', 'Ingrid', 'Desmond', 'Anneliese', 'Kwame', 'Rosalind'];
const FAMILY = ['Quist', 'Okonkwo', 'Vasquez-Lund', 'Abernathy', 'Tremblay', 'Nakashima', 'Oyelaran', 'Feldstein'];

export interface Planted {
  text: string;
  /** The values planted in it, for the masking property. */
  values: string[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const personName = fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...FAMILY)).map(([g, f]) => `${g} ${f}`);
// Valid SSN shape: area 001-665 or 667-899, group 01-99, serial 0001-9999.
export const ssn = fc
  .tuple(fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([a, g, s]) => `${pad(a, 3)}-${pad(g, 2)}-${pad(s, 4)}`);
export const date = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1930, max: 2020 }))
  .map(([m, d, y]) => `${pad(m, 2)}/${pad(d, 2)}/${y}`);
export const mrn = fc.integer({ min: 100_000, max: 99_999_999 }).map((n) => pad(n, 8));

/** A sentence a developer might write about a patient, with the values it plants. */
export const phiSentence: fc.Arbitrary<Planted> = fc
  .tuple(personName, ssn, date, mrn, fc.constantFrom('patient', 'member', 'pt', 'resident', 'customer', 'user'))
  .chain(([name, s, d, m, who]) =>
    fc
      .constantFrom(
        `${who} ${name} SSN ${s}`,
        `${who} ${name}, DOB ${d}`,
        `MRN ${m} for ${name}`,
        `${name} (DOB ${d}, SSN ${s})`,
        `seen ${d}: ${who} ${name} MRN ${m}`,
        `${who} ${name}`,
      )
      .map((text) => ({ text, values: [name, s, d, m].filter((v) => text.includes(v)) })),
  );

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const noise = fc.string({ maxLength: 12, unit: fc.constantFrom('(', ')', '{', '}', '[', ']', '"', "'", '`', ';', ',', '$', '\\', '-', '/', '*', '#', ':', '=', '<', '>', '%', ' ', '\t', '\u00e9', '\uFFFD', '\0') });

/** Lines from `line`, joined with mixed line endings and sprinkled with syntax noise. */
function document(line: fc.Arbitrary<Planted>, maxLines = 8): fc.Arbitrary<Planted> {
  return fc
    .array(fc.tuple(line, fc.option(noise, { freq: 4 }), lineEnding), { minLength: 0, maxLength: maxLines })
    .map((parts) => ({
      text: parts.map(([p, n, eol]) => `${p.text}${n ?? ''}${eol}`).join(''),
      values: parts.flatMap(([p]) => p.values),
    }));
}

const ident = fc.constantFrom('patients', 'visits', 'notes', 'dob', 'ssn', 'first_name', 'diagnosis', 'mrn', 'email', 'created_at', 'patient_id');
const q = (s: string) => s.replace(/'/g, "''");

const sqlLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident, ident).chain(([p, t, c]) =>
  fc.constantFrom<Planted>(
    { text: `-- ${p.text}`, values: p.values },
    { text: `/* ${p.text} */`, values: p.values },
    { text: `COMMENT ON COLUMN ${t}.${c} IS '${q(p.text)}';`, values: p.values },
    { text: `CREATE TABLE ${t} (${c} text, ${t}_${c} date);`, values: [] },
    { text: `INSERT INTO ${t} (${c}) VALUES ('${q(p.text)}');`, values: p.values },
    { text: `RAISE NOTICE '${q(p.text)}';`, values: p.values },
    { text: `DO $$ BEGIN RAISE EXCEPTION '${q(p.text)}'; END $$;`, values: p.values },
    { text: `\\set ON_ERROR_STOP on`, values: [] },
    { text: `SELECT (((${c}) FROM ${t}`, values: [] },
    { text: `CREATE TABLE \`${t}\` ([${c}] int)\nGO`, values: [] },
    { text: `COPY ${t} FROM stdin;\n${p.text}\n\\.`, values: p.values },
  ),
);

const tsLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident).chain(([p, c]) =>
  fc.constantFrom<Planted>(
    { text: `// ${p.text}`, values: p.values },
    { text: `/** ${p.text} */`, values: p.values },
    { text: `logger.info("${p.text}");`, values: p.values },
    { text: `console.log(\`${p.text} \${patient.${c}}\`);`, values: p.values },
    { text: `throw new Error('${p.text}');`, values: p.values },
    { text: `const record = { ${c}: "${p.text}" };`, values: p.values },
    { text: `Sentry.captureMessage("${p.text}", { extra: { ${c}: user.${c} } });`, values: p.values },
    { text: `await db.query("SELECT ${c} FROM patients WHERE note = '${p.text}'");`, values: p.values },
    { text: `export const ${c} = pgTable('patients', { ${c}: text('${c}') });`, values: [] },
    { text: `function f(x) { if (x) { return [x, (x`, values: [] },
    { text: `<div title="${p.text}">{patient.${c}}</div>`, values: p.values },
  ),
);

const yamlLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident, fc.integer({ min: 0, max: 6 })).chain(([p, c, indent]) => {
  const sp = ' '.repeat(indent);
  return fc.constantFrom<Planted>(
    { text: `${sp}${c}: ${p.text}`, values: p.values },
    { text: `${sp}# ${p.text}`, values: p.values },
    { text: `${sp}- "${p.text}"`, values: p.values },
    { text: `${sp}description: |\n${sp}  ${p.text}`, values: p.values },
    { text: `${sp}${c}: [${p.text}`, values: p.values },
    { text: `${sp}- label: ${c}\n${sp}  type: input`, values: [] },
  );
});

const keyValueLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident).chain(([p, c]) =>
  fc.constantFrom<Planted>(
    { text: `${c.toUpperCase()}="${p.text}"`, values: p.values },
    { text: `# ${p.text}`, values: p.values },
    { text: `export ${c.toUpperCase()}=${p.text}`, values: p.values },
    { text: `${c} = '${p.text}'`, values: p.values },
    { text: `log_statement = 'all'`, values: [] },
    { text: `echo "${p.text}" >> /var/log/app.log`, values: p.values },
    { text: `[${c}]`, values: [] },
  ),
);

const prismaLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident).chain(([p, c]) =>
  fc.constantFrom<Planted>(
    { text: `model Patient {`, values: [] },
    { text: `  ${c} String /// ${p.text}`, values: p.values },
    { text: `  ${c} String @default("${p.text}")`, values: p.values },
    { text: `// ${p.text}`, values: p.values },
    { text: `}`, values: [] },
    { text: `  @@map("${c}")`, values: [] },
  ),
);

const templateLine: fc.Arbitrary<Planted> = fc.tuple(phiSentence, ident).chain(([p, c]) =>
  fc.constantFrom<Planted>(
    { text: `<p>Dear {{patient.${c}}}, ${p.text}</p>`, values: p.values },
    { text: `{{!-- ${p.text} --}}`, values: p.values },
    { text: `<%= patient.${c} %> ${p.text}`, values: p.values },
    { text: `{% if patient.${c} %}${p.text}{% endif %}`, values: p.values },
    { text: `<input name="${c}" placeholder="${p.text}">`, values: p.values },
    { text: `{{#each`, values: [] },
  ),
);

const jsonDocument: fc.Arbitrary<Planted> = fc
  .tuple(fc.array(fc.tuple(ident, phiSentence), { maxLength: 5 }), fc.nat(), fc.boolean())
  .map(([entries, cut, truncate]) => {
    const text = JSON.stringify(
      { name: 'clinic', macros: entries.map(([k, p]) => ({ title: k, [k]: p.text, actions: [{ value: p.text }] })) },
      null,
      2,
    );
    return { text: truncate && text.length > 1 ? text.slice(0, cut % text.length) : text, values: entries.flatMap(([, p]) => p.values) };
  });

/** Structured text for a file kind, with the values planted in it. */
export function plantedFor(kind: FileKind): fc.Arbitrary<Planted> {
  switch (kind) {
    case 'sql':
      return document(sqlLine);
    case 'typescript':
      return document(tsLine);
    case 'yaml':
    case 'issue-form':
      return document(yamlLine);
    case 'json':
    case 'package-json':
    case 'helpdesk':
      return jsonDocument;
    case 'prisma':
      return document(prismaLine);
    case 'template':
      return document(templateLine);
    default:
      return document(keyValueLine);
  }
}

/** A path that leads discovery and the extractors to the kind. */
export const PATH_OF_KIND: Record<FileKind, string> = {
  sql: 'db/migrations/001_init.sql',
  'postgresql-conf': 'postgresql.conf',
  typescript: 'src/app.tsx',
  prisma: 'prisma/schema.prisma',
  template: 'templates/visit.hbs',
  'issue-form': '.github/ISSUE_TEMPLATE/bug.yml',
  helpdesk: 'zendesk/macros.json',
  'package-json': 'package.json',
  env: '.env',
  shell: 'scripts/run.sh',
  yaml: 'config/app.yaml',
  json: 'config/app.json',
  toml: 'config/app.toml',
  other: 'README',
};

/** Arbitrary text: any UTF-16 (lone surrogates included) or the syntax noise above. */
export const anyText = fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.string({ maxLength: 200, unit: 'grapheme' }), noise);
