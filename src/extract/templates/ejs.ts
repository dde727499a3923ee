/** EJS templates: `<%= expr %>` and `<%- expr %>` print fields, `<%# … %>` is a comment, `<% … %>` is code. */
import { blank, type TemplateFacts } from './facts.js';
import { pathsIn } from './interpolations.js';
import { scanMarkup } from './markup.js';

export function extractEjs(facts: TemplateFacts): void {
  const text = facts.text;
  const chars = text.split('');
  let at = text.indexOf('<%');
  while (at >= 0) {
    if (text.startsWith('<%%', at)) {
      at = text.indexOf('<%', at + 3);
      continue;
    }
    const close = text.indexOf('%>', at + 2);
    const end = close < 0 ? text.length : close + 2;
    const marker = text[at + 2] ?? '';
    const bodyStart = at + 2 + (/[=#_-]/.test(marker) ? 1 : 0);
    const bodyEnd = Math.max(bodyStart, close < 0 ? text.length : close - (/[-_]/.test(text[close - 1] ?? '') ? 1 : 0));
    const body = text.slice(bodyStart, bodyEnd);
    if (marker === '#') facts.comment(body.trim(), at, end);
    else if (marker === '=' || marker === '-') for (const ref of pathsIn(body, bodyStart, 'js')) facts.field('interpolation', ref.path, ref.start, ref.end);
    if (close < 0) facts.problem('an EJS tag is not closed with %>', 'the text before it', at);
    blank(chars, at, end);
    at = text.indexOf('<%', end);
  }
  scanMarkup(chars.join(''), facts);
}
