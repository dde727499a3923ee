/**
 * The templates extractor: support-ticket templates of every kind — issue forms and Markdown issue
 * templates, helpdesk exports, and message templates (Handlebars, Mustache, EJS, Liquid, MJML, HTML).
 */
import type { Fact } from '../../core/facts.js';
import type { Extractor, SourceFile } from '../types.js';
import { extractEjs } from './ejs.js';
import { TemplateFacts } from './facts.js';
import { extractHandlebars, scanMustacheTokens } from './handlebars.js';
import { extractHelpdesk } from './helpdesk.js';
import { extractIssueForm } from './issue-form.js';
import { extractLiquid } from './liquid.js';
import { extractMarkdownIssue } from './markdown-issue.js';
import { scanMarkup } from './markup.js';
import { isTicketTemplate } from './ticket-bound.js';

const HELPDESK_VENDOR = /(zendesk|freshdesk|intercom|help-?scout)/i;

function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base.slice(base.lastIndexOf('.') + 1);
}

export function extractTemplateFile(file: SourceFile): Fact[] {
  const ext = extension(file.path);
  if (file.kind === 'issue-form') {
    if (ext === 'md') {
      const facts = new TemplateFacts(file.text, 'issue-template');
      extractMarkdownIssue(facts);
      return facts.finish(true);
    }
    const facts = new TemplateFacts(file.text, 'issue-form', 'yaml');
    extractIssueForm(facts);
    return facts.finish(true);
  }
  if (file.kind === 'helpdesk') {
    const vendor = HELPDESK_VENDOR.exec(file.path)?.[1]?.toLowerCase().replace('-', '') ?? 'helpdesk';
    const format = ext === 'json' ? 'json' : 'yaml';
    const facts = new TemplateFacts(file.text, vendor, format);
    extractHelpdesk(facts, format);
    return facts.finish(true);
  }
  const facts = new TemplateFacts(file.text, templateKind(ext));
  if (ext === 'hbs' || ext === 'handlebars' || ext === 'mustache') extractHandlebars(facts);
  else if (ext === 'ejs') extractEjs(facts);
  else if (ext === 'liquid') extractLiquid(facts);
  else {
    const chars = file.text.split('');
    scanMustacheTokens(facts, chars);
    scanMarkup(chars.join(''), facts);
  }
  return facts.finish(isTicketTemplate(file.path, facts.comments, facts.templateFields));
}

function templateKind(ext: string): string {
  if (ext === 'hbs' || ext === 'handlebars') return 'handlebars';
  if (ext === 'htm') return 'html';
  return ext;
}

export const templatesExtractor: Extractor = {
  id: 'templates',
  kinds: ['template', 'issue-form', 'helpdesk'],
  extract: (file) => extractTemplateFile(file),
};
