/**
 * ESLint languages for `.sql`, `.prisma` and `postgresql.conf` files (`language: "phi/sql"`, ...), so
 * the metadata rules run on migrations, schemas and server settings in the editor. Parsing never fails: a statement
 * PostgreSQL rejects is the `phi/parse-error` rule's finding, not an ESLint fatal error.
 */
import type { File, Language, OkParseResult } from '@eslint/core';
import { LineIndex } from '../../core/text.js';
import { hashComments, prismaComments, sqlComments, type CommentFinder } from './comments.js';
import { locOf, PhiTextSourceCode, type PhiDocument, type PhiTextKind } from './source-code.js';

/** The root node type of both languages; the phi rules visit it. */
export const ROOT_NODE_TYPE = 'Document';

type PhiLanguage = Language<{
  LangOptions: Record<string, unknown>;
  Code: PhiTextSourceCode;
  RootNode: PhiDocument;
  Node: PhiDocument;
}>;

function textOf(file: File): string {
  return typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
}

function createTextLanguage(kind: PhiTextKind, findComments: CommentFinder): PhiLanguage {
  return {
    fileType: 'text',
    lineStart: 1,
    columnStart: 0,
    nodeTypeKey: 'type',
    visitorKeys: { [ROOT_NODE_TYPE]: [] },
    defaultLanguageOptions: {},
    // Options meant for JavaScript may be merged in by broad configs; none apply here.
    validateLanguageOptions() {},
    parse(file): OkParseResult<PhiDocument> {
      const text = textOf(file);
      return { ok: true, ast: { type: ROOT_NODE_TYPE, range: [0, text.length], loc: locOf(new LineIndex(text), 0, text.length) } };
    },
    createSourceCode(file, input) {
      return new PhiTextSourceCode({ text: textOf(file), ast: input.ast, kind, findComments });
    },
  };
}

export const sqlLanguage = createTextLanguage('sql', sqlComments);
export const prismaLanguage = createTextLanguage('prisma', prismaComments);
/** `postgresql.conf`: its logging settings are `phi/query-log-config` findings. */
export const postgresqlConfLanguage = createTextLanguage('postgresql-conf', hashComments);

/** By name, as the plugin's `languages` (`phi/sql`, `phi/prisma`, `phi/postgresql-conf`). */
export const PHI_LANGUAGES = { sql: sqlLanguage, prisma: prismaLanguage, 'postgresql-conf': postgresqlConfLanguage } as const;
