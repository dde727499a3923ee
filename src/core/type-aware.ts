/**
 * `--project tsconfig.json`: a TypeScript program whose type checker tells the extractor when a
 * logged value's type carries PHI fields (`const r = await db.patient.findFirst(); log.info(r)`).
 */
import { resolve } from 'node:path';
import type ts from 'typescript';
import typescript from '../typescript-runtime.js';
import type { Classifier } from '../classify/types.js';
import type { TypeOracle } from '../extract/typescript/context.js';
import { typeOracleOf } from '../extract/typescript/type-oracle.js';
import { UsageError } from './errors.js';

export interface TypeAware {
  program: ts.Program;
  types: TypeOracle;
}

export function loadTypeAware(tsconfigPath: string, cwd: string, classifier: Classifier): TypeAware {
  const path = resolve(cwd, tsconfigPath);
  const problems: string[] = [];
  const host: ts.ParseConfigFileHost = {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => problems.push(typescript.flattenDiagnosticMessageText(d.messageText, ' ')),
  };
  const parsed = typescript.sys.fileExists(path) ? typescript.getParsedCommandLineOfConfigFile(path, { noEmit: true }, host) : undefined;
  if (!parsed) {
    throw new UsageError(`--project ${tsconfigPath}: ${problems[0] ?? 'tsconfig file not found'}. Pass the path of a tsconfig.json.`);
  }
  const program = typescript.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  return { program, types: typeOracleOf(program.getTypeChecker(), classifier) };
}
