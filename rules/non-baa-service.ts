import type { DependencyFact } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';

interface Options {
  services: string[];
  covered: string[];
}

/** A service outside the BAA and the ways a project shows that it uses it. */
interface Service {
  id: string;
  name: string;
  /** npm packages (a package also matches its subpaths) and `module#export` names. */
  packages: string[];
  /** Tested against URLs, Neon API paths, `neon-api:<method>` calls and `env:<NAME>` variables. */
  patterns: RegExp[];
  /** SQL schemas whose tables belong to the service. */
  schemas: string[];
}

/**
 * Neon's HIPAA documentation lists Neon Auth and the Neon Data API as not covered by its BAA.
 * Package names and URL shapes follow Neon's docs: `@neondatabase/auth` and `@neondatabase/neon-js`
 * (auth + Data API), `@neondatabase/postgrest-js` (Data API), `*.neonauth.*.neon.tech` and
 * `*.apirest.*.neon.tech` endpoints, and the management API's `/branches/{id}/auth` and
 * `/branches/{id}/data-api/{db}`.
 */
export const DEFAULT_SERVICES: readonly Service[] = [
  {
    id: 'neon-auth',
    name: 'Neon Auth',
    packages: ['@neondatabase/auth', '@neondatabase/auth-ui', '@neondatabase/neon-js', 'drizzle-orm/neon#usersSync'],
    patterns: [
      /\.neonauth\.[\w.-]*neon\.(?:tech|build)/i,
      /\/projects\/[^/\s]+\/branches\/[^/\s]+\/auth(?:[/?#]|$)/,
      /\/projects\/auth\/create(?:[/?#]|$)/,
      /^neon-api:createNeonAuth/,
      /(?:^env:|_)NEON_AUTH(?:_|$)/,
    ],
    schemas: ['neon_auth'],
  },
  {
    id: 'neon-data-api',
    name: 'the Neon Data API',
    packages: ['@neondatabase/postgrest-js', '@neondatabase/neon-js'],
    patterns: [
      /\.apirest\.[\w.-]*neon\.(?:tech|build)/i,
      /\/branches\/[^/\s]+\/data-api(?:[/?#]|$)/,
      /^neon-api:createProjectBranchDataApi$/i,
      /(?:^env:|_)NEON_DATA_API(?:_|$)/,
    ],
    schemas: [],
  },
];

const HOW: Record<DependencyFact['via'], string> = {
  'package.json': 'dependency',
  import: 'import',
  url: 'endpoint',
  sql: 'SQL reference',
  env: 'environment setting',
  'api-call': 'API call',
  other: 'reference',
};

export default defineRule<Options>({
  id: 'phi/non-baa-service',
  scope: 'project',
  meta: {
    description: 'Use of a service that the Business Associate Agreement does not cover (by default Neon Auth and the Neon Data API).',
    severity: 'error',
    categories: ['baa'],
    messages: {
      notCovered: '{{service}} is not covered by the Business Associate Agreement ({{how}}: {{what}}); it must not store or transmit PHI.',
    },
    schema: {
      services: {
        type: 'string[]',
        description: 'More services outside the BAA, each "Name=pattern": an npm package, `env:VARIABLE`, or a URL pattern with `://` (`*` matches anything).',
      },
      covered: { type: 'string[]', description: 'Services (name or id, e.g. "neon-auth") that your BAA does cover: not reported.' },
    },
    defaultOptions: { services: [], covered: [] },
    docs: { description: 'Services outside the BAA', tags: ['hipaa', 'baa'], securitySeverity: 7 },
    help: 'Keep PHI away from services your BAA does not cover: replace them (for example your own auth or a direct Postgres connection), or get them added to the BAA and list them under `covered`.',
  },
  check({ files, options, report }) {
    const covered = new Set(options.covered.map((c) => c.toLowerCase()));
    const services = [...DEFAULT_SERVICES, ...customServices(options.services)].filter(
      (s) => !covered.has(s.id.toLowerCase()) && !covered.has(s.name.toLowerCase()) && !covered.has(s.name.replace(/^the /i, '').toLowerCase()),
    );
    if (!services.length) return;
    const reported = new Set<string>();
    for (const { file, facts } of files) {
      for (const fact of facts) {
        if (fact.kind !== 'dependency') continue;
        const service = services.find((s) => uses(s, fact));
        if (!service) continue;
        const key = `${file.path}\0${fact.span.line}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const what = describe(fact);
        report({
          messageId: 'notCovered',
          data: { service: service.name.replace(/^the /, 'The '), how: HOW[fact.via], what },
          path: file.path,
          span: fact.span,
          category: 'baa',
          evidence: what,
          context: `${service.id}\0${fact.via}\0${what}`,
        });
      }
    }
  },
});

function uses(service: Service, fact: DependencyFact): boolean {
  if (fact.via === 'package.json' || fact.via === 'import') {
    if (service.packages.some((p) => fact.name === p || (!p.includes('#') && fact.name.startsWith(`${p}/`)))) return true;
  }
  if (fact.via === 'sql') return service.schemas.some((s) => fact.name.toLowerCase().startsWith(`${s}.`));
  return service.patterns.some((p) => p.test(fact.name));
}

/** What the message shows: package and variable names as they are, URLs as their host and path shape only. */
function describe(fact: DependencyFact): string {
  if (fact.name.includes('://')) {
    const m = /^[a-z][\w+.-]*:\/\/(?:[^@/\s]*@)?([^/?#\s]*)([^?#\s]*)/i.exec(fact.name);
    const path = (m?.[2] ?? '').replace(/\/[^/]*(?:[{$]|\d{3})[^/]*/g, '/{}');
    return `${m?.[1] ?? 'a URL'}${path}`;
  }
  return fact.name;
}

/** `"Acme Analytics=@acme/analytics"`, `"Acme=https://*.acme.io/*"`, `"Acme=env:ACME_API_KEY"`. */
export function customServices(entries: readonly string[]): Service[] {
  const byName = new Map<string, Service>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = (eq > 0 ? entry.slice(0, eq) : entry).trim();
    const pattern = (eq > 0 ? entry.slice(eq + 1) : entry).trim();
    if (!name || !pattern) continue;
    const service = byName.get(name) ?? { id: name.toLowerCase().replace(/\s+/g, '-'), name, packages: [], patterns: [], schemas: [] };
    byName.set(name, service);
    if (pattern.includes('://') || pattern.startsWith('env:')) service.patterns.push(globToRegExp(pattern));
    else service.packages.push(pattern.replace(/\/\*$/, ''));
  }
  return [...byName.values()];
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^\\s]*');
  return new RegExp(glob.startsWith('env:') ? `^${body}$` : `^${body}`, 'i');
}
