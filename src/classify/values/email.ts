/** E-mail addresses; reserved documentation domains are placeholders, role mailboxes are not people. */
import type { ValueMatch } from '../types.js';
import { eachMatch, type ScanText, valueMatch } from './shared.js';

// The lookbehind anchors the local part at the start of its run, so the scan stays linear.
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/;
const ROLE_MAILBOX = /^(?:no-?reply|do-?not-?reply|support|info|admin|help|helpdesk|security|privacy|compliance|billing|team|hello|contact|ops|devops|alerts?|notifications?|postmaster|webmaster|abuse|hipaa|dev|root|sales|office|frontdesk|front-desk|reception)$/;

export function findEmails(s: ScanText): ValueMatch[] {
  const out: ValueMatch[] = [];
  if (!s.text.includes('@')) return out;
  eachMatch(EMAIL, s.text, (m) => {
    const value = m[0].replace(/(?<![.-])[.-]+$/, '');
    const at = value.indexOf('@');
    const local = value.slice(0, at).toLowerCase();
    const domain = value.slice(at + 1).toLowerCase();
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (!/^[a-z]{2,24}$/.test(tld) || local.length === 0) return;
    if (/^(?:png|jpg|jpeg|gif|svg|webp|js|ts|css)$/.test(tld)) return; // `icon@2x.png`
    // `scheme://user:password@host` is URL userinfo, not a mailbox.
    if (/:\/\/[^\s/@]*$/.test(s.text.slice(Math.max(0, m.index - 64), m.index))) return;
    const placeholder = PLACEHOLDER_DOMAIN.test(domain);
    if (ROLE_MAILBOX.test(local)) {
      out.push(valueMatch(m.index, value, 'email', 'email', 0.3, 'an organisational mailbox, not a person', placeholder));
      return;
    }
    out.push(valueMatch(m.index, value, 'email', 'email', 0.9, `e-mail address${placeholder ? ' at a reserved documentation domain' : ''}`, placeholder));
  });
  return out;
}
