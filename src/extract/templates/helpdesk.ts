/**
 * Helpdesk exports (JSON or YAML): Zendesk macros and triggers (`actions[]` with
 * `comment_value`, `comment_value_html`, `subject`, notification arrays), Freshdesk canned
 * responses, Intercom and Help Scout saved replies. Reply texts become facts, one group per reply;
 * `{{ticket.requester.name}}`-style placeholders inside them become interpolation facts.
 */
import { parseDocument } from 'yaml';
import type { FieldRole, TemplateFacts } from './facts.js';
import { findPlaceholders, pathsIn } from './interpolations.js';
import { JsonSyntaxError, parseJsonWithOffsets, type SourceNode, type StringNode } from './json-source.js';
import { toSourceNode, yamlComments } from './yaml-source.js';
import { maskQuoted, yamlErrorReason } from '../../core/parser-message.js';

/** Zendesk action fields whose value is text the requester or a third party reads. */
const TEXT_ACTIONS = /^(?:comment_value(?:_html)?|subject|side_conversation\w*|notification_\w+|tweet_requester|satisfaction_score_message)$/;
/** Keys of reply text in Freshdesk, Intercom, Help Scout and generic exports. */
const TEXT_KEYS = new Set(['content', 'content_html', 'body', 'body_html', 'html', 'text', 'message', 'comment', 'reply', 'answer', 'snippet', 'preview', 'template', 'description']);
const SUBJECT_KEYS = new Set(['subject', 'title', 'name']);
/** Filters, not text: Zendesk trigger and view conditions. */
const SKIPPED_KEYS = new Set(['conditions', 'restriction', 'execution', 'ids']);

export function extractHelpdesk(facts: TemplateFacts, format: 'json' | 'yaml'): void {
  const root = format === 'json' ? readJson(facts) : readYaml(facts);
  if (root) walk(facts, root, '', '');
}

function readJson(facts: TemplateFacts): SourceNode | undefined {
  try {
    return parseJsonWithOffsets(facts.text);
  } catch (error) {
    const offset = error instanceof JsonSyntaxError ? error.offset : 0;
    facts.problem(`invalid JSON (${maskQuoted(error instanceof Error ? error.message : String(error))})`, 'nothing in this file', offset);
    return undefined;
  }
}

function readYaml(facts: TemplateFacts): SourceNode | undefined {
  yamlComments(facts.text, facts);
  const doc = parseDocument(facts.text, { uniqueKeys: false });
  for (const error of doc.errors) facts.problem(`YAML error: ${yamlErrorReason(error)}`, 'the parts of the YAML that could still be read', error.pos[0]);
  return toSourceNode(facts.text, doc.contents);
}

function walk(facts: TemplateFacts, node: SourceNode, key: string, group: string): void {
  if (node.kind === 'array') {
    node.items.forEach((item) => walk(facts, item, key, group));
    return;
  }
  if (node.kind === 'string') {
    if (TEXT_KEYS.has(key)) textFacts(facts, node, 'text', group);
    else if (SUBJECT_KEYS.has(key)) textFacts(facts, node, 'text', group);
    return;
  }
  if (node.kind !== 'object') return;
  const field = node.entries.find((e) => e.key === 'field')?.value;
  const value = node.entries.find((e) => e.key === 'value')?.value;
  if (field?.kind === 'string' && value) {
    if (TEXT_ACTIONS.test(field.value)) zendeskAction(facts, field.value, value, `action:${node.start}`);
    return;
  }
  const own = `object:${node.start}`;
  for (const entry of node.entries) if (!SKIPPED_KEYS.has(entry.key)) walk(facts, entry.value, entry.key, own);
}

/** `notification_user` and friends carry `[recipient, subject, body]`. */
function zendeskAction(facts: TemplateFacts, field: string, value: SourceNode, group: string): void {
  if (value.kind === 'string') textFacts(facts, value, field === 'subject' ? 'subject' : 'text', group);
  if (value.kind !== 'array') return;
  const strings = value.items.filter((n): n is StringNode => n.kind === 'string');
  const parts = field.startsWith('notification_') ? strings.slice(1) : strings;
  parts.forEach((s, k) => textFacts(facts, s, field.startsWith('notification_') && k === 0 ? 'subject' : 'text', group));
}

function textFacts(facts: TemplateFacts, node: StringNode, role: FieldRole, group: string): void {
  facts.field(role, node.value, node.start, node.end, { group });
  for (const p of findPlaceholders(node.value)) {
    const inner = p.inner.trim();
    if (/^[#/^!>]|^else\b/.test(inner)) continue;
    const lead = p.inner.length - p.inner.trimStart().length;
    for (const ref of pathsIn(inner, p.innerStart + lead, 'liquid')) {
      facts.field('interpolation', ref.path, node.offsetOf(ref.start), node.offsetOf(ref.end - 1) + 1);
    }
  }
}
