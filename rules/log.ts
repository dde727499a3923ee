import { factsOf } from '../src/core/facts.js';
import { defineRule } from '../src/core/rule.js';
import { clip } from '../src/classify/mask.js';
import { isRedacted, redactedFor } from '../src/core/pino-redact.js';
import { sinkFinding } from '../src/classify/evidence.js';

interface Options {
  telemetry: boolean;
  minConfidence: number;
}

/** PHI fields, objects and values passed to loggers, audit trails, telemetry and analytics. */
export default defineRule<Options>({
  id: 'phi/log',
  scope: 'file',
  meta: {
    description: 'A PHI value or PHI-bearing field or object passed to a log, audit, telemetry or error-tracking sink.',
    severity: 'error',
    messages: {
      log: '{{sink}} receives {{what}}. Logs are kept, shipped and read outside the PHI boundary: log an opaque id (the record id) instead.',
      telemetry:
        '{{sink}} sends {{what}} to a telemetry or analytics service. Send an opaque id (the record id) instead, and keep the details in the database.',
    },
    schema: {
      telemetry: { type: 'boolean', description: 'Also check telemetry, error tracking and analytics (Sentry, OpenTelemetry, Segment, ...).' },
      minConfidence: { type: 'number', description: 'Minimum confidence (0..1) of a PHI value found in logged text.', min: 0 },
    },
    defaultOptions: { telemetry: true, minConfidence: 0.5 },
    docs: { description: 'PHI in logs, audit trails, telemetry and analytics', tags: ['hipaa', 'logging', 'security'], securitySeverity: 7.5 },
    help: 'Log an opaque identifier (patientId, intakeId) and counts instead of names, contact details, dates of birth, record numbers or whole records; or pass the value through a masking function.',
  },
  check({ file, facts, classifier, options, settings, report }) {
    const redacted = file ? redactedFor(file.path, settings.redactScopes ?? []) : [];
    for (const fact of factsOf(facts, 'sink-call')) {
      if (fact.sink !== 'log' && !(options.telemetry && fact.sink === 'telemetry')) continue;
      // Fields the project's pino `redact` option removes never reach the log line.
      const evidence = fact.sink === 'log' ? fact.evidence.filter((e) => e.kind !== 'field' || !isRedacted(e.path, redacted)) : fact.evidence;
      const found = sinkFinding(evidence, classifier, {
        context: 'log',
        identifiesUser: fact.identifiesUser ?? false,
        minConfidence: options.minConfidence,
      });
      if (!found) continue;
      report({
        messageId: fact.sink === 'telemetry' ? 'telemetry' : 'log',
        data: { sink: fact.callee, what: found.what },
        span: found.span,
        category: found.category,
        evidence: clip(found.evidence),
        context: `${fact.callee}\0${found.evidence}`,
      });
    }
  },
});
