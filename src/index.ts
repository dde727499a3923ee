/** The programmatic API: `scan(options)` returns findings and stats; every front end calls it. */
export { scan, type ScanOptions, type ScanResult } from './core/engine.js';
export { formatReport, OUTPUT_FORMATS, type OutputFormat, type ReportInput } from './report/index.js';
export { createClassifier, defaultClassifier, explain, mask } from './classify/index.js';
export { rules } from '../rules/index.js';
export type { Finding, Location, Severity, FindingCategory, ScanStats, ScanNotice } from './core/types.js';
export type { PhiScanConfig } from './core/config.js';
export { TOOL_VERSION } from './version.js';
export { scanDatabase, catalogFacts, DbError } from './db/index.js';
export { buildInventory, formatInventory } from './inventory/index.js';
