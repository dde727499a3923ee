/** The plugin's identity: name and version from the package's own package.json. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLUGIN_NAME = 'phi-scan';
/** The rule prefix: rule ids are the CLI's (`phi/log`), languages are `phi/sql` and `phi/prisma`. */
export const NAMESPACE = 'phi';
export const DOCS_BASE_URL = 'https://github.com/phi-scan/phi-scan/blob/main/rules';

/** Walks up from this module (src/eslint in development, lib/src/eslint when installed). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PLUGIN_NAME && pkg.version) return pkg.version;
    } catch {
      // not here: keep walking up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export const PLUGIN_VERSION = packageVersion();

export function ruleDocsUrl(ruleName: string): string {
  return `${DOCS_BASE_URL}/${ruleName}.md`;
}
