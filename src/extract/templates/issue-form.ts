/**
 * GitHub issue forms (`.github/ISSUE_TEMPLATE/*.yml`): each `body[]` item is a field whose id,
 * label, description, placeholder and value become facts grouped by field, with exact spans.
 */
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { FieldRole, TemplateFacts } from './facts.js';
import { scalarPieces, yamlComments } from './yaml-source.js';
import { yamlErrorReason } from '../../core/parser-message.js';

const FORM_KEYS = ['name', 'description', 'title'];
const ATTRIBUTE_ROLES: Record<string, FieldRole> = { label: 'label', description: 'description', placeholder: 'placeholder', value: 'value' };

export function extractIssueForm(facts: TemplateFacts): void {
  const text = facts.text;
  yamlComments(text, facts);
  const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: false });
  for (const error of doc.errors) facts.problem(`YAML error: ${yamlErrorReason(error)}`, 'the parts of the form YAML could still read', error.pos[0]);
  const root = doc.contents;
  if (!isMap(root)) return;
  for (const key of FORM_KEYS) scalarFacts(facts, root, key, 'text', { group: 'form' });
  const body = root.get('body', true);
  if (!isSeq(body)) return;
  body.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const type = item.get('type');
    const extras = { group: `field:${index}`, input: typeof type === 'string' ? type : 'unknown' };
    scalarFacts(facts, item, 'id', 'id', extras);
    const attributes = item.get('attributes', true);
    if (!isMap(attributes)) return;
    for (const [key, role] of Object.entries(ATTRIBUTE_ROLES)) scalarFacts(facts, attributes, key, role, extras);
  });
}

function scalarFacts(facts: TemplateFacts, map: YAMLMap, key: string, role: FieldRole, extras: { group: string; input?: string }): void {
  const node = map.get(key, true);
  if (!isScalar(node) || typeof node.value !== 'string') return;
  for (const piece of scalarPieces(facts.text, node)) facts.field(role, piece.text, piece.start, piece.end, extras);
}
