/** The extractor registry: one extractor per input kind. */
import type { Extractor } from './types.js';
import { envExtractor } from './config/env.js';
import { jsonExtractor } from './config/json.js';
import { packageJsonExtractor } from './config/package-json.js';
import { shellExtractor } from './config/shell.js';
import { tomlExtractor } from './config/toml.js';
import { yamlExtractor } from './config/yaml.js';
import { postgresqlConfExtractor } from './postgresql-conf.js';
import { prismaExtractor } from './prisma/index.js';
import { sqlExtractor } from './sql/index.js';
import { templatesExtractor } from './templates/index.js';
import { typescriptExtractor } from './typescript/index.js';

export const extractors: Extractor[] = [
  sqlExtractor,
  postgresqlConfExtractor,
  prismaExtractor,
  typescriptExtractor,
  packageJsonExtractor,
  envExtractor,
  shellExtractor,
  yamlExtractor,
  jsonExtractor,
  tomlExtractor,
  templatesExtractor,
];
