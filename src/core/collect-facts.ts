/**
 * Discovery and extraction without rules: the facts of every file under the given paths, for
 * commands that read the model rather than findings (`phi-scan inventory`).
 */
import { resolve } from 'node:path';
import { createClassifier } from '../classify/index.js';
import type { Classifier } from '../classify/types.js';
import { extractFacts, hasExtractor, unreadProblem } from './analyze.js';
import { loadConfig, type PhiScanConfig } from './config.js';
import { discover } from './discover.js';
import type { Fact } from './facts.js';
import { generatedReason } from './generated.js';
import { confirmKind } from './kinds.js';
import { readSourceFile } from './read.js';
import type { RuleFile } from './rule.js';
import type { ScanNotice } from './types.js';

export interface CollectOptions {
  paths?: string[];
  cwd?: string;
  configPath?: string;
  config?: PhiScanConfig;
  maxFileSizeKb?: number;
}

export interface CollectedFacts {
  files: { file: RuleFile; facts: Fact[] }[];
  notices: ScanNotice[];
  /** The classifier with the project's vocabulary. */
  classifier: Classifier;
  configPath: string | undefined;
}

export async function collectFacts(options: CollectOptions = {}): Promise<CollectedFacts> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const loaded = options.config ? { config: options.config, path: undefined } : loadConfig(options.configPath, [resolve(cwd, paths[0] ?? '.'), cwd]);
  const config = loaded.config;
  const maxBytes = (options.maxFileSizeKb ?? config.maxFileSizeKb ?? 1024) * 1024;
  const discovery = await discover(paths, { cwd, include: config.include, exclude: config.exclude, testPatterns: config.testPatterns });
  const notices: ScanNotice[] = discovery.problems.map((p) => ({ path: p.path, level: 'warning', message: p.message }));
  const files: CollectedFacts['files'] = [];
  for (const found of discovery.files) {
    if (!hasExtractor(found.kind)) continue;
    const read = readSourceFile(found.absolute, maxBytes);
    const file: RuleFile = { path: found.path, kind: found.kind, isTest: found.isTest, text: '' };
    if (!read.ok) {
      files.push({ file, facts: [unreadProblem(read.reason)] });
      continue;
    }
    const kind = confirmKind(found.kind, found.path, read.text);
    if (!kind) continue;
    file.text = read.text.replace(/^\uFEFF/, '');
    const generated = generatedReason(kind, file.text);
    if (generated) {
      file.text = '';
      files.push({ file, facts: [unreadProblem(generated)] });
      continue;
    }
    files.push({ file, facts: await extractFacts({ path: found.path, kind, text: file.text }, { sanitizers: config.sanitizers ?? [] }) });
  }
  return { files, notices, classifier: createClassifier(config.vocabulary), configPath: loaded.path };
}
