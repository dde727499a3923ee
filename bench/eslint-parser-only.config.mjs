// `npm run bench`: ESLint with typescript-eslint's parser and no rules: the cost of parsing in ESLint.
import tseslint from 'typescript-eslint';

export default [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }];
