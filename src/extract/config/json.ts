/**
 * JSON files: Terraform JSON (`*.tf.json`) Neon projects with or without the HIPAA setting,
 * Keycloak realm exports (session idle timeout and lifespan), URLs, and JSONC comments.
 */
import type { Fact, ParseProblemFact } from '../../core/facts.js';
import { LineIndex } from '../../core/text.js';
import type { Extractor } from '../types.js';
import { urlFacts } from './connection.js';
import { entry, member, parseJson, type JsonEntry, type JsonNode } from './json-scan.js';
import { hipaaKey, type HipaaState } from './neon-api.js';
import { SESSION_ABSOLUTE, SESSION_IDLE, sessionSetting } from './session-keys.js';

export function jsonParseProblem(lines: LineIndex, error: { at: number; message: string }, what: string): ParseProblemFact {
  const span = lines.span(error.at, error.at + 1);
  return {
    kind: 'parse-problem',
    message: `invalid JSON at line ${span.line}: ${error.message}`,
    stillScanned: `the ${what} up to the error`,
    span,
    source: 'json',
  };
}

export function extractJson(text: string): Fact[] {
  // An empty file holds nothing to analyse: not a parse problem worth a warning.
  if (text.trim() === '') return [];
  const lines = new LineIndex(text);
  const parsed = parseJson(text);
  const facts: Fact[] = [];
  if (parsed.error) facts.push(jsonParseProblem(lines, parsed.error, 'file'));
  for (const c of parsed.comments) facts.push({ kind: 'code-comment', text: c.text.trim(), span: lines.span(c.start, c.end), source: 'json' });
  const root = parsed.root;
  if (!root) return facts;
  neonProjects(root, lines, facts);
  keycloakRealm(root, lines, facts);
  walkStrings(root, (node) => {
    if (node.value.includes('://')) urlFacts(node.value, lines.span(node.start + 1, node.end - 1), 'url', 'json', facts);
  });
  return facts;
}

/** `resource.neon_project.<name>` in object or array form. */
function neonProjects(root: JsonNode, lines: LineIndex, facts: Fact[]): void {
  const resources = asObjects(member(root, 'resource'));
  for (const resource of resources) {
    for (const group of asObjects(member(resource, 'neon_project'))) {
      for (const project of group.type === 'object' ? group.entries : []) {
        for (const body of asObjects(project.value)) facts.push(projectFact(project, body, lines));
      }
    }
  }
}

function projectFact(project: JsonEntry, body: JsonNode, lines: LineIndex): Fact {
  const found = hipaaIn(body) ?? hipaaIn(member(body, 'settings'));
  const state: HipaaState = found?.state ?? 'missing';
  const at = found ? found.entry : project;
  return {
    kind: 'project-request',
    action: 'create',
    hipaa: state,
    via: 'terraform',
    span: lines.span(at.keyStart + 1, at.keyEnd - 1),
    source: 'json',
  };
}

function hipaaIn(node: JsonNode | undefined): { state: HipaaState; entry: JsonEntry } | undefined {
  if (node?.type !== 'object') return undefined;
  let misspelled: JsonEntry | undefined;
  for (const e of node.entries) {
    const kind = hipaaKey(e.key);
    if (kind === 'hipaa') {
      const off = (e.value.type === 'literal' && e.value.value === false) || (e.value.type === 'string' && e.value.value === 'false');
      return { state: off ? 'false' : 'true', entry: e };
    }
    if (kind === 'misspelled') misspelled ??= e;
  }
  return misspelled ? { state: 'misspelled', entry: misspelled } : undefined;
}

function asObjects(node: JsonNode | undefined): JsonNode[] {
  if (node?.type === 'object') return [node];
  if (node?.type === 'array') return node.items.filter((n) => n.type === 'object');
  return [];
}

const KEYCLOAK_SESSION_KEYS: Record<string, typeof SESSION_IDLE | typeof SESSION_ABSOLUTE> = {
  ssoSessionIdleTimeout: SESSION_IDLE,
  ssoSessionMaxLifespan: SESSION_ABSOLUTE,
};

/** A realm export: `{ "realm": "...", "ssoSessionIdleTimeout": 1800, ... }` (seconds). */
function keycloakRealm(root: JsonNode, lines: LineIndex, facts: Fact[]): void {
  const realms = root.type === 'array' ? root.items : [root];
  for (const realm of realms) {
    if (entry(realm, 'realm')?.value.type !== 'string') continue;
    for (const [key, sessionKey] of Object.entries(KEYCLOAK_SESSION_KEYS)) {
      const e = entry(realm, key);
      if (!e || e.value.type !== 'number') continue;
      facts.push(sessionSetting(sessionKey, String(e.value.value), e.value.value, 'keycloak', lines.span(e.keyStart + 1, e.value.end), 'json'));
    }
  }
}

function walkStrings(node: JsonNode, visit: (node: Extract<JsonNode, { type: 'string' }>) => void): void {
  const stack: JsonNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'string') visit(n);
    else if (n.type === 'object') for (const e of n.entries) stack.push(e.value);
    else if (n.type === 'array') stack.push(...n.items);
  }
}

export const jsonExtractor: Extractor = {
  id: 'json',
  kinds: ['json'],
  extract: (file) => extractJson(file.text),
};
