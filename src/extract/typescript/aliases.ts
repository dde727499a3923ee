/** Bindings from declarations: imports, clients, ORM rows, request bodies, local aliases. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, getDecorators, isArrayBindingPattern, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isElementAccessExpression, isIdentifier, isNamespaceImport, isNewExpression, isNoSubstitutionTemplateLiteral, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression, isOmittedExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isStringLiteralLike, isTaggedTemplateExpression, isTemplateExpression, isTypeReferenceNode } from './tsapi.js';
import type { Evidence } from '../../core/facts.js';
import { currentClass, spanOf, type Binding, type WalkContext } from './context.js';
import { evidenceOf, isSanitizedCall, staticText } from './evidence.js';
import { kindOf } from './kinds.js';
import { kindOfModule, kindOfNamedImport, NON_VALUE_CALLS } from './names.js';
import { calleeName, chainOf, propertyNameText, unwrap } from './paths.js';

export function bindImport(node: ts.ImportDeclaration, ctx: WalkContext): void {
  const spec = node.moduleSpecifier;
  if (!isStringLiteral(spec) || !node.importClause) return;
  const module = spec.text;
  const clause = node.importClause;
  const local = module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/');
  if (clause.name) bindModuleName(clause.name.text, module, local, ctx);
  const named = clause.namedBindings;
  if (!named) return;
  if (isNamespaceImport(named)) {
    bindModuleName(named.name.text, module, local, ctx);
    return;
  }
  for (const el of named.elements) {
    const imported = (el.propertyName ?? el.name).text;
    const kind = local ? undefined : kindOfNamedImport(module, imported);
    if (kind) ctx.scope.set(el.name.text, { kind, module, imported });
  }
}

function bindModuleName(name: string, module: string, local: boolean, ctx: WalkContext): void {
  if (local) return;
  const kind = kindOfModule(module);
  if (kind) ctx.scope.set(name, { kind, module });
}

/** `const x = require('m')`, `const { a } = require('m')`. */
function requireSpec(init: ts.Expression): string | undefined {
  const e = unwrap(init);
  if (!isCallExpression(e)) return undefined;
  const callee = unwrap(e.expression);
  if (isIdentifier(callee) && callee.text === 'require') {
    const arg = e.arguments[0];
    return arg && isStringLiteralLike(arg) ? arg.text : undefined;
  }
  // require('x')(session) / require('x').default
  if (isPropertyAccessExpression(callee) || isCallExpression(callee)) return undefined;
  return undefined;
}

export function bindDeclaration(decl: ts.VariableDeclaration, ctx: WalkContext): void {
  const init = decl.initializer;
  if (!init) return;
  const spec = requireSpec(init);
  if (spec !== undefined) {
    const local = spec.startsWith('.');
    if (isIdentifier(decl.name)) {
      bindModuleName(decl.name.text, spec, local, ctx);
    } else if (isObjectBindingPattern(decl.name) && !local) {
      for (const el of decl.name.elements) {
        if (!isIdentifier(el.name)) continue;
        const imported = propertyNameText(el.propertyName) ?? el.name.text;
        const kind = kindOfNamedImport(spec, imported);
        if (kind) ctx.scope.set(el.name.text, { kind, module: spec, imported });
      }
    }
    return;
  }
  if (isIdentifier(decl.name)) {
    const b = bindingForValue(decl.name.text, init, ctx);
    if (b) ctx.scope.set(decl.name.text, b);
    return;
  }
  bindPattern(decl.name, init, ctx);
}

/** Destructuring: `const [row] = await db...`, `const { ssn, ...rest } = patient`. */
function bindPattern(pattern: ts.BindingName, init: ts.Expression, ctx: WalkContext): void {
  if (isIdentifier(pattern)) return;
  const source = evidenceOf(init, ctx);
  const row = rowOf(init, ctx);
  for (const el of pattern.elements) {
    if (isOmittedExpression(el)) continue;
    if (!isIdentifier(el.name)) continue;
    const name = el.name.text;
    if (isArrayBindingPattern(pattern)) {
      if (row) ctx.scope.set(name, { evidence: [{ ...row, path: name }] });
      continue;
    }
    if (el.dotDotDotToken) {
      const whole = row ? [{ ...row, path: name }] : source.filter((e) => e.kind !== 'text');
      ctx.scope.set(name, { evidence: whole.map((e) => (e.kind === 'field' ? { ...e, kind: 'object' as const, why: 'the rest of the object' } : e)) });
      continue;
    }
    // `{ rows } = await pool.query(...)`: the rows of the table
    const key = propertyNameText(el.propertyName) ?? name;
    if (row && (key === 'rows' || key === 'data' || key === 'records')) {
      ctx.scope.set(name, { evidence: [{ ...row, path: name }] });
    }
    // otherwise the local name speaks for itself (a field named `lastName`, `dob`)
  }
}

/** What a `const name = init` binds. Undefined leaves the name to speak for itself. */
function bindingForValue(name: string, init: ts.Expression, ctx: WalkContext): Binding | undefined {
  const e = unwrap(init);
  if (isCallExpression(e) || isNewExpression(e) || isIdentifier(e) || isPropertyAccessExpression(e)) {
    const kind = kindOf(e, ctx);
    if (kind && kind !== 'request' && kind !== 'response' && kind !== 'app') {
      const entity = kind === 'repository' ? entityOfRepositoryCall(e) : undefined;
      return { kind, ...(entity ? { entity } : {}) };
    }
  }
  const repo = repositoryEntity(e, ctx);
  if (repo) return { kind: 'repository', entity: repo };
  const row = rowOf(e, ctx);
  if (row) return { evidence: [{ ...row, path: name }] };
  if (isTemplateExpression(e) || isStringLiteralLike(e) || (isBinaryExpression(e) && e.operatorToken.kind === SK.PlusToken)) {
    return { evidence: evidenceOf(e, ctx), built: true, text: staticText(e, ctx) };
  }
  if (isCallExpression(e)) {
    if (isSanitizedCall(e, ctx)) return { evidence: [] };
    const callee = calleeName(e.expression);
    if (callee && NON_VALUE_CALLS.has(callee)) return { evidence: [] };
    const ev = evidenceOf(e, ctx);
    return ev.length > 0 ? { evidence: ev } : undefined;
  }
  if (isIdentifier(e) || isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    const ev = evidenceOf(e, ctx);
    return { evidence: ev };
  }
  if (isObjectLiteralExpression(e) || isArrayLiteralExpression(e)) {
    return { evidence: evidenceOf(e, ctx) };
  }
  if (isNumericLiteral(e) || isBinaryExpression(e) || isPrefixUnaryExpression(e) || e.kind === SK.TrueKeyword || e.kind === SK.FalseKeyword) {
    return { evidence: evidenceOf(e, ctx) };
  }
  return undefined;
}

function entityOfRepositoryCall(e: ts.Expression): string | undefined {
  if (!isCallExpression(e)) return undefined;
  const arg = e.arguments[0];
  return arg && isIdentifier(arg) ? arg.text : undefined;
}

/** `dataSource.getRepository(Patient)`, `getRepository(Patient)`, `manager.getRepository(X)`. */
function repositoryEntity(e: ts.Expression, _ctx: WalkContext): string | undefined {
  if (!isCallExpression(e)) return undefined;
  const name = calleeName(e.expression);
  if (name !== 'getRepository' && name !== 'getCustomRepository' && name !== 'getTreeRepository') return undefined;
  return entityOfRepositoryCall(e);
}

/** Entity of a `Repository<X>` type annotation or an `@InjectRepository(X)` decorator. */
export function repositoryFromDeclaration(node: ts.PropertyDeclaration | ts.ParameterDeclaration): string | undefined {
  const t = node.type;
  if (t && isTypeReferenceNode(t)) {
    const name = isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text;
    if (/Repository$/.test(name)) {
      const arg = t.typeArguments?.[0];
      if (arg && isTypeReferenceNode(arg) && isIdentifier(arg.typeName)) return arg.typeName.text;
    }
  }
  for (const mod of getDecorators(node) ?? []) {
    const ex = mod.expression;
    if (isCallExpression(ex) && calleeName(ex.expression) === 'InjectRepository') {
      const arg = ex.arguments[0];
      if (arg && isIdentifier(arg)) return arg.text;
    }
  }
  return undefined;
}

/** Binds `this.<field>` for class properties and constructor parameter properties. */
export function bindClassMember(node: ts.PropertyDeclaration | ts.ParameterDeclaration, ctx: WalkContext): void {
  const cls = currentClass(ctx);
  if (!cls || !isIdentifier(node.name)) return;
  const name = node.name.text;
  const entity = repositoryFromDeclaration(node);
  if (entity) {
    cls.fields.set(name, { kind: 'repository', entity });
    return;
  }
  const t = node.type;
  if (t && isTypeReferenceNode(t) && isIdentifier(t.typeName)) {
    const typeName = t.typeName.text;
    if (typeName === 'HttpService' || typeName === 'AxiosInstance') cls.fields.set(name, { kind: 'http' });
    else if (typeName === 'Logger' || typeName === 'PinoLogger' || typeName === 'LoggerService') cls.fields.set(name, { kind: 'logger' });
    else if (typeName === 'Redis' || typeName === 'RedisClientType') cls.fields.set(name, { kind: 'redis' });
    else if (typeName === 'Stripe') cls.fields.set(name, { kind: 'stripe' });
    else if (typeName === 'Queue') cls.fields.set(name, { kind: 'queue' });
  }
  if (isPropertyDeclaration(node) && node.initializer) {
    const kind = kindOf(node.initializer, ctx);
    if (kind) cls.fields.set(name, { kind });
  }
}

/** Parameters decorated `@Body()` in a controller carry the whole request body. */
export function bindParameter(param: ts.ParameterDeclaration, ctx: WalkContext): void {
  if (!isIdentifier(param.name)) return;
  for (const dec of getDecorators(param) ?? []) {
    const ex = dec.expression;
    const name = isCallExpression(ex) ? calleeName(ex.expression) : undefined;
    if (name === 'Body' && isCallExpression(ex) && ex.arguments.length === 0) {
      ctx.scope.set(param.name.text, {
        evidence: [{ kind: 'object', path: param.name.text, span: spanOf(ctx, param.name), why: 'the whole request body', payload: 'request' }],
      });
    }
  }
  const t = param.type;
  if (t && isTypeReferenceNode(t)) {
    const entity = repositoryFromDeclaration(param);
    if (entity) ctx.scope.set(param.name.text, { kind: 'repository', entity });
  }
}

const ROW_METHOD = /^(find|findOne|findFirst|findUnique|findMany|findAll|findByPk|findOneBy|findBy|findOneOrFail|findFirstOrThrow|findUniqueOrThrow|findAndCountAll|findOrCreate|create|save|update|upsert|preload|first|select|returning|execute|executeTakeFirst|executeTakeFirstOrThrow|get|all|query|where|one|oneOrNone|many|any|raw|then)$/;
const TABLE_METHOD = /^(from|join|innerJoin|leftJoin|rightJoin|fullJoin|leftOuterJoin|table|into|selectFrom|updateTable|insertInto|deleteFrom|insert|update|delete)$/;
const SQL_TABLE = /\b(?:from|join|into|update)\s+((?:"?\w+"?\.)?"?\w+"?)/gi;

/** When `init` reads rows of tables or models, the row evidence (path filled in by the caller). */
export function rowOf(init: ts.Expression, ctx: WalkContext): Extract<Evidence, { kind: 'object' }> | undefined {
  const models = new Set<string>();
  let sawRowMethod = false;
  let cur: ts.Expression = unwrap(init);
  for (let i = 0; i < 30; i++) {
    if (isCallExpression(cur)) {
      const callee = unwrap(cur.expression);
      const name = calleeName(callee);
      if (name && ROW_METHOD.test(name)) sawRowMethod = true;
      const firstArg = cur.arguments[0];
      if (firstArg && name && (TABLE_METHOD.test(name) || name === 'query' || name === 'raw')) tableFromArg(firstArg, models);
      if (name && ROW_METHOD.test(name)) includesOf(cur.arguments[cur.arguments.length - 1], models);
      if (isPropertyAccessExpression(callee)) {
        modelOfReceiver(callee, ctx, models, name);
        cur = unwrap(callee.expression);
      } else if (isIdentifier(callee)) {
        // knex-style root: db('patients as p')
        if (cur.arguments.length > 0 && /^(db|knex|trx|k|database|qb)$/.test(callee.text)) {
          tableFromArg(cur.arguments[0] as ts.Expression, models);
          sawRowMethod = true;
        }
        break;
      } else {
        break;
      }
    } else if (isTaggedTemplateExpression(cur)) {
      const text = isNoSubstitutionTemplateLiteral(cur.template) ? cur.template.text : templateText(cur.template);
      tablesInSql(text, models);
      sawRowMethod = true;
      break;
    } else if (isPropertyAccessExpression(cur)) {
      cur = unwrap(cur.expression);
    } else {
      break;
    }
  }
  if (!sawRowMethod || models.size === 0) return undefined;
  const list = [...models];
  return {
    kind: 'object',
    path: '',
    span: spanOf(ctx, init),
    why: `a row of ${list.join(', ')}`,
    model: list.join(','),
  };
}

function templateText(t: ts.TemplateExpression): string {
  let s = t.head.text;
  for (const span of t.templateSpans) s += ` $1 ${span.literal.text}`;
  return s;
}

function tablesInSql(text: string, out: Set<string>): void {
  SQL_TABLE.lastIndex = 0;
  for (let m = SQL_TABLE.exec(text); m; m = SQL_TABLE.exec(text)) {
    const name = (m[1] ?? '').replace(/"/g, '');
    const bare = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
    if (bare && !/^(select|set|only|lateral)$/i.test(bare)) out.add(bare);
  }
}

function tableFromArg(arg: ts.Expression, out: Set<string>): void {
  const a = unwrap(arg);
  if (isStringLiteralLike(a)) {
    const text = a.text.trim();
    if (/\s/.test(text) && /\b(select|from|insert|update|delete)\b/i.test(text)) tablesInSql(text, out);
    else {
      const name = text.split(/\s+as\s+|\s+/i)[0] ?? '';
      const bare = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
      if (/^\w+$/.test(bare)) out.add(bare);
    }
  } else if (isTemplateExpression(a)) {
    tablesInSql(templateText(a), out);
  } else if (isIdentifier(a)) {
    // drizzle table objects: from(patients)
    out.add(a.text);
  } else if (isObjectLiteralExpression(a)) {
    // drizzle select({ patient: patients, rx: prescriptions })
    for (const p of a.properties) {
      if (isPropertyAssignment(p) && isIdentifier(p.initializer)) out.add(p.initializer.text);
    }
  }
}

/** Prisma `include: { patient: true }`, Sequelize `include: [Patient, { model: Claim }]`. */
function includesOf(arg: ts.Expression | undefined, out: Set<string>): void {
  if (!arg) return;
  const a = unwrap(arg);
  if (!isObjectLiteralExpression(a)) return;
  for (const p of a.properties) {
    const key = propertyNameText(p.name);
    if (key !== 'include' && key !== 'relations' || !isPropertyAssignment(p)) continue;
    const v = unwrap(p.initializer);
    if (isObjectLiteralExpression(v)) {
      for (const q of v.properties) {
        const k = propertyNameText(q.name);
        if (k && isPropertyAssignment(q) && q.initializer.kind !== SK.FalseKeyword) out.add(k);
      }
    } else if (isArrayLiteralExpression(v)) {
      for (const el of v.elements) {
        if (isIdentifier(el)) out.add(el.text);
        else if (isStringLiteralLike(el)) out.add(el.text);
        else if (isObjectLiteralExpression(el)) {
          for (const q of el.properties) {
            if (isPropertyAssignment(q) && propertyNameText(q.name) === 'model' && isIdentifier(q.initializer)) out.add(q.initializer.text);
          }
        }
      }
    }
  }
}

/** `prisma.patient.findFirst`, `Patient.findByPk`, `this.results.save` (a repository), `db.query.patients.findFirst`. */
function modelOfReceiver(callee: ts.PropertyAccessExpression, ctx: WalkContext, out: Set<string>, method: string | undefined): void {
  if (!method || !ROW_METHOD.test(method)) return;
  const recv = unwrap(callee.expression);
  if (isIdentifier(recv)) {
    const b = ctx.scope.lookup(recv.text);
    if (b?.kind === 'repository' && b.entity) out.add(b.entity);
    else if (/^[A-Z][A-Za-z0-9]*$/.test(recv.text) && /^(find|create|upsert|findOrCreate|build|bulkCreate)/.test(method) && !/^(JSON|Object|Array|Promise|Math|Date|Reflect|Number|String)$/.test(recv.text)) out.add(recv.text);
    return;
  }
  if (isPropertyAccessExpression(recv)) {
    const base = unwrap(recv.expression);
    if (base.kind === SK.ThisKeyword) {
      const f = currentClass(ctx)?.fields.get(recv.name.text);
      if (f?.kind === 'repository' && f.entity) out.add(f.entity);
      return;
    }
    const chain = chainOf(recv);
    if (!chain || chain.length < 2) return;
    const root = chain[0] as string;
    if (/prisma|^db$|^tx$|client|^query$/i.test(root) || chain.includes('query')) {
      const model = chain[chain.length - 1] as string;
      if (!model.startsWith('$')) out.add(model);
    }
  }
}
