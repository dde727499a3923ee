/**
 * SARIF 2.1.0 as GitHub code scanning ingests it. Scanner problems (`phi/parse-error`, scan
 * notices) are tool execution notifications, never results, so they never become alerts.
 * No source text is ever copied in: no snippets, no context regions.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { ProjectFacts } from '../core/project-facts.js';
import type { AnyRule } from '../core/rule.js';
import type { Finding, Location, ScanNotice, Severity, Span } from '../core/types.js';
import {
  DEFAULT_INFORMATION_URI,
  NOTIFICATION_RULE_IDS,
  TOOL_NAME,
  indexRules,
  ruleDescription,
  ruleDocName,
  ruleHelpUri,
  selectFindings,
} from './common.js';
import type { ReportInput } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of the full fingerprint in `result.fingerprints` (SARIF recommends `name/vN`). */
export const FINGERPRINT_KEY = 'phiScan/v1';
export const SCAN_NOTICE_ID = 'phi-scan/scan-notice';

/** Tags every rule carries, so GitHub treats the alerts as security alerts and users can filter. */
const BASE_TAGS = ['security', 'hipaa', 'phi'];
/** GitHub: 7.0-8.9 is "high", 4.0-6.9 "medium". Used when a rule does not set its own. */
const DEFAULT_SECURITY_SEVERITY: Record<Severity, number> = { error: 7.5, warning: 4.0 };

type Level = 'error' | 'warning' | 'note';
interface Message {
  text: string;
}
interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}
interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string; uriBaseId: string }; region?: SarifRegion };
  logicalLocations?: SarifLogicalLocation[];
}
interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; 'security-severity'?: string; categories?: string[] };
}
interface NotificationDescriptor {
  id: string;
  name: string;
  shortDescription: Message;
  fullDescription: Message;
  help?: Message;
  helpUri?: string;
  defaultConfiguration: { level: Level };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Message;
  locations: SarifLocation[];
  partialFingerprints: { primaryLocationLineHash: string };
  fingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource' | 'external'; status: 'accepted'; justification?: string }[];
  properties: { category: string; messageId: string };
}
interface SarifNotification {
  descriptor: { id: string; index: number };
  level: Level;
  message: Message;
  locations?: SarifLocation[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: string;
          version: string;
          semanticVersion: string;
          informationUri: string;
          rules: ReportingDescriptor[];
          notifications: NotificationDescriptor[];
        };
      };
      invocations: [{ executionSuccessful: true; toolExecutionNotifications: SarifNotification[] }];
      originalUriBaseIds: Record<string, { uri?: string; description: Message }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
      /** Only in `--shard` reports: what `phi-scan merge` needs to run the project rules. */
      properties?: { phiScan: { projectFacts: ProjectFacts } };
    },
  ];
}

/** `phi/schema-identifier` -> `SchemaIdentifier`. */
export function pascalCaseName(ruleId: string): string {
  return ruleDocName(ruleId)
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A relative path as a relative URI reference: segments percent-encoded, `/` kept. */
export function pathToRelativeUri(path: string): string {
  return path
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@'))
    .join('/');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function descriptorFor(rule: AnyRule | undefined, ruleId: string, fallbackSeverity: Severity, docsBaseUrl: string): ReportingDescriptor {
  const helpUri = ruleHelpUri(docsBaseUrl, ruleId);
  const meta = rule?.meta;
  const severity = meta?.severity ?? fallbackSeverity;
  const helpText = meta?.help ?? `See the documentation of ${ruleId}.`;
  const tags = [...new Set([...BASE_TAGS, ...(meta?.docs.tags ?? [])])];
  const securitySeverity = meta?.docs.securitySeverity ?? DEFAULT_SECURITY_SEVERITY[severity];
  return {
    id: ruleId,
    name: pascalCaseName(ruleId),
    shortDescription: { text: ruleDescription(rule, ruleId) },
    fullDescription: { text: meta?.description ?? ruleDescription(rule, ruleId) },
    help: { text: `${helpText}\n\nDocumentation: ${helpUri}`, markdown: `${helpText}\n\n[${ruleId} documentation](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: severity },
    properties: {
      tags,
      'security-severity': securitySeverity.toFixed(1),
      ...(meta?.categories && meta.categories.length > 0 && { categories: [...meta.categories] }),
    },
  };
}

/** Notification descriptors describe the scan, not a security problem: no tags, no security severity. */
function notificationDescriptor(rule: AnyRule | undefined, ruleId: string, docsBaseUrl: string): NotificationDescriptor {
  const description = ruleDescription(rule, ruleId);
  return {
    id: ruleId,
    name: pascalCaseName(ruleId),
    shortDescription: { text: description },
    fullDescription: { text: rule?.meta.description ?? description },
    ...(rule && { help: { text: rule.meta.help }, helpUri: ruleHelpUri(docsBaseUrl, ruleId) }),
    defaultConfiguration: { level: rule?.meta.severity ?? 'warning' },
  };
}

const SCAN_NOTICE_DESCRIPTOR: NotificationDescriptor = {
  id: SCAN_NOTICE_ID,
  name: 'ScanNotice',
  shortDescription: { text: 'A file phi-scan could not read or could only partly analyse.' },
  fullDescription: { text: 'A file phi-scan could not read or could only partly analyse: binary, too large, unreadable or not decodable.' },
  defaultConfiguration: { level: 'warning' },
};

function region(span: Span): SarifRegion {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  const endLine = Math.max(startLine, span.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, span.endColumn) : Math.max(1, span.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

const LOGICAL_KINDS = ['database', 'schema', 'table', 'column'];

/** Quotes a name that contains the separator, as PostgreSQL would. */
function quoteIdentifier(name: string): string {
  return /[."]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

/** `database/schema/table/column` -> one logical location for the innermost object. */
function logicalLocation(logical: string): SarifLogicalLocation {
  const parts = logical.split('/').filter((part) => part.length > 0);
  return {
    name: parts[parts.length - 1] ?? logical,
    fullyQualifiedName: parts.map(quoteIdentifier).join('.'),
    kind: LOGICAL_KINDS[Math.min(parts.length, LOGICAL_KINDS.length) - 1] ?? 'object',
  };
}

function sarifLocation(location: Location | { path: string; span?: Span }): SarifLocation {
  const span = 'line' in location ? location : location.span;
  const logical = 'logical' in location ? location.logical : undefined;
  return {
    ...(location.path.length > 0 && {
      physicalLocation: {
        artifactLocation: { uri: pathToRelativeUri(location.path), uriBaseId: SRCROOT },
        ...(span && { region: region(span) }),
      },
    }),
    ...(logical && { logicalLocations: [logicalLocation(logical)] }),
  };
}

function toResult(finding: Finding, ruleIndex: number, occurrence: number, hash: string): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity,
    message: { text: finding.message },
    locations: [sarifLocation(finding.location)],
    // Derived from the scanner's own fingerprint (rule + path + masked context), never from source text.
    partialFingerprints: { primaryLocationLineHash: `${hash.slice(0, 16)}:${occurrence}` },
    fingerprints: { [FINGERPRINT_KEY]: hash },
    ...(finding.suppression && {
      suppressions: [
        {
          kind: finding.suppression.kind === 'inline' ? 'inSource' : 'external',
          status: 'accepted',
          ...(finding.suppression.justification !== undefined && { justification: finding.suppression.justification }),
        },
      ],
    }),
    properties: { category: finding.category, messageId: finding.messageId },
  };
}

function notificationFromFinding(finding: Finding, index: number): SarifNotification {
  return {
    descriptor: { id: finding.ruleId, index },
    level: finding.severity,
    message: { text: finding.message },
    locations: [sarifLocation(finding.location)],
  };
}

function notificationFromNotice(notice: ScanNotice, index: number): SarifNotification {
  return {
    descriptor: { id: SCAN_NOTICE_ID, index },
    level: notice.level,
    message: { text: notice.message },
    ...(notice.path.length > 0 && { locations: [sarifLocation(notice)] }),
  };
}

export function buildSarif(input: ReportInput): SarifLog {
  const { docsBaseUrl } = input;
  const known = indexRules(input.rules);
  const shown = selectFindings(input.findings, input.includeSuppressed);
  const isNotification = (f: Finding) => NOTIFICATION_RULE_IDS.has(f.ruleId);
  const resultFindings = shown.filter((f) => !isNotification(f));
  // A suppressed parse error has nowhere to carry its suppression: it is left out.
  const notificationFindings = shown.filter((f) => isNotification(f) && !f.suppression);

  // Rules: every known rule, plus any rule id a finding names that the registry lacks.
  const ruleIds = [...new Set([...known.keys(), ...resultFindings.map((f) => f.ruleId)])]
    .filter((id) => !NOTIFICATION_RULE_IDS.has(id))
    .sort();
  const severityOf = new Map(resultFindings.map((f) => [f.ruleId, f.severity]));
  const rules = ruleIds.map((id) => descriptorFor(known.get(id), id, severityOf.get(id) ?? 'warning', docsBaseUrl));
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const notificationIds = [...NOTIFICATION_RULE_IDS].sort();
  const notifications = [
    ...notificationIds.map((id) => notificationDescriptor(known.get(id), id, docsBaseUrl)),
    SCAN_NOTICE_DESCRIPTOR,
  ];
  const notificationIndex = new Map(notifications.map((d, i) => [d.id, i]));

  const occurrences = new Map<string, number>();
  const results = resultFindings.map((finding) => {
    const hash = sha256(finding.fingerprint);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return toResult(finding, ruleIndex.get(finding.ruleId) ?? 0, occurrence, hash);
  });

  const toolExecutionNotifications = [
    ...notificationFindings.map((f) => notificationFromFinding(f, notificationIndex.get(f.ruleId) ?? 0)),
    ...(input.notices ?? []).map((n) => notificationFromNotice(n, notificationIndex.get(SCAN_NOTICE_ID) ?? 0)),
  ];

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            informationUri: input.informationUri ?? DEFAULT_INFORMATION_URI,
            rules,
            notifications,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications }],
        originalUriBaseIds: {
          [SRCROOT]: {
            ...(input.srcRoot !== undefined && { uri: directoryUri(input.srcRoot) }),
            description: { text: 'The root of the scanned project; result URIs are relative to it.' },
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        ...(input.projectFacts && { properties: { phiScan: { projectFacts: input.projectFacts } } }),
      },
    ],
  };
}

/** An absolute directory as a `file:` URI ending in `/`, as SARIF requires for base ids. */
function directoryUri(path: string): string {
  const uri = pathToFileURL(path).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function formatSarif(input: ReportInput): string {
  return `${JSON.stringify(buildSarif(input), null, 2)}\n`;
}
