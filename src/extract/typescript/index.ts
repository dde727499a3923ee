/** The TypeScript/JavaScript extractor: comments, sink calls, dynamic SQL names, literals. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import type { Fact } from '../../core/facts.js';
import { FILE_START, LineIndex } from '../../core/text.js';
import type { ExtractOptions, Extractor, SourceFile } from '../types.js';
import { loadSqlParser } from '../sql/index.js';
import { parserReady as sqlParserReady } from '../sql/parser.js';
import { CommentCollector } from './comments.js';
import { Scope, type TypeOracle, type WalkContext } from './context.js';
import { Walker } from './walker.js';
import { ormVisitor } from '../orm/index.js';
import { formFieldsFromJsx } from '../templates/jsx-form.js';
import type { TsFileContext, TsVisitor, TsVisitorFactory } from '../ts-visitor.js';
import { projectVisitor } from '../typescript-project/index.js';
import { maskQuoted } from '../../core/parser-message.js';

export type { TypeOracle } from './context.js';

export interface TypeScriptExtractOptions extends ExtractOptions {
  /** Type-aware mode: answers whether an expression's type is PHI-bearing. */
  types?: TypeOracle;
  /**
   * A source file already parsed from exactly `file.text` (the ESLint plugin hands over
   * typescript-eslint's), so the text is not parsed twice. Ignored when its text differs.
   */
  sourceFile?: ts.SourceFile;
}

// `ts.X` is a getter on TypeScript's namespace object: the enums are read once, not per file.
const { ScriptKind, LanguageVariant } = typescript;
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: typescript.ScriptTarget.Latest, jsDocParsingMode: typescript.JSDocParsingMode.ParseNone };

function scriptKindOf(path: string): ts.ScriptKind {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'tsx':
      return ScriptKind.TSX;
    case 'jsx':
      return ScriptKind.JSX;
    case 'js':
    case 'mjs':
    case 'cjs':
      return ScriptKind.JS;
    default:
      return ScriptKind.TS;
  }
}

/** Analyses of ORM schemas, sessions, Neon API calls and project settings share the parse and the walk. */
const VISITORS: readonly TsVisitorFactory[] = [ormVisitor, projectVisitor];

/** Parses one file; never throws (a failure becomes a `parse-problem` fact). */
export function extractTypeScript(file: SourceFile, options: TypeScriptExtractOptions = {}): Fact[] {
  const facts: Fact[] = [];
  const lines = new LineIndex(file.text);
  try {
    const kind = scriptKindOf(file.path);
    const given = options.sourceFile;
    const sf = given && given.text === file.text ? given : typescript.createSourceFile(file.path, file.text, PARSE_OPTIONS, false, kind);
    const ctx: WalkContext = {
      sf,
      text: file.text,
      lines,
      facts,
      scope: new Scope(undefined),
      classes: [],
      sanitizers: new Set(options.sanitizers ?? []),
      logSinks: new Set(options.logSinks ?? []),
      handled: new Set(),
      types: options.types,
    };
    const variant = kind === ScriptKind.TSX || kind === ScriptKind.JSX || kind === ScriptKind.JS ? LanguageVariant.JSX : LanguageVariant.Standard;
    const context: TsFileContext = { sourceFile: sf, path: file.path, lines };
    const visitors = VISITORS.map((create) => create(context)).filter((v): v is TsVisitor => v !== undefined);
    new Walker(ctx, new CommentCollector(file.text, lines, facts, variant), visitors).walk(sf);
    for (const visitor of visitors) facts.push(...visitor.finish());
    facts.push(...formFieldsFromJsx(sf, file.path, lines));
    const diagnostics = (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    const first = diagnostics[0];
    if (first) {
      const message = maskQuoted(typescript.flattenDiagnosticMessageText(first.messageText, ' '));
      facts.push({
        kind: 'parse-problem',
        source: 'typescript',
        span: lines.span(first.start, first.start + (first.length ?? 0)),
        message: `syntax error: ${message}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''}`,
        stillScanned: 'the parser recovered: comments, sink calls and literals outside the broken statement were still scanned',
      });
    }
  } catch (err) {
    facts.push({
      kind: 'parse-problem',
      source: 'typescript',
      span: FILE_START,
      // TypeScript's parser recurses: a few hundred nested calls or arrays exhaust the stack.
      message:
        err instanceof RangeError
          ? 'nesting too deep for the TypeScript parser'
          : `internal error while analysing the file: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      stillScanned: `${facts.length} facts found before the failure were kept`,
    });
  }
  return facts;
}

export const typescriptExtractor: Extractor = {
  id: 'typescript',
  kinds: ['typescript'],
  // Synchronous once the SQL parser is loaded (the ESLint plugin's rules cannot await).
  extract: (file, options) =>
    sqlParserReady() ? extractTypeScript(file, options) : loadSqlParser().then(() => extractTypeScript(file, options)),
};
