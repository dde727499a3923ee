/** `phi-scan explain <inputs..>`: how the classifier reads each name or text, and why. */
import { createClassifier, explain, mask, maskSpans, type ExplainResult } from '../classify/index.js';
import type { ValueMatch } from '../classify/types.js';

export function explainCommand(inputs: readonly string[], json: boolean): number {
  const classifier = createClassifier();
  const results = inputs.map((input) => explain(classifier, input));
  if (json) {
    const masked = results.map((r) => ({ ...r, input: maskSpans(r.input, r.values.filter((v) => v.confidence >= 0.5)), values: r.values.map(maskMatch), identifierValues: r.identifierValues.map(maskMatch) }));
    process.stdout.write(`${JSON.stringify(masked, null, 2)}\n`);
  } else {
    process.stdout.write(results.map(describe).join('\n'));
  }
  return 0;
}

/** Values are masked here too: explain output is pasted into tickets and chats. */
function maskMatch(m: ValueMatch): ValueMatch {
  return { ...m, text: mask(m.text) };
}

function describe(r: ExplainResult): string {
  const found = r.values.filter((v) => v.confidence >= 0.5);
  const valueWords = new Set(found.flatMap((v) => v.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)));
  const tokens = r.tokens.map((t) => (valueWords.has(t) ? mask(t) : t));
  const lines = [JSON.stringify(maskSpans(r.input, found)), `  tokens:    ${tokens.join(' · ') || '(none)'}`];
  if (r.nameMatches.length) {
    for (const m of r.nameMatches) lines.push(`  name:      ${m.category} (${m.strength}) from "${m.term}"`);
  } else {
    lines.push('  name:      not a PHI-bearing field name');
  }
  const flags = [
    r.opaqueId && 'opaque id (never evidence)',
    r.aggregate && 'count/flag/status (not PHI)',
    r.sanitized && 'masked/hashed (not PHI)',
    r.patientWord && 'patient word',
    r.patientContext && 'patient or health context',
  ].filter(Boolean);
  lines.push(`  flags:     ${flags.join(', ') || 'none'}`);
  const values = [...r.values, ...r.identifierValues];
  if (!values.length) lines.push('  values:    none');
  for (const v of values) {
    lines.push(
      `  value:     ${mask(v.text)} -> ${v.category} via ${v.detector}, confidence ${v.confidence.toFixed(2)}` +
        `${v.placeholder ? ', documentation placeholder' : ''}: ${v.why}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
