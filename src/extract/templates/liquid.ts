/** Liquid templates: `{{ patient.name | upcase }}` prints a field, `{% comment %}` and `{% # … %}` are comments. */
import { blank, type TemplateFacts } from './facts.js';
import { findPlaceholders, pathsIn } from './interpolations.js';
import { scanMarkup } from './markup.js';

const TAG_NAME = /^\{%-?\s*(#|[a-z]+)/;

export function extractLiquid(facts: TemplateFacts): void {
  const text = facts.text;
  const chars = text.split('');
  let at = text.indexOf('{%');
  while (at >= 0) {
    const close = text.indexOf('%}', at + 2);
    const end = close < 0 ? text.length : close + 2;
    const name = TAG_NAME.exec(text.slice(at, at + 32))?.[1];
    if (name === 'comment' || name === 'raw') {
      const closer = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g');
      closer.lastIndex = end;
      const found = closer.exec(text);
      const blockEnd = found ? found.index + found[0].length : text.length;
      if (name === 'comment') facts.comment(text.slice(end, found ? found.index : text.length).trim(), at, blockEnd);
      else blank(chars, at, end);
      if (name === 'comment') blank(chars, at, blockEnd);
      if (found && name === 'raw') blank(chars, found.index, blockEnd);
      at = text.indexOf('{%', name === 'comment' ? blockEnd : end);
      continue;
    }
    if (name === '#') facts.comment(text.slice(text.indexOf('#', at) + 1, close < 0 ? end : close).replace(/-$/, '').trim(), at, end);
    blank(chars, at, end);
    at = text.indexOf('{%', end);
  }
  for (const p of findPlaceholders(chars.join(''))) {
    const inner = p.inner.replace(/^-/, ' ').replace(/-$/, ' ');
    for (const ref of pathsIn(inner, p.innerStart, 'liquid')) facts.field('interpolation', ref.path, ref.start, ref.end);
    blank(chars, p.start, p.end);
  }
  scanMarkup(chars.join(''), facts);
}
