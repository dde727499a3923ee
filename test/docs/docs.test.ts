/** Generated documentation is current, and every rule has its page with the sections users need. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { withRuleTable } from '../../src/docs/rule-table.js';

const root = join(import.meta.dirname, '..', '..');

describe('documentation', () => {
  it('README rule table matches rule metadata (run `npm run docs` to update)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(withRuleTable(readme, rules)).toBe(readme);
  });

  it.each(rules.map((r) => [r.id, r]))('%s has a doc page that documents its options', (id, rule) => {
    const page = join(root, 'rules', `${id.slice(id.indexOf('/') + 1)}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain(`# ${id}`);
    for (const option of Object.keys(rule.meta.schema)) expect(text, `option ${option}`).toContain(`\`${option}\``);
  });

  it('rule ids equal their file names', async () => {
    for (const rule of rules) {
      const name = rule.id.slice(rule.id.indexOf('/') + 1);
      const mod = (await import(join(root, 'rules', `${name}.ts`))) as { default: unknown };
      expect(mod.default).toBe(rule);
    }
  });
});
