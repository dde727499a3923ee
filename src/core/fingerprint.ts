/** Fingerprints: rule + path + normalised context, never line numbers, never raw PHI. */
import { hash } from 'node:crypto';

export function fingerprintOf(ruleId: string, path: string, context: string, occurrence: number): string {
  const normalised = context.replace(/\s+/g, ' ').trim().toLowerCase();
  // one-shot hashing: no Hash object per finding
  return hash('sha256', `${ruleId}\0${path}\0${normalised}\0${occurrence}`, 'hex').slice(0, 32);
}

/** Replaces `{{name}}` placeholders in a rule's message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
