/**
 * Markdown issue templates: front matter (`name`, `about`, `title`) and the body, line by line.
 * Headings and `**Label:**` lines are questions (one field each); HTML comments are prompts to the
 * reporter and also comments; other lines are free text.
 */
import { blank, type TemplateFacts } from './facts.js';

const FRONT_MATTER_TEXT_KEYS = /^(name|about|title|description)\s*:\s*(.*)$/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const LABEL_LINE = /^(?:[-*+]\s+|\d+\.\s+)?(?:\*\*|__)?([^*_:\n]{1,80}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*$/;
const LINE = /[^\r\n]*/g;

export function extractMarkdownIssue(facts: TemplateFacts): void {
  const text = facts.text;
  const chars = text.split('');
  let bodyStart = 0;
  const front = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (front) {
    bodyStart = front[0].length;
    forEachLine(front[1] ?? '', 4, (line, start) => {
      const m = FRONT_MATTER_TEXT_KEYS.exec(line);
      if (!m) return;
      const raw = m[2] ?? '';
      const value = raw.replace(/^["']|["']$/g, '');
      const at = start + line.length - raw.length + (/^["']/.test(raw) ? 1 : 0);
      facts.field('text', value, at, at + value.length, { group: 'form' });
    });
  }
  let at = text.indexOf('<!--', bodyStart);
  while (at >= 0) {
    const close = text.indexOf('-->', at + 4);
    const end = close < 0 ? text.length : close + 3;
    const inner = text.slice(at + 4, close < 0 ? end : close);
    facts.comment(inner.trim(), at, end);
    forEachLine(inner, at + 4, (line, start) => {
      const body = line.trim();
      if (body) facts.field('text', body, start + line.indexOf(body), start + line.indexOf(body) + body.length, { group: 'body' });
    });
    blank(chars, at, end);
    at = text.indexOf('<!--', end);
  }
  forEachLine(chars.join('').slice(bodyStart), bodyStart, (line, start) => {
    const body = line.trim();
    if (!body) return;
    const from = start + line.indexOf(body);
    const heading = HEADING.exec(body) ?? LABEL_LINE.exec(body);
    if (heading && heading[1]) {
      const label = heading[1].trim();
      const labelStart = from + body.indexOf(label);
      facts.field('label', label, labelStart, labelStart + label.length, { group: `line:${facts.lines.position(from).line}` });
    } else facts.field('text', body, from, from + body.length, { group: 'body' });
  });
}

function forEachLine(text: string, offset: number, visit: (line: string, start: number) => void): void {
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    if (m[0].length > 0) visit(m[0], offset + m.index);
    if (LINE.lastIndex >= text.length) break;
    LINE.lastIndex++;
  }
}
