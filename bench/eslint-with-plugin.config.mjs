// `npm run bench`: ESLint with typescript-eslint's parser and phi-scan's own plugin (its recommended config).
import tseslint from 'typescript-eslint';
import phi from '../lib/src/eslint/index.js';

export default [
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
  ...[phi.configs.recommended].flat(),
];
