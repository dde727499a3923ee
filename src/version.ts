/** The tool's version, read from package.json so there is one source of truth. */
import { readFileSync } from 'node:fs';

const packageJson = new URL('../../package.json', import.meta.url);

export const TOOL_VERSION: string = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

export const DOCS_BASE_URL = 'https://github.com/phi-scan/phi-scan/blob/main/rules';
export const HOME_URL = 'https://github.com/phi-scan/phi-scan';
