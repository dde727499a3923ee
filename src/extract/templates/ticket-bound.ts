/**
 * Whether a message template feeds a support ticket: its path says so (support, ticket,
 * helpdesk, escalation...), or its comments, subject or salutation do ("sent to the vendor's
 * support mailbox", "Hello Clearinghouse Support"). Patient-facing reminders and statements do not.
 */
import type { TemplateFieldFact } from '../../core/facts.js';

const TICKET_PATH = /(?:^|[/_.-])(?:support|tickets?|help-?desk|service-?desk|zendesk|freshdesk|intercom|help-?scout|escalations?|escalate|issues?|feedback|contact-?us|complaints?|bug-?reports?)(?:[/_.-]|$)/i;
const TICKET_WORDS = /\b(?:support|help ?desk|service ?desk|tickets?|zendesk|freshdesk|intercom|help ?scout|escalat(?:e|ed|ion))\b/i;
const SALUTATION_TO_SUPPORT = /^(?:hello|hi|dear|to|attn:?)\b.{0,60}\b(?:support|help ?desk|service ?desk)\b/i;
/** Fixture annotations and suppression comments are not prose about the template. */
const DIRECTIVE = /^\s*(?:ruleid|ok|todoruleid)\s*:|phi-scan-/i;

export function isTicketPath(path: string): boolean {
  return TICKET_PATH.test(path);
}

export function isTicketTemplate(path: string, comments: readonly string[], fields: readonly TemplateFieldFact[]): boolean {
  if (isTicketPath(path)) return true;
  if (comments.some((c) => !DIRECTIVE.test(c) && TICKET_WORDS.test(c))) return true;
  return fields.some((f) => (f.role === 'subject' && TICKET_WORDS.test(f.text)) || (f.role === 'text' && SALUTATION_TO_SUPPORT.test(f.text)));
}
