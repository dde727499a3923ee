/**
 * ORM settings that write SQL text or bind parameters to logs, as `setting` facts judged by
 * `phi/query-log-config`. Keys (lower-cased in the rule's table):
 *   prisma.log, prisma.$on-query, typeorm.logging, sequelize.logging, sequelize.logQueryParameters,
 *   drizzle.logger, knex.debug, kysely.log, mikro-orm.debug, opentelemetry.enhancedDatabaseReporting
 * Only values that do log queries become facts. A value behind an explicit development-only
 * condition is marked `developmentOnly`.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isBinaryExpression, isConditionalExpression, isElementAccessExpression, isIdentifier, isMethodDeclaration, isNewExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment } from '../typescript/tsapi.js';
import { arrayStrings, asFunction, asObject, chainOf, isStringLike, literalText, property, propertyName, unwrap, walk } from './ast.js';
import type { Emitter, OrmSource } from './emit.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

const DEV_NAMES = new Set(['development', 'dev', 'local']);
/** Every key `objectLiteral` looks at. */
const CONFIG_KEYS = new Set([
  'enhancedDatabaseReporting', 'logQueryParameters', 'benchmark', 'dialect', 'logging', 'type', 'entities', 'synchronize', 'migrations',
  'migrationsRun', 'autoLoadEntities', 'debug', 'client', 'driver', 'entitiesTs', 'dbName', 'clientUrl', 'logQuery',
]);

export class QueryLogSettings {
  /** Offsets [start, end) of code that only runs in development. */
  private readonly devRanges: [number, number][] = [];
  /** Identifiers bound to a development-only test (`const isDev = NODE_ENV === 'development'`). */
  private readonly devFlags = new Set<string>();
  private readonly seen = new Set<ts.Node>();

  constructor(
    private readonly em: Emitter,
    private readonly sf: ts.SourceFile,
  ) {}

  /** Records development-only regions: `if (isDev) {...}`, `isDev ? a : b`, `development: {...}`. */
  trackGuards(node: ts.Node): void {
    switch (node.kind) {
      case SyntaxKind.IfStatement: {
        const n = node as ts.IfStatement;
        this.guardedBranch(devTest(n.expression, this.devFlags), n.thenStatement, n.elseStatement);
        return;
      }
      case SyntaxKind.ConditionalExpression: {
        const n = node as ts.ConditionalExpression;
        this.guardedBranch(devTest(n.condition, this.devFlags), n.whenTrue, n.whenFalse);
        return;
      }
      case SyntaxKind.BinaryExpression: {
        const n = node as ts.BinaryExpression;
        if (n.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken && devTest(n.left, this.devFlags) === 'then') this.devRanges.push([n.right.pos, n.right.end]);
        return;
      }
      case SyntaxKind.PropertyAssignment: {
        const n = node as ts.PropertyAssignment;
        if (DEV_NAMES.has(propertyName(n.name) ?? '')) this.devRanges.push([n.initializer.pos, n.initializer.end]);
        return;
      }
      case SyntaxKind.VariableDeclaration: {
        const n = node as ts.VariableDeclaration;
        if (n.name.kind === SyntaxKind.Identifier && n.initializer && devTest(n.initializer, this.devFlags) === 'then') this.devFlags.add(n.name.text);
        return;
      }
      default:
        return;
    }
  }

  private guardedBranch(dev: ReturnType<typeof devTest>, whenDev: ts.Node, otherwise: ts.Node | undefined): void {
    const branch = dev === 'then' ? whenDev : dev === 'else' ? otherwise : undefined;
    if (branch) this.devRanges.push([branch.pos, branch.end]);
  }

  newExpression(node: ts.NewExpression): void {
    const callee = isIdentifier(node.expression) ? node.expression.text : isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
    const args = node.arguments ?? typescript.factory.createNodeArray<ts.Expression>();
    if (callee === 'PrismaClient') this.arrayLog('prisma', 'prisma.log', asObject(args[0]), 'PrismaClient options');
    else if (callee === 'Kysely') this.kysely(asObject(args[0]));
    else if (callee === 'Sequelize') for (const a of args) this.sequelize(asObject(a), true);
    else if (callee === 'DataSource') this.typeorm(asObject(args[0]), true);
  }

  call(node: ts.CallExpression): void {
    const chain = chainOf(node);
    const last = chain[chain.length - 1];
    if (!last?.args) return;
    if (chain.length === 1 && last.name === 'drizzle') {
      for (const a of last.args) this.drizzle(asObject(a));
    } else if (chain.length === 1 && (last.name === 'knex' || last.name === 'Knex')) {
      this.knex(asObject(last.args[0]), true);
    } else if (last.name === '$on' && isStringLike(last.args[0]) && last.args[0].text === 'query') {
      this.prismaOn(last.args[1]);
    } else if (last.name === 'createConnection' || last.name === 'forRoot') {
      this.typeorm(asObject(last.args[0]), true);
    }
  }

  /** Config objects recognised by their keys, wherever they are (knexfile, sequelize config, TypeORM factory). */
  objectLiteral(node: ts.ObjectLiteralExpression): void {
    if (this.seen.has(node)) return;
    // One pass over the keys, remembering only the ones the checks below ask about.
    let keys: Set<string> | undefined;
    for (const p of node.properties) {
      const name = p.name ? propertyName(p.name) : undefined;
      if (name !== undefined && CONFIG_KEYS.has(name)) (keys ??= new Set()).add(name);
    }
    if (!keys) return;
    const present = keys;
    const has = (k: string) => present.has(k);
    if (has('enhancedDatabaseReporting')) {
      const p = prop(node, 'enhancedDatabaseReporting');
      if (p && literalText(p.initializer) === 'true') this.set('typescript', 'opentelemetry.enhancedDatabaseReporting', 'true', p, 'OpenTelemetry pg instrumentation');
    }
    if (has('logQueryParameters') || has('benchmark') || (has('dialect') && has('logging'))) this.sequelize(node, false);
    if (has('logging') && has('type') && (has('entities') || has('synchronize') || has('migrations') || has('migrationsRun') || has('autoLoadEntities'))) this.typeorm(node, false);
    if (has('debug') && has('client')) this.knex(node, false);
    if (has('debug') && !has('client') && (has('driver') || has('entities') || has('entitiesTs') || has('dbName') || has('clientUrl'))) this.mikroOrm(node);
    if (has('logQuery')) this.customLogger(property(node, 'logQuery'));
  }

  /** `class QueryLogger implements Logger { logQuery(query, params) { ... } }` (Drizzle). */
  classDeclaration(node: ts.ClassDeclaration | ts.ClassExpression): void {
    for (const m of node.members) if (isMethodDeclaration(m) && propertyName(m.name) === 'logQuery') this.customLogger(m as unknown as ts.Expression);
  }

  private arrayLog(source: OrmSource, key: string, options: ts.ObjectLiteralExpression | undefined, scope: string): void {
    if (!options) return;
    this.seen.add(options);
    const p = prop(options, 'log');
    if (p) this.values(p.initializer, false, (value, node, dev) => {
      const levels = arrayStrings(value);
      if (levels?.includes('query')) this.set(source, key, this.text(value), node, scope, dev);
    });
  }

  private kysely(options: ts.ObjectLiteralExpression | undefined): void {
    if (!options) return;
    this.arrayLog('kysely', 'kysely.log', options, 'Kysely options');
    const log = property(options, 'log');
    const fn = log && (asFunction(log) ?? (isMethodDeclaration(log as ts.Node) ? (log as unknown as ts.MethodDeclaration) : undefined));
    if (!fn?.body) return;
    const at = findMember(fn.body, 'parameters');
    if (at) this.set('kysely', 'kysely.log', 'a log function that prints query.parameters', at, 'Kysely options');
  }

  private sequelize(options: ts.ObjectLiteralExpression | undefined, direct: boolean): void {
    if (!options || this.seen.has(options)) return;
    if (!direct && !(prop(options, 'dialect') || prop(options, 'logQueryParameters') || prop(options, 'benchmark'))) return;
    this.seen.add(options);
    const logging = prop(options, 'logging');
    const off = logging && literalText(logging.initializer) === 'false';
    if (off) return;
    const params = prop(options, 'logQueryParameters');
    const benchmark = prop(options, 'benchmark');
    const paramsOn = params && literalText(params.initializer) === 'true';
    const benchmarkOn = benchmark && literalText(benchmark.initializer) === 'true';
    if (paramsOn) this.set('sequelize', 'sequelize.logQueryParameters', 'true', params, 'Sequelize options');
    if (logging && (paramsOn || benchmarkOn)) this.set('sequelize', 'sequelize.logging', this.text(logging.initializer), logging, 'Sequelize options');
  }

  private typeorm(options: ts.ObjectLiteralExpression | undefined, direct: boolean): void {
    if (!options || this.seen.has(options)) return;
    if (!direct && !prop(options, 'type')) return;
    this.seen.add(options);
    const p = prop(options, 'logging');
    if (p) this.values(p.initializer, false, (value, node, dev) => {
      const text = literalText(value);
      const levels = arrayStrings(value);
      if (text === 'true' || text === 'all' || levels?.includes('query') || levels?.includes('all')) this.set('typeorm', 'typeorm.logging', this.text(value), node, 'TypeORM DataSource options', dev);
    });
  }

  private drizzle(options: ts.ObjectLiteralExpression | undefined): void {
    if (!options) return;
    const p = prop(options, 'logger');
    if (!p) return;
    this.values(p.initializer, false, (value, node, dev) => {
      const text = literalText(value);
      if (text === 'true') this.set('drizzle', 'drizzle.logger', 'true', node, 'drizzle() options', dev);
      else if (isNewExpression(value) && isIdentifier(value.expression) && value.expression.text === 'DefaultLogger') {
        this.set('drizzle', 'drizzle.logger', 'DefaultLogger', node, 'drizzle() options', dev);
      }
    });
  }

  private knex(options: ts.ObjectLiteralExpression | undefined, direct: boolean): void {
    if (!options || this.seen.has(options)) return;
    if (!direct && !prop(options, 'client')) return;
    this.seen.add(options);
    const p = prop(options, 'debug');
    if (p) this.values(p.initializer, false, (value, node, dev) => {
      if (literalText(value) === 'true') this.set('knex', 'knex.debug', 'true', node, 'Knex config', dev);
    });
  }

  private mikroOrm(options: ts.ObjectLiteralExpression): void {
    if (this.seen.has(options)) return;
    this.seen.add(options);
    const p = prop(options, 'debug');
    if (p) this.values(p.initializer, false, (value, node, dev) => {
      const levels = arrayStrings(value);
      if (literalText(value) === 'true' || levels?.includes('query') || levels?.includes('query-params')) this.set('typescript', 'mikro-orm.debug', this.text(value), node, 'MikroORM config', dev);
    });
  }

  /** `$on('query', (e) => log(e.params))`: bind values reach the log. */
  private prismaOn(handler: ts.Expression | undefined): void {
    const fn = asFunction(handler);
    if (!fn) return;
    const at = findMember(fn.body, 'params');
    if (at) this.set('prisma', 'prisma.$on-query', 'a query event handler that prints params', at, "PrismaClient $on('query')");
  }

  /** A Drizzle logger's `logQuery(query, params)` that uses `params`. */
  private customLogger(node: ts.Expression | undefined): void {
    if (!node) return;
    const fn = isMethodDeclaration(node as ts.Node) ? (node as unknown as ts.MethodDeclaration) : asFunction(node);
    const params = fn?.parameters[1];
    if (!fn?.body || !params || !isIdentifier(params.name)) return;
    const name = params.name.text;
    let use: ts.Node | undefined;
    walk(fn.body, (n) => {
      if (use) return false;
      if (isIdentifier(n) && n.text === name) use = n;
    });
    if (use) this.set('drizzle', 'drizzle.logger', 'a custom logQuery that prints params', use, 'Drizzle logger');
  }

  /** Calls back for each possible value: both branches of `cond ? a : b`, the right of `cond && a`. */
  private values(expr: ts.Expression, dev: boolean, visit: (value: ts.Expression, node: ts.Node, dev: boolean) => void): void {
    const e = unwrap(expr);
    if (isConditionalExpression(e)) {
      const test = devTest(e.condition, this.devFlags);
      this.values(e.whenTrue, dev || test === 'then', visit);
      this.values(e.whenFalse, dev || test === 'else', visit);
    } else if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) {
      this.values(e.right, dev || devTest(e.left, this.devFlags) === 'then', visit);
    } else if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.BarBarToken || e.operatorToken.kind === SyntaxKind.QuestionQuestionToken)) {
      this.values(e.left, dev, visit);
      this.values(e.right, dev, visit);
    } else {
      visit(e, e, dev);
    }
  }

  private set(source: OrmSource, key: string, value: string, node: ts.Node, scope: string, dev = false): void {
    const start = node.getStart(this.sf);
    const inDev = dev || this.devRanges.some(([s, e]) => start >= s && start < e);
    this.em.setting(source, key, value, node, scope, inDev);
  }

  private text(node: ts.Node): string {
    const t = node.getText(this.sf).replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 59)}…` : t;
  }
}

function prop(obj: ts.ObjectLiteralExpression, key: string): ts.PropertyAssignment | undefined {
  let found: ts.PropertyAssignment | undefined;
  for (const p of obj.properties) if (isPropertyAssignment(p) && propertyName(p.name) === key) found = p;
  return found;
}

/** The first `x.<member>` access in a subtree. */
function findMember(body: ts.Node, member: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  walk(body, (n) => {
    if (found) return false;
    if (isPropertyAccessExpression(n) && n.name.text === member) found = n;
  });
  return found;
}

/**
 * `NODE_ENV === 'development'` (or a flag bound to it) -> 'then'; `NODE_ENV !== 'development'` -> 'else'.
 * Only explicit development tests count: `NODE_ENV !== 'production'` also runs in staging.
 */
function devTest(expr: ts.Expression, flags: ReadonlySet<string>): 'then' | 'else' | undefined {
  const e = unwrap(expr);
  if (isIdentifier(e)) return flags.has(e.text) ? 'then' : undefined;
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = devTest(e.operand, flags);
    return inner === 'then' ? 'else' : inner === 'else' ? 'then' : undefined;
  }
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  const notEqual = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
  if (!equal && !notEqual) return undefined;
  const [env, value] = isEnvRead(e.left) ? [e.left, e.right] : [e.right, e.left];
  if (!isEnvRead(env) || !isStringLike(unwrap(value)) || !DEV_NAMES.has((unwrap(value) as ts.StringLiteral).text)) return undefined;
  return equal ? 'then' : 'else';
}

/** `process.env.NODE_ENV`, `process.env['NODE_ENV']`, `config.env`, `app.get('env')`-like reads. */
function isEnvRead(node: ts.Expression): boolean {
  const e = unwrap(node);
  if (isPropertyAccessExpression(e)) return /^(NODE_ENV|APP_ENV|env|environment)$/.test(e.name.text);
  if (isElementAccessExpression(e)) return isStringLike(e.argumentExpression) && /^(NODE_ENV|APP_ENV)$/.test(e.argumentExpression.text);
  if (isIdentifier(e)) return /^(env|nodeEnv|NODE_ENV|environment)$/.test(e.text);
  return false;
}
