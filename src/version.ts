/** The tool's version, read from package.json so there is one source of truth. */
import { existsSync, readFileSync } from 'node:fs';

// src/version.ts (tests) and lib/src/version.js (the build) sit at different depths.
const packageJson = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find(
  (url) => existsSync(url) && (JSON.parse(readFileSync(url, 'utf8')) as { name?: string }).name === 'phi-scan',
);

export const TOOL_VERSION: string = packageJson
  ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
  : '0.0.0';

export const DOCS_BASE_URL = 'https://github.com/phi-scan/phi-scan/blob/main/rules';
export const HOME_URL = 'https://github.com/phi-scan/phi-scan';
