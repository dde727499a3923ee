/**
 * Session lifetimes configured in TypeScript/JavaScript: session middleware, auth libraries,
 * JWT lifetimes, front-end idle timers and PostgreSQL client options. Values follow each
 * library's unit; facts follow src/extract/config/session-keys.ts.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isCallExpression, isIdentifier, isJsxAttribute, isJsxExpression, isNewExpression, isPropertyAccessExpression, isTypeReferenceNode } from '../typescript/tsapi.js';
import type { Fact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import { nodeSpan } from '../typescript/context.js';
import { parseDuration } from '../config/duration.js';
import { DB_IDLE_SESSION_TIMEOUT, SESSION_ABSOLUTE, SESSION_IDLE, librarySessionDefault, sessionSetting, type SessionKey } from '../config/session-keys.js';
import type { Binding, Imports } from './imports.js';
import { hasOpaqueSpread, propertyPath, unwrap, type FileValues } from './values.js';

const MS = 0.001;
const DAY = 86400;

interface SettingSpec {
  path: string[];
  key: SessionKey;
  /** Seconds per unit of a bare number. */
  unit: number;
  /** Seconds per unit of a unitless string (`ms` strings are milliseconds). */
  stringUnit?: number;
}

interface Library {
  scope: string;
  /** Module names; a trailing `/` matches every module under it (`@auth/`). */
  modules: string[];
  /** Imported names whose call takes the options (`default` for a default import or whole require). */
  callees: string[];
  /** Which argument holds the options. */
  arg: number | 'last';
  settings: SettingSpec[];
  /** Other options that set an expiry this scanner does not measure (`cookie.expires`). */
  alsoSets?: string[][];
  /** Seconds of the library's default lifetime; `null` for never expires; absent for no default finding. */
  defaultSeconds?: number | null;
  defaultKey?: SessionKey;
  /** Type names of a complete options object declared on its own (`NextAuthOptions`). */
  optionTypes?: string[];
  /** Options are passed to `register(plugin, options)` (Fastify). */
  plugin?: boolean;
  isNew?: boolean;
}

const LIBRARIES: Library[] = [
  {
    scope: 'express-session',
    modules: ['express-session'],
    callees: ['default', '*'],
    arg: 0,
    settings: [{ path: ['cookie', 'maxAge'], key: SESSION_IDLE, unit: MS }],
    alsoSets: [['cookie', 'expires']],
    defaultSeconds: null,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: 'cookie-session',
    modules: ['cookie-session'],
    callees: ['default', '*'],
    arg: 0,
    settings: [{ path: ['maxAge'], key: SESSION_IDLE, unit: MS }],
    alsoSets: [['expires']],
    defaultSeconds: null,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: 'koa-session',
    modules: ['koa-session'],
    callees: ['default', '*'],
    arg: 0,
    settings: [{ path: ['maxAge'], key: SESSION_IDLE, unit: MS }],
    defaultSeconds: DAY,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: '@fastify/session',
    modules: ['@fastify/session', 'fastify-session'],
    callees: ['default', '*'],
    arg: 1,
    plugin: true,
    settings: [{ path: ['cookie', 'maxAge'], key: SESSION_IDLE, unit: MS }],
    alsoSets: [['cookie', 'expires']],
    defaultSeconds: null,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: '@fastify/secure-session',
    modules: ['@fastify/secure-session', 'fastify-secure-session'],
    callees: ['default', '*'],
    arg: 1,
    plugin: true,
    settings: [{ path: ['expiry'], key: SESSION_IDLE, unit: 1 }],
    defaultSeconds: DAY,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: 'next-auth',
    modules: ['next-auth', '@auth/'],
    callees: ['default', 'NextAuth', 'Auth', 'ExpressAuth', 'SvelteKitAuth', 'QwikAuth', 'SolidAuth'],
    arg: 'last',
    settings: [{ path: ['session', 'maxAge'], key: SESSION_IDLE, unit: 1 }],
    defaultSeconds: 30 * DAY,
    defaultKey: SESSION_IDLE,
    optionTypes: ['NextAuthOptions', 'AuthOptions'],
  },
  {
    scope: 'iron-session',
    modules: ['iron-session'],
    callees: ['getIronSession', 'withIronSessionApiRoute', 'withIronSessionSsr', 'ironSession'],
    arg: 'last',
    settings: [{ path: ['ttl'], key: SESSION_IDLE, unit: 1 }],
    defaultSeconds: 14 * DAY,
    defaultKey: SESSION_IDLE,
    optionTypes: ['SessionOptions', 'IronSessionOptions'],
  },
  {
    scope: 'better-auth',
    modules: ['better-auth'],
    callees: ['betterAuth'],
    arg: 0,
    settings: [{ path: ['session', 'expiresIn'], key: SESSION_IDLE, unit: 1 }],
    defaultSeconds: 7 * DAY,
    defaultKey: SESSION_IDLE,
    optionTypes: ['BetterAuthOptions'],
  },
  {
    scope: 'lucia',
    modules: ['lucia'],
    callees: ['Lucia'],
    arg: 1,
    isNew: true,
    settings: [{ path: ['sessionExpiresIn'], key: SESSION_IDLE, unit: 1 }],
    defaultSeconds: 30 * DAY,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: 'jsonwebtoken',
    modules: ['jsonwebtoken'],
    callees: ['sign'],
    arg: 2,
    settings: [{ path: ['expiresIn'], key: SESSION_ABSOLUTE, unit: 1, stringUnit: MS }],
  },
  {
    scope: 'react-idle-timer',
    modules: ['react-idle-timer'],
    callees: ['useIdleTimer', 'withIdleTimer'],
    arg: 0,
    settings: [{ path: ['timeout'], key: SESSION_IDLE, unit: MS }],
    defaultSeconds: 20 * 60,
    defaultKey: SESSION_IDLE,
  },
  {
    scope: 'postgres',
    modules: ['postgres'],
    callees: ['default', '*'],
    arg: 'last',
    settings: [{ path: ['connection', 'idle_session_timeout'], key: DB_IDLE_SESSION_TIMEOUT as SessionKey, unit: MS }],
  },
];

/** `useIdle(ms)` hooks. */
const IDLE_HOOKS: Record<string, number> = { 'react-use': 60, '@mantine/hooks': 0, '@uidotdev/usehooks': 60 };
const IDLE_TIMER_COMPONENTS = new Set(['IdleTimerProvider', 'IdleTimer']);
const TIMESPAN_UNITS: Record<string, number> = { ms: MS, s: 1, m: 60, h: 3600, d: DAY, w: 7 * DAY };

const isUnder = (module: string, name: string) => module === name || module.startsWith(`${name}/`);

/** Whether the file imports a module whose options this finder reads (else no call can match). */
export function usesSessionLibrary(imports: Imports): boolean {
  for (const module of imports.modules) {
    if (module in IDLE_HOOKS || isUnder(module, 'jose')) return true;
    if (LIBRARIES.some((l) => l.modules.some((m) => isUnder(module, m.replace(/\/$/, ''))))) return true;
  }
  return false;
}

export class SessionFinder {
  private readonly seen = new Set<ts.Node>();

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly lines: LineIndex,
    private readonly values: FileValues,
    private readonly imports: Imports,
    private readonly facts: Fact[],
  ) {}

  /** Calls and `new` expressions that configure a library. */
  call(node: ts.CallExpression | ts.NewExpression): void {
    const args: readonly ts.Expression[] = node.arguments ?? [];
    const callee = unwrap(node.expression);
    if (isCallExpression(node) && isPropertyAccessExpression(callee) && callee.name.text === 'register' && args[0] && isIdentifier(unwrap(args[0]))) {
      const b = this.imports.binding((unwrap(args[0]) as ts.Identifier).text);
      const lib = b && LIBRARIES.find((l) => l.plugin && matches(l, b));
      if (lib) this.configure(lib, args[1], args[0]);
      return;
    }
    if (isCallExpression(node) && isPropertyAccessExpression(callee) && callee.name.text === 'setExpirationTime' && this.imports.uses('jose')) {
      this.jose(node);
      return;
    }
    const binding = this.calleeBinding(callee);
    if (!binding) return;
    if (binding.imported === 'useIdle' && binding.module in IDLE_HOOKS) {
      this.idleHook(node, binding.module);
      return;
    }
    const lib = LIBRARIES.find((l) => !l.plugin && Boolean(l.isNew) === isNewExpression(node) && matches(l, binding));
    if (!lib) return;
    const index = lib.arg === 'last' ? args.length - 1 : lib.arg;
    this.configure(lib, args[index], callee);
  }

  /** `const authOptions: NextAuthOptions = { ... }`. */
  typedOptions(node: ts.VariableDeclaration): void {
    const type = node.type;
    if (!type || !isTypeReferenceNode(type) || !node.initializer) return;
    const typeName = isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    const lib = LIBRARIES.find((l) => l.optionTypes?.includes(typeName) && l.modules.some((m) => this.imports.uses(m.replace(/\/$/, ''))));
    if (lib) this.configure(lib, node.initializer, node.name);
  }

  /** `<IdleTimerProvider timeout={...}>`. */
  jsx(node: ts.JsxOpeningLikeElement): void {
    if (!isIdentifier(node.tagName) || !IDLE_TIMER_COMPONENTS.has(node.tagName.text)) return;
    const b = this.imports.binding(node.tagName.text);
    if (!b || b.module !== 'react-idle-timer') return;
    for (const attr of node.attributes.properties) {
      if (!isJsxAttribute(attr) || !isIdentifier(attr.name) || attr.name.text !== 'timeout') continue;
      const init = attr.initializer;
      const expr = init && isJsxExpression(init) ? init.expression : init;
      if (!expr) continue;
      const value = this.values.number(expr as ts.Expression);
      this.facts.push(sessionSetting(SESSION_IDLE, expr.getText(this.sf), value === undefined ? undefined : value * MS, 'react-idle-timer', this.span(attr), 'typescript'));
      return;
    }
    this.facts.push(librarySessionDefault(SESSION_IDLE, 20 * 60, 'react-idle-timer', this.span(node.tagName), 'typescript'));
  }

  private calleeBinding(callee: ts.Expression): Binding | undefined {
    if (isIdentifier(callee)) return this.imports.binding(callee.text);
    if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) {
      const b = this.imports.binding(callee.expression.text);
      if (b && (b.imported === '*' || b.imported === 'default')) return { module: b.module, imported: callee.name.text };
    }
    return undefined;
  }

  private configure(lib: Library, arg: ts.Expression | undefined, at: ts.Node): void {
    const obj = this.values.object(arg);
    if (arg && !obj) return; // options this file cannot see (imported): nothing to judge
    if (obj) {
      if (this.seen.has(obj)) return;
      this.seen.add(obj);
    }
    let set = false;
    for (const spec of lib.settings) {
      const found = obj ? propertyPath(this.values, obj, spec.path) : undefined;
      if (!found) continue;
      set = true;
      const seconds = this.seconds(found.value, spec);
      this.facts.push(sessionSetting(spec.key, found.value.getText(this.sf), seconds, lib.scope, this.span(found.node), 'typescript'));
    }
    if (!set && obj && lib.alsoSets?.some((path) => propertyPath(this.values, obj, path))) set = true;
    if (set || lib.defaultSeconds === undefined || !lib.defaultKey) return;
    if (obj && hasOpaqueSpread(this.values, obj)) return;
    this.facts.push(librarySessionDefault(lib.defaultKey, lib.defaultSeconds ?? undefined, lib.scope, this.span(at), 'typescript'));
  }

  private seconds(value: ts.Expression, spec: SettingSpec): number | undefined {
    const n = this.values.number(value);
    if (n !== undefined) return n * spec.unit;
    const s = this.values.string(value);
    if (s !== undefined) return parseDuration(s, spec.stringUnit ?? spec.unit);
    const e = this.values.resolve(value);
    // lucia: new TimeSpan(30, 'd')
    if (isNewExpression(e) && isIdentifier(e.expression) && e.expression.text === 'TimeSpan' && e.arguments?.length === 2) {
      const amount = this.values.number(e.arguments[0]!);
      const unit = this.values.string(e.arguments[1]!);
      const factor = unit === undefined ? undefined : TIMESPAN_UNITS[unit];
      return amount === undefined || factor === undefined ? undefined : amount * factor;
    }
    return undefined;
  }

  private jose(node: ts.CallExpression): void {
    const arg = node.arguments[0];
    if (!arg) return;
    const text = this.values.string(arg);
    // a number is an absolute timestamp, not a lifetime
    if (text === undefined || this.values.number(arg) !== undefined) return;
    this.facts.push(sessionSetting(SESSION_ABSOLUTE, text, parseDuration(text.replace(/(?<!\s)\s*from now$/i, ''), 1), 'jose', this.span(node), 'typescript'));
  }

  private idleHook(node: ts.CallExpression | ts.NewExpression, module: string): void {
    const arg = node.arguments?.[0];
    const ms = arg ? this.values.number(arg) : undefined;
    if (arg) this.facts.push(sessionSetting(SESSION_IDLE, arg.getText(this.sf), ms === undefined ? undefined : ms * MS, module, this.span(node), 'typescript'));
    else if (IDLE_HOOKS[module]) this.facts.push(librarySessionDefault(SESSION_IDLE, IDLE_HOOKS[module], module, this.span(node.expression), 'typescript'));
  }

  private span(node: ts.Node) {
    return nodeSpan(this.lines, this.sf, node);
  }
}

function matches(lib: Library, b: Binding): boolean {
  const moduleOk = lib.modules.some((m) => (m.endsWith('/') ? b.module.startsWith(m) : b.module === m));
  return moduleOk && lib.callees.includes(b.imported);
}
