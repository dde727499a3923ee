/**
 * HTML-ish markup (HTML, MJML, and the markup around template tags): comments, visible text per
 * line, and form controls (labels, input names and placeholders). Works on text whose template
 * tags were already blanked, so offsets are those of the original file.
 */
import type { FieldRole, TemplateFacts } from './facts.js';
import { blank } from './facts.js';

const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'img', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style']);
const SUBJECT_TAGS = new Set(['title', 'mj-title', 'mj-preview']);
const CONTROL_TAGS = new Set(['input', 'textarea', 'select']);
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g;
const TAG_NAME = /^<\/?([A-Za-z][\w:-]*)/;

interface Attribute {
  name: string;
  value: string;
  valueStart: number;
}

interface Region {
  start: number;
  end: number;
  role: FieldRole;
  group?: string;
}

/** Scans markup and emits comment, text, label, id and placeholder facts. */
export function scanMarkup(masked: string, facts: TemplateFacts, group = 'body'): void {
  const units = masked.split('');
  const boundaries: number[] = [];
  const regions: Region[] = [];
  let openLabel: { start: number; group: string; explicit: boolean } | undefined;
  let openSubject: number | undefined;
  let i = masked.indexOf('<');
  while (i >= 0 && i < masked.length) {
    if (masked.startsWith('<!--', i)) {
      const close = masked.indexOf('-->', i + 4);
      const end = close < 0 ? masked.length : close + 3;
      facts.comment(facts.text.slice(i + 4, close < 0 ? end : close).trim(), i, end);
      blank(units, i, end);
      boundaries.push(i);
      i = masked.indexOf('<', end);
      continue;
    }
    const name = TAG_NAME.exec(masked.slice(i, i + 64))?.[1]?.toLowerCase();
    if (name === undefined) {
      i = masked.indexOf('<', i + 1);
      continue;
    }
    const end = tagEnd(masked, i);
    const closing = masked[i + 1] === '/';
    const attributes = closing ? [] : parseAttributes(masked, i + name.length + 1, end - 1);
    blank(units, i, end);
    if (!INLINE_TAGS.has(name)) boundaries.push(i);
    let next = end;
    if (!closing && RAW_TEXT_TAGS.has(name)) {
      const close = masked.toLowerCase().indexOf(`</${name}`, end);
      next = close < 0 ? masked.length : close;
      blank(units, end, next);
    }
    if (name === 'label') {
      if (closing && openLabel) {
        regions.push({ start: openLabel.start, end: i, role: 'label', group: openLabel.group });
        openLabel = undefined;
      } else if (!closing) {
        const target = attributes.find((a) => a.name === 'for')?.value;
        openLabel = { start: end, group: `field:${target ?? end}`, explicit: target !== undefined };
      }
    }
    if (SUBJECT_TAGS.has(name)) {
      if (!closing) openSubject = end;
      else if (openSubject !== undefined) {
        regions.push({ start: openSubject, end: i, role: 'subject' });
        openSubject = undefined;
      }
    }
    if (!closing && CONTROL_TAGS.has(name)) formControl(facts, name, attributes, openLabel && !openLabel.explicit ? openLabel.group : undefined);
    i = masked.indexOf('<', next);
  }
  emitText(units.join(''), boundaries, regions, facts, group);
}

function tagEnd(text: string, start: number): number {
  let quote = '';
  for (let k = start + 1; k < text.length; k++) {
    const c = text[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k + 1;
  }
  return text.length;
}

function parseAttributes(text: string, from: number, to: number): Attribute[] {
  const source = text.slice(from, Math.max(from, to));
  const out: Attribute[] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) {
    const raw = m[2] ?? '';
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    const value = quoted ? raw.slice(1, -1) : raw;
    const valueStart = from + m.index + m[0].length - raw.length + (quoted ? 1 : 0);
    out.push({ name: (m[1] ?? '').toLowerCase(), value, valueStart });
  }
  return out;
}

function formControl(facts: TemplateFacts, tag: string, attributes: Attribute[], labelGroup: string | undefined): void {
  const get = (n: string) => attributes.find((a) => a.name === n);
  const type = get('type')?.value.toLowerCase();
  if (type === 'hidden' || type === 'submit' || type === 'button') return;
  const id = get('id') ?? get('name');
  const group = labelGroup ?? (id ? `field:${id.value}` : `field:${attributes[0]?.valueStart ?? 0}`);
  const input = tag === 'textarea' ? 'textarea' : type === 'file' ? 'file' : tag === 'select' ? 'dropdown' : 'input';
  const add = (role: FieldRole, attr: Attribute | undefined) => {
    if (attr && attr.value.trim()) facts.field(role, attr.value, attr.valueStart, attr.valueStart + attr.value.length, { group, input });
  };
  add('id', get('name'));
  if (get('id')?.value !== get('name')?.value) add('id', get('id'));
  add('placeholder', get('placeholder'));
  add('label', get('aria-label'));
  add('label', get('title'));
}

/** Visible text: one fact per run between block tags and line breaks, trimmed, offsets kept. */
function emitText(text: string, boundaries: number[], regions: Region[], facts: TemplateFacts, group: string): void {
  const cuts = new Set(boundaries);
  let runStart = 0;
  const flush = (end: number) => {
    const raw = text.slice(runStart, end);
    const body = raw.trim();
    if (body !== '') {
      const from = runStart + raw.indexOf(body.charAt(0));
      const region = regions.find((r) => from >= r.start && from < r.end);
      const role: FieldRole = region?.role ?? (/^\s*subject\s*:/i.test(body) ? 'subject' : 'text');
      facts.field(role, body, from, from + body.length, { group: region?.group ?? group });
    }
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '\n' || c === '\r' || cuts.has(k)) {
      flush(k);
      runStart = k + 1;
      if (cuts.has(k) && c !== '\n' && c !== '\r') runStart = k;
    }
  }
  flush(text.length);
}
