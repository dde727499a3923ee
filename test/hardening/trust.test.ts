/**
 * Trust boundaries: a scanned repository is data. Its config scripts, package scripts and source
 * files are never executed; phi-scan starts no shell, and runs git only with argument vectors;
 * the Action's inputs never reach a shell.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILE_RULES_ONLY, STACK_LINE, root, runCli, tempRepo, writeFiles } from './harness.js';

/** Every file of the hostile repository writes this marker when run, imported or required. */
const MARKER = 'phi-scan-executed-me';

function hostileRepo(): { dir: string; marker: string } {
  const dir = tempRepo();
  const marker = join(dir, MARKER);
  const payload = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
  const esmPayload = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');`;
  const shellPayload = `touch ${JSON.stringify(marker)}`;
  const files: Record<string, string> = {
    'phi-scan.config.js': `${payload}\nmodule.exports = { rules: {} };\n`,
    'phi-scan.config.mjs': `${esmPayload}\nexport default {};\n`,
    'phi-scan.config.cjs': `${payload}\nmodule.exports = {};\n`,
    '.phi-scanrc.js': `${payload}\nmodule.exports = {};\n`,
    'eslint.config.js': `${esmPayload}\nexport default [];\n`,
    'package.json': JSON.stringify({
      name: 'hostile',
      scripts: { preinstall: shellPayload, postinstall: shellPayload, prepare: shellPayload, test: shellPayload, 'phi-scan': shellPayload },
    }),
    'src/side-effect.ts': `${esmPayload}\n// patient Theodora Quist SSN 468-21-7735\nexport const x = 1;\n`,
    'src/side-effect.cjs': `${payload}\n`,
    'scripts/setup.sh': `#!/bin/sh\n${shellPayload}\n`,
    'db/seed.sql': `-- \\! ${shellPayload}\n\\! ${shellPayload}\nSELECT 1;\n`,
    'templates/note.ejs': `<% require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran') %>\n`,
    'src/$(touch marker-from-name).ts': 'export {};\n',
  };
  writeFiles(dir, files);
  return { dir, marker };
}

describe('scanned code is never executed', () => {
  it('scan, inventory and an explicit JS config leave no marker', async () => {
    const { dir, marker } = hostileRepo();
    const scanRun = await runCli(['.', '-f', 'json', ...FILE_RULES_ONLY], dir);
    expect(scanRun.stderr).not.toMatch(STACK_LINE);
    // The repository was scanned (its findings are there), but nothing of it ran.
    expect(scanRun.stdout).toContain('src/side-effect.ts');
    const inventoryRun = await runCli(['inventory', '.'], dir);
    expect(inventoryRun.status).toBe(0);
    const jsConfig = await runCli(['.', '--config', 'phi-scan.config.js'], dir);
    expect(jsConfig.status).toBe(2);
    expect(jsConfig.stderr).toMatch(/only JSON configs are read/);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(dir, 'marker-from-name'))).toBe(false);
    expect(readdirSync(dir)).not.toContain(MARKER);
  }, 120_000);
});

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface ProcessCall {
  where: string;
  callee: string;
  firstArgument: string | undefined;
  usesShellOption: boolean;
}

const PROCESS_FUNCTIONS = new Set(['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork']);

/** Calls of child_process functions, and anything that evaluates code, in the shipped source. */
function riskyCalls(): { processCalls: ProcessCall[]; evaluators: string[] } {
  const processCalls: ProcessCall[] = [];
  const evaluators: string[] = [];
  for (const file of [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'rules'))]) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    // Local names bound to child_process: `import { execFileSync as run }`, `import * as cp`.
    const bound = new Map<string, string>();
    const namespaces = new Set<string>();
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!/^(node:)?child_process$/.test(statement.moduleSpecifier.text)) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
      if (statement.importClause?.name) namespaces.add(statement.importClause.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) bound.set(element.name.text, (element.propertyName ?? element.name).text);
      }
    }
    const processFunction = (callee: ts.Expression): string | undefined => {
      if (ts.isIdentifier(callee)) return bound.get(callee.text);
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && namespaces.has(callee.expression.text)) return callee.name.text;
      return undefined;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const processName = processFunction(callee);
        if (processName && PROCESS_FUNCTIONS.has(processName) && ts.isCallExpression(node)) {
          const [first, ...rest] = node.arguments;
          processCalls.push({
            where: where(node),
            callee: processName,
            firstArgument: first && ts.isStringLiteralLike(first) ? first.text : first?.getText(sf),
            usesShellOption: rest.some((arg) => /\bshell\s*:/.test(arg.getText(sf))),
          });
        }
        if (name === 'eval' || (ts.isNewExpression(node) && name === 'Function')) evaluators.push(where(node));
        if (ts.isIdentifier(callee) && callee.text === 'require') evaluators.push(where(node));
        // A dynamic import may only defer loading one of the package's own modules, named literally.
        const [specifier] = ts.isCallExpression(node) ? node.arguments : [];
        const ownModule = specifier !== undefined && ts.isStringLiteral(specifier) && /^\.\.?\//.test(specifier.text);
        if (callee.kind === ts.SyntaxKind.ImportKeyword && !ownModule) evaluators.push(where(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { processCalls, evaluators };
}

describe('no shell, no evaluation of scanned text', () => {
  const { processCalls, evaluators } = riskyCalls();

  it('child processes are git, started with an argument vector (execFile), never through a shell', () => {
    expect(processCalls.length).toBeGreaterThan(0);
    for (const call of processCalls) {
      expect(call, call.where).toMatchObject({ firstArgument: 'git', usesShellOption: false });
      expect(['execFile', 'execFileSync', 'spawn', 'spawnSync'], call.where).toContain(call.callee);
    }
  });

  it('the source never calls eval, new Function, require(), or import() of anything but its own modules by a literal path', () => {
    expect(evaluators).toEqual([]);
  });
});

describe("the Action's inputs never reach a shell", () => {
  it('action.yml runs a node entry point: no composite steps, no `run:` lines interpolating inputs', () => {
    const yml = readFileSync(join(root, 'action.yml'), 'utf8');
    expect(yml).toMatch(/^\s+using: node\d+$/m);
    expect(yml).not.toMatch(/^\s*(- )?run:/m);
    expect(yml).not.toMatch(/using: composite/);
  });

  it('inputs are read through @actions/core and passed as data', () => {
    const inputs = readFileSync(join(root, 'src/action/inputs.ts'), 'utf8');
    expect(inputs).toMatch(/import \{ getInput \} from '@actions\/core'/);
    const run = readFileSync(join(root, 'src/action/run.ts'), 'utf8');
    // every git call in the Action is an argument vector (checked above); inputs go to scan() as options
    expect(run).toMatch(/await scan\(\{/);
  });
});
