/**
 * A realistic health-tech monorepo from a fixed seed: service packages with Express route
 * handlers, Sentry and logger calls, TypeORM entities, Prisma client code and schemas, SQL
 * migrations, React components and tests. About one file in forty carries a planted violation
 * (PHI in a log, an error message, a Sentry context or a comment), as real code does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migration } from './generate-sql.mjs';
import { createRandom } from './random.mjs';

const DOMAINS = ['appointment', 'encounter', 'claim', 'invoice', 'referral', 'prescription', 'labOrder', 'immunization', 'consent', 'schedule', 'provider', 'payer', 'careTeam', 'coverage', 'message', 'task', 'document', 'device', 'location', 'auditEvent'];
const SAFE_FIELDS = ['id', 'status', 'createdAt', 'updatedAt', 'clinicId', 'providerId', 'amountCents', 'currency', 'priority', 'version', 'source', 'channel', 'externalRef', 'startsAt', 'endsAt', 'durationMinutes', 'reasonCode', 'isActive', 'archivedAt', 'retryCount'];
const PHI_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'ssn', 'mrn', 'email', 'phone', 'diagnosisCode', 'homeAddress', 'insuranceMemberId'];
const PEOPLE = [['Odalys', 'Brennan'], ['Tobias', 'Achebe'], ['Mireille', 'Kowalczyk'], ['Ramon', 'Lindqvist'], ['Ines', 'Halvorsen'], ['Kofi', 'Marchetti']];
const SERVICES = ['intake', 'billing', 'scheduling', 'pharmacy', 'labs', 'messaging', 'portal', 'analytics', 'identity', 'claims', 'referrals', 'documents', 'notifications', 'telehealth', 'care-plans', 'devices', 'payments', 'reporting', 'admin', 'search', 'audit', 'coverage', 'tasks', 'providers', 'gateway'];
const VERBS = ['load', 'list', 'create', 'update', 'archive', 'sync', 'reconcile', 'export', 'validate', 'schedule'];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const kebab = (s) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function fields(rng, min, max) {
  const picked = new Set(['id', 'status', 'createdAt']);
  const count = rng.int(min, max);
  while (picked.size < count) picked.add(rng.chance(0.2) ? rng.pick(PHI_FIELDS) : rng.pick(SAFE_FIELDS));
  return [...picked];
}

/** A violation planted in about one file in forty. */
function planted(rng, domain) {
  const [given, family] = rng.pick(PEOPLE);
  switch (rng.int(0, 4)) {
    case 0:
      return `    logger.info('${domain} loaded for patient', { dob: patient.dateOfBirth, ssn: patient.ssn });\n`;
    case 1:
      return `    throw new Error(\`No coverage for \${patient.firstName} \${patient.lastName} (MRN \${patient.mrn})\`);\n`;
    case 2:
      return `    Sentry.setUser({ id: patient.id, email: patient.email });\n`;
    case 3:
      return `    // TODO: ${given} ${family} (DOB 1984-03-12) keeps getting duplicate ${domain} rows; ask billing\n`;
    default:
      return `    console.log('patient record', patient);\n`;
  }
}

function routeFile(rng, service, domain) {
  const type = cap(domain);
  const violation = rng.chance(0.025) ? planted(rng, domain) : '';
  const handlers = [];
  for (let i = 0, n = rng.int(6, 11); i < n; i++) {
    const verb = rng.pick(VERBS);
    const method = verb === 'list' || verb === 'load' || verb === 'export' ? 'get' : verb === 'archive' ? 'delete' : 'post';
    handlers.push(`
/** ${cap(verb)} ${domain} records for the signed-in clinic (${service} service). */
${domain}Router.${method}('/${kebab(domain)}s${i ? `/:id/${verb}` : ''}', requireClinic, async (req: Request, res: Response) => {
  const started = Date.now();
  try {
    const patient = await patients.byId(req.params.id ?? '');
    const result = await service.${verb}${type}(req.params.id ?? '', req.body as ${type}Input);
${i === 0 ? violation : ''}    logger.info('${domain} ${verb} done', { ${domain}Id: result.id, status: result.status, clinicId: req.clinicId, ms: Date.now() - started });
    metrics.increment('${service}.${domain}.${verb}', { outcome: 'ok' });
    res.status(${method === 'post' ? 201 : 200}).json(toDto(result, patient.id));
  } catch (error) {
    Sentry.captureException(error, { tags: { route: '${kebab(domain)}s', verb: '${verb}' }, extra: { ${domain}Id: req.params.id } });
    logger.error('${domain} ${verb} failed', { error: (error as Error).message, requestId: req.id });
    res.status(500).json({ error: 'internal_error', requestId: req.id });
  }
});
`);
  }
  return `import { Router, type Request, type Response } from 'express';
import * as Sentry from '@sentry/node';
import { logger } from '../lib/logger';
import { metrics } from '../lib/metrics';
import { requireClinic } from '../middleware/require-clinic';
import { ${type}Service, type ${type}Input } from '../services/${kebab(domain)}-service';
import { PatientDirectory } from '../services/patient-directory';
import { toDto } from './dto';

export const ${domain}Router = Router();
const service = new ${type}Service();
const patients = new PatientDirectory();
${handlers.join('')}`;
}

function serviceFile(rng, _service, domain) {
  const type = cap(domain);
  const cols = fields(rng, 5, 12);
  const methods = VERBS.slice(0, rng.int(4, VERBS.length)).map(
    (verb) => `
  /** ${cap(verb)}s one ${domain}; idempotent, retried by the queue on failure. */
  async ${verb}${type}(id: string, input: ${type}Input): Promise<${type}Row> {
    const row = await prisma.${domain}.${verb === 'create' ? 'create' : 'update'}({
      where: { id },
      data: { ${cols.filter((c) => c !== 'id').slice(0, 4).map((c) => `${c}: input.${c}`).join(', ')} },
      select: { ${cols.map((c) => `${c}: true`).join(', ')} },
    });
    if (!row) throw new NotFoundError(\`${domain} \${id} not found\`);
    logger.debug('${domain} ${verb}', { id: row.id, status: row.status });
    await this.events.publish('${kebab(domain)}.${verb}d', { id: row.id, at: new Date().toISOString() });
    return row as ${type}Row;
  }
`,
  );
  return `import { PrismaClient } from '@prisma/client';
import { logger } from '../lib/logger';
import { EventBus } from '../lib/events';
import { NotFoundError } from '../lib/errors';

const prisma = new PrismaClient({ log: ['warn', 'error'] });

export interface ${type}Input {
${cols.map((c) => `  ${c}?: string;`).join('\n')}
}

export type ${type}Row = Required<${type}Input>;

export class ${type}Service {
  constructor(private readonly events = new EventBus('${kebab(domain)}')) {}
${methods.join('')}
  async count(clinicId: string): Promise<number> {
    return prisma.${domain}.count({ where: { clinicId } });
  }
}
`;
}

function entityFile(rng, _service, domain) {
  const type = cap(domain);
  const cols = fields(rng, 6, 14);
  const columns = cols
    .filter((c) => c !== 'id')
    .map((c) => {
      const kind = /At$/.test(c) ? `@Column({ name: '${snake(c)}', type: 'timestamptz', nullable: true })` : c === 'amountCents' || c === 'retryCount' ? `@Column({ name: '${snake(c)}', type: 'integer', default: 0 })` : `@Column({ name: '${snake(c)}', type: 'text', nullable: ${rng.chance(0.5)} })`;
      return `  ${kind}\n  ${c}!: ${/At$/.test(c) ? 'Date' : c === 'amountCents' || c === 'retryCount' ? 'number' : 'string'};\n`;
    });
  return `import { Entity, PrimaryGeneratedColumn, Column, Index, ManyToOne, JoinColumn } from 'typeorm';
import { Clinic } from './clinic.entity';

/** ${type} as stored by the ${domain} workflow. */
@Entity({ name: '${snake(domain)}s' })
@Index(['clinicId', 'createdAt'])
export class ${type} {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

${columns.join('\n')}
  @ManyToOne(() => Clinic, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clinic_id' })
  clinic!: Clinic;
}
`;
}

function componentFile(rng, _service, domain) {
  const type = cap(domain);
  return `import { useEffect, useState } from 'react';
import { api } from '../api';

interface Props {
  clinicId: string;
  onSelect(id: string): void;
}

/** Table of ${domain} records; paging is server-side. */
export function ${type}Table({ clinicId, onSelect }: Props) {
  const [rows, setRows] = useState<{ id: string; status: string }[]>([]);
  const [page, setPage] = useState(0);
  useEffect(() => {
    let cancelled = false;
    api.get(\`/${kebab(domain)}s?clinic=\${clinicId}&page=\${page}\`).then((data) => {
      if (!cancelled) setRows(data.items);
    });
    return () => {
      cancelled = true;
    };
  }, [clinicId, page]);
  return (
    <table className="data-table">
      <thead>
        <tr><th>Id</th><th>Status</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} onClick={() => onSelect(row.id)}>
            <td>{row.id}</td>
            <td>{row.status}</td>
          </tr>
        ))}
      </tbody>
      <tfoot><tr><td><button onClick={() => setPage(page + ${rng.int(1, 2)})}>Next</button></td></tr></tfoot>
    </table>
  );
}
`;
}

function testFile(rng, _service, domain) {
  const type = cap(domain);
  const [given, family] = rng.pick(PEOPLE);
  return `import { describe, expect, it } from 'vitest';
import { ${type}Service } from '../src/services/${kebab(domain)}-service';

// Fake fixture data: test folders may hold made-up PHI on purpose.
const patient = { firstName: '${given}', lastName: '${family}', dateOfBirth: '1979-0${rng.int(1, 9)}-1${rng.int(0, 9)}' };

describe('${type}Service', () => {
  it('creates and counts', async () => {
    const service = new ${type}Service();
    const row = await service.create${type}('x', { status: 'new' });
    expect(row.status).toBe('new');
    expect(await service.count('clinic-1')).toBeGreaterThan(0);
    expect(patient.lastName).toBe('${family}');
  });
});
`;
}

function prismaSchema(rng, service) {
  const models = Array.from({ length: rng.int(6, 14) }, (_, i) => {
    const domain = rng.pick(DOMAINS);
    const cols = fields(rng, 5, 12).filter((c) => c !== 'id');
    return `/// ${cap(domain)} records of the ${service} service.
model ${cap(domain)}${i} {
  id        String   @id @default(uuid())
${cols.map((c) => `  ${c.padEnd(9)} ${/At$/.test(c) ? 'DateTime' : c === 'amountCents' || c === 'retryCount' ? 'Int     ' : 'String? '} ${/At$/.test(c) ? '@default(now())' : ''} @map("${snake(c)}")`).join('\n')}

  @@map("${snake(domain)}_${i}")
  @@index([createdAt])
}
`;
  });
  return `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

${models.join('\n')}`;
}

/** The licence and ownership header most files in a company monorepo start with. */
function header(service, domain) {
  return `/**
 * Copyright (c) Care Platform, Inc. All rights reserved.
 * Licensed under the company source licence; see LICENSE.md at the repository root.
 *
 * Package: @care/${service}
 * Module:  ${domain}
 * Owners:  team-${service} (code review required from a second team member)
 *
 * Data handling: this module may receive records that contain protected health information.
 * Follow the logging guide (docs/logging.md): log identifiers, never names, dates or contact
 * details, and send errors to Sentry only through the scrubbed client in src/lib/sentry.
 */
`;
}

const LIB = {
  'src/lib/logger.ts': `import pino from 'pino';\n\nexport const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] });\n`,
  'src/lib/metrics.ts': `export const metrics = { increment(name: string, tags: Record<string, string> = {}) { void name; void tags; } };\n`,
  'src/lib/errors.ts': `export class NotFoundError extends Error {}\n`,
  'src/lib/events.ts': `export class EventBus { constructor(readonly topic: string) {} async publish(type: string, body: object) { void type; void body; } }\n`,
  'src/middleware/require-clinic.ts': `import type { NextFunction, Request, Response } from 'express';\n\nexport function requireClinic(req: Request, res: Response, next: NextFunction) {\n  if (!req.headers['x-clinic-id']) return res.status(403).json({ error: 'clinic_required' });\n  next();\n}\n`,
};

/**
 * Writes the monorepo under `dir`. `scale` 1 gives 5,000+ TypeScript files, 500 SQL migrations
 * and 20 Prisma schemas. Returns counts and bytes.
 */
export function generateMonorepo(dir, { scale = 1, seed = 20240917 } = {}) {
  const rng = createRandom(seed);
  const stats = { files: 0, bytes: 0, ts: 0, tsBytes: 0, sql: 0, sqlBytes: 0, prisma: 0, tsFiles: [], sqlFiles: [] };
  const write = (path, text) => {
    const absolute = join(dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    const bytes = Buffer.byteLength(text);
    stats.files++;
    stats.bytes += bytes;
    if (/\.tsx?$/.test(path)) {
      stats.ts++;
      stats.tsBytes += bytes;
      stats.tsFiles.push(absolute);
    } else if (path.endsWith('.sql')) {
      stats.sql++;
      stats.sqlBytes += bytes;
      stats.sqlFiles.push(absolute);
    } else if (path.endsWith('.prisma')) stats.prisma++;
  };

  const tsTarget = Math.ceil(5000 * scale);
  const sqlTarget = Math.ceil(500 * scale);
  const prismaTarget = Math.max(1, Math.ceil(20 * scale));
  const services = Array.from({ length: Math.max(2, Math.ceil(SERVICES.length * Math.min(1, scale * 4))) }, (_, i) => `${SERVICES[i % SERVICES.length]}${i >= SERVICES.length ? `-${Math.floor(i / SERVICES.length)}` : ''}`);

  write('package.json', `${JSON.stringify({ name: 'care-platform', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '^5.6.0' } }, null, 2)}\n`);
  write('.env.example', 'DATABASE_URL=postgres://app:app@localhost:5432/care\nLOG_LEVEL=info\nSESSION_SECRET=change-me\n');
  write(
    'packages/gateway-session/src/session.ts',
    `import session from 'express-session';\n\nexport const sessions = session({\n  secret: process.env.SESSION_SECRET ?? '',\n  rolling: true,\n  cookie: { httpOnly: true, secure: true, maxAge: 15 * 60 * 1000 },\n});\n`,
  );
  for (const [i, service] of services.entries()) {
    write(`packages/${service}/package.json`, `${JSON.stringify({ name: `@care/${service}`, version: '1.0.0', dependencies: { express: '^4.21.0', '@sentry/node': '^8.0.0', '@prisma/client': '^5.20.0', typeorm: '^0.3.20', pino: '^9.0.0', ...(i === 3 ? { '@neondatabase/auth': '^0.1.0' } : {}) } }, null, 2)}\n`);
    for (const [path, text] of Object.entries(LIB)) write(`packages/${service}/${path}`, text);
    write(`packages/${service}/src/routes/dto.ts`, `export function toDto<T extends { id: string }>(row: T, patientId: string) {\n  return { ...row, patientRef: patientId.slice(0, 8) };\n}\n`);
    write(`packages/${service}/src/services/patient-directory.ts`, `export class PatientDirectory {\n  async byId(id: string) {\n    return { id, firstName: '', lastName: '', dateOfBirth: '', ssn: '', mrn: '', email: '' };\n  }\n}\n`);
  }
  const kinds = [routeFile, serviceFile, entityFile, componentFile, testFile];
  for (let i = 0; stats.ts < tsTarget; i++) {
    const service = services[i % services.length];
    const domain = rng.pick(DOMAINS);
    const kind = kinds[i % kinds.length];
    const n = Math.floor(i / services.length);
    const path =
      kind === routeFile ? `src/routes/${kebab(domain)}-${n}.routes.ts`
      : kind === serviceFile ? `src/services/${kebab(domain)}-${n}-service.ts`
      : kind === entityFile ? `src/entities/${kebab(domain)}-${n}.entity.ts`
      : kind === componentFile ? `web/components/${cap(domain)}${n}Table.tsx`
      : `test/${kebab(domain)}-${n}.test.ts`;
    write(`packages/${service}/${path}`, header(service, domain) + kind(rng, service, domain));
  }
  for (let i = 0; i < sqlTarget; i++) {
    write(`packages/${services[i % services.length]}/migrations/${String(i).padStart(5, '0')}_${rng.pick(VERBS)}.sql`, migration(rng, i));
  }
  for (let i = 0; i < prismaTarget; i++) {
    const service = services[i % services.length];
    write(`packages/${service}/prisma${i >= services.length ? `-${i}` : ''}/schema.prisma`, prismaSchema(rng, service));
  }
  return stats;
}
