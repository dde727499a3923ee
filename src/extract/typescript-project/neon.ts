/**
 * Neon in TypeScript/JavaScript: project create/update requests (fetch, axios-style clients,
 * `@neondatabase/api-client`), Neon API calls that turn on Neon Auth or the Data API,
 * environment variables, URLs and PostgreSQL session options written in strings.
 */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { isCallExpression, isIdentifier, isMetaProperty, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike } from '../typescript/tsapi.js';
import type { Fact, ProjectRequestFact } from '../../core/facts.js';
import type { LineIndex } from '../../core/text.js';
import { nodeSpan } from '../typescript/context.js';
import { connectionOptionSettings } from '../config/connection.js';
import { hipaaKey, projectAction } from '../config/neon-api.js';
import { DB_IDLE_SESSION_TIMEOUT } from '../config/session-keys.js';
import type { Imports } from './imports.js';
import { property, propertyName, unwrap, type FileValues } from './values.js';

// `ts.X` is a getter on TypeScript's namespace object: read the enum once, not per node.
const SyntaxKind = typescript.SyntaxKind;

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const FETCH_LIKE = new Set(['fetch', '$fetch', 'ofetch', 'ky', 'got', 'request']);
/** `@neondatabase/api-client` methods that turn on services outside the BAA. */
const API_CLIENT_SERVICE_CALLS = new Set(['createNeonAuth', 'createNeonAuthIntegration', 'createProjectBranchDataApi', 'createProjectBranchDataAPI']);
const IDLE_SESSION_TIMEOUT = /\bidle_session_timeout\b\s*(?:=|\bto\b)\s*('[^']*'|"[^"]*"|[^\s;,&'"]+)/i;
const SERVICE_PATH = /\/(?:branches\/[^/\s]+\/auth|data-api)(?:[/?#]|$)|\/projects\/auth\/create/;

export class NeonFinder {
  constructor(
    private readonly sf: ts.SourceFile,
    private readonly lines: LineIndex,
    private readonly values: FileValues,
    private readonly imports: Imports,
    private readonly facts: Fact[],
  ) {}

  /** A string literal or template: URLs, connection options, `SET idle_session_timeout`. */
  text(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): void {
    const text = this.values.string(node);
    if (text === undefined) return;
    const span = this.span(node);
    if (text.includes('://') || SERVICE_PATH.test(text)) {
      this.facts.push({ kind: 'dependency', name: text, via: 'url', span, source: 'typescript' });
      connectionOptionSettings(text, span, 'typescript', this.facts);
    }
    if (!/^postgres(?:ql)?:\/\//i.test(text.trim())) {
      const m = IDLE_SESSION_TIMEOUT.exec(text);
      if (m) {
        const scope = /\bset\s+(?:session\s+)?idle_session_timeout/i.test(text) ? 'SET' : 'connection options';
        this.facts.push({ kind: 'setting', key: DB_IDLE_SESSION_TIMEOUT, value: (m[1] ?? '').replace(/^['"]|['"]$/g, ''), scope, span, source: 'typescript' });
      }
    }
  }

  /** `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`. */
  envReference(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    const target = node.expression;
    const isEnv =
      isPropertyAccessExpression(target) &&
      target.name.text === 'env' &&
      ((isIdentifier(target.expression) && target.expression.text === 'process') || isMetaProperty(target.expression));
    if (!isEnv) return;
    const name = isPropertyAccessExpression(node)
      ? node.name.text
      : isStringLiteralLike(node.argumentExpression)
        ? node.argumentExpression.text
        : undefined;
    if (name) this.facts.push({ kind: 'dependency', name: `env:${name}`, via: 'env', span: this.span(node), source: 'typescript' });
  }

  /** `postgres(url, { connection: { idle_session_timeout } })` is handled with sessions; here: requests. */
  call(node: ts.CallExpression): void {
    const callee = unwrap(node.expression);
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name) return;
    if (isPropertyAccessExpression(callee) && this.isNeonClient(callee.expression)) {
      if (name === 'createProject') return this.clientRequest(node, 'create', node.arguments[0]);
      if (name === 'updateProject') return this.clientRequest(node, 'update', node.arguments[1]);
      if (API_CLIENT_SERVICE_CALLS.has(name)) {
        this.facts.push({ kind: 'dependency', name: `neon-api:${name}`, via: 'api-call', span: this.span(callee.name), source: 'typescript' });
        return;
      }
    }
    if (FETCH_LIKE.has(name) && isIdentifier(callee)) return this.fetchRequest(node);
    if (isPropertyAccessExpression(callee) && HTTP_METHODS.has(name)) return this.methodRequest(node, name);
    if ((name === 'axios' && isIdentifier(callee)) || name === 'request') this.configRequest(node);
  }

  private isNeonClient(receiver: ts.Expression): boolean {
    if (this.imports.uses('@neondatabase/api-client')) return true;
    const e = unwrap(receiver);
    const text = isIdentifier(e) ? e.text : isPropertyAccessExpression(e) ? e.name.text : '';
    return /neon/i.test(text);
  }

  /** `fetch(url, { method, body })`. */
  private fetchRequest(node: ts.CallExpression): void {
    const [urlArg, initArg] = node.arguments;
    if (!urlArg) return;
    const url = this.values.string(urlArg);
    const init = this.values.object(initArg);
    const methodProp = init ? property(this.values, init, 'method') : undefined;
    const method = methodProp ? this.values.string(methodProp.value) : 'GET';
    if (url === undefined || method === undefined) return;
    const body = init ? property(this.values, init, 'body')?.value : undefined;
    this.request(node, url, method, body);
  }

  /** `axios.post(url, data)`, `client.patch(url, data)`. */
  private methodRequest(node: ts.CallExpression, method: string): void {
    const [urlArg, data] = node.arguments;
    const url = urlArg ? this.values.string(urlArg) : undefined;
    if (url !== undefined) this.request(node, url, method, data);
  }

  /** `axios({ method, url, data })`. */
  private configRequest(node: ts.CallExpression): void {
    const config = this.values.object(node.arguments[0]);
    if (!config) return;
    const urlProp = property(this.values, config, 'url');
    const url = urlProp ? this.values.string(urlProp.value) : undefined;
    const methodProp = property(this.values, config, 'method');
    const method = methodProp ? this.values.string(methodProp.value) : 'GET';
    if (url !== undefined && method !== undefined) this.request(node, url, method, property(this.values, config, 'data')?.value);
  }

  private request(node: ts.CallExpression, url: string, method: string, body: ts.Expression | undefined): void {
    const action = projectAction(url, method);
    if (!action) return;
    const payload = body ? this.payload(body) : undefined;
    if (body && !payload) return; // a body this file cannot see
    this.facts.push(this.judge(node, action, payload, 'the Neon API'));
  }

  /** `JSON.stringify(obj)` or an object. */
  private payload(body: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const e = this.values.resolve(body);
    if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'stringify' && e.arguments[0]) {
      return this.values.object(e.arguments[0]);
    }
    return this.values.object(e);
  }

  private clientRequest(node: ts.CallExpression, action: 'create' | 'update', body: ts.Expression | undefined): void {
    const payload = this.values.object(body);
    if (body && !payload) return;
    this.facts.push(this.judge(node, action, payload, '@neondatabase/api-client'));
  }

  /** Where the HIPAA setting is (or should be): `project.settings.hipaa`. */
  private judge(node: ts.CallExpression, action: 'create' | 'update', payload: ts.ObjectLiteralExpression | undefined, via: string): ProjectRequestFact {
    const fact = (hipaa: ProjectRequestFact['hipaa'], at: ts.Node): ProjectRequestFact => ({ kind: 'project-request', action, hipaa, via, span: this.span(at), source: 'typescript' });
    const projectProp = payload ? property(this.values, payload, 'project') : undefined;
    const project = projectProp ? this.values.object(projectProp.value) : payload;
    const settingsProp = project ? property(this.values, project, 'settings') : undefined;
    const settings = settingsProp ? this.values.object(settingsProp.value) : undefined;
    for (const obj of [settings, project]) {
      if (!obj) continue;
      for (const p of obj.properties) {
        if (!isPropertyAssignment(p) && !isShorthandPropertyAssignment(p)) continue;
        const key = propertyName(p.name);
        const kind = key ? hipaaKey(key) : undefined;
        if (kind === 'misspelled') return fact('misspelled', p.name);
        if (kind === 'hipaa' && obj === settings) {
          const value = isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
          return fact(value?.kind === SyntaxKind.FalseKeyword ? 'false' : 'true', p.name);
        }
      }
    }
    const at = settingsProp ? settingsProp.node.name ?? node : projectProp ? projectProp.node.name ?? node : node.expression;
    return fact('missing', at);
  }

  private span(node: ts.Node) {
    return nodeSpan(this.lines, this.sf, node);
  }
}
