#!/usr/bin/env node
// `npm run build:action`: bundles the GitHub Action (src/action/entry.ts) into dist/action.js with
// esbuild, and copies the PostgreSQL parser's WebAssembly beside it. Both are committed, because a
// JavaScript action runs from the repository as is. `node scripts/build-action.mjs <dir>` writes
// elsewhere (test/action checks that the committed bundle is current).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist'));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

// src/version.ts reads package.json relative to its own file; the bundle carries the version instead.
const inlineVersion = {
  name: 'inline-version',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const definition = /export const TOOL_VERSION\b[^;]*;/;
      if (!definition.test(source)) throw new Error('build-action: TOOL_VERSION definition not found in src/version.ts');
      return { contents: source.replace(definition, `export const TOOL_VERSION: string = ${JSON.stringify(version)};`), loader: 'ts' };
    });
  },
};

// src/classify/compromise.ts loads compromise from node_modules on first use; a bundle has no
// node_modules, so there it is a static import, bundled like every other dependency.
const bundledCompromise = {
  name: 'bundled-compromise',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]classify[\\/]compromise\.ts$/ }, () => ({
      contents: "import nlp from 'compromise';\nexport type Nlp = typeof nlp;\nexport function compromise(): Nlp {\n  return nlp;\n}\n",
      loader: 'ts',
    }));
  },
};

// src/typescript-runtime.ts require()s TypeScript (an import costs Node a scan of its 9 MB);
// in a bundle it is a static import like every other dependency.
const bundledTypescript = {
  name: 'bundled-typescript',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]typescript-runtime\.ts$/ }, () => ({
      contents: "import ts from 'typescript';\nexport default ts;\n",
      loader: 'ts',
    }));
  },
};

// Bundled CommonJS code (libpg-query's loader, TypeScript) calls require() and reads __dirname.
const banner = [
  "import { createRequire as __phiCreateRequire } from 'node:module';",
  "import { fileURLToPath as __phiFileURLToPath } from 'node:url';",
  "import { dirname as __phiPathDirname } from 'node:path';",
  'const require = __phiCreateRequire(import.meta.url);',
  'const __phiFilename = __phiFileURLToPath(import.meta.url);',
  'const __phiDirname = __phiPathDirname(__phiFilename);',
].join('\n');

mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'src/action/entry.ts')],
  outfile: join(outdir, 'action.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  banner: { js: banner },
  define: { __dirname: '__phiDirname', __filename: '__phiFilename' },
  plugins: [inlineVersion, bundledCompromise, bundledTypescript],
  logLevel: 'warning',
});

const pgQuery = dirname(createRequire(import.meta.url).resolve('libpg-query'));
copyFileSync(join(pgQuery, 'libpg-query.wasm'), join(outdir, 'libpg-query.wasm'));
console.log(`build-action: wrote ${join(outdir, 'action.js')} (phi-scan ${version})`);
