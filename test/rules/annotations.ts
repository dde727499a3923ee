/**
 * Inline expectations in fixtures, in the style of Semgrep: a comment line
 *   -- ruleid: phi/schema-identifier      (the next code line must have this finding)
 *   // ok: phi/log                        (the next code line must not)
 *   # todoruleid: phi/literal             (a known miss: must not be reported yet)
 * in any comment syntax. Several rules may be listed, separated by commas.
 */
export interface Expectation {
  line: number;
  ruleId: string;
  kind: 'ruleid' | 'ok' | 'todoruleid';
}

const ANNOTATION = /^\s*(?:--|\/\/|#|\/\*|\{\{!(?:--)?|<!--|<%#|\{%-?\s*comment\s*-?%\}|\*)\s*(ruleid|ok|todoruleid):\s*(phi\/[\w-]+(?:\s*,\s*phi\/[\w-]+)*)/;

export function parseAnnotations(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expectations: Expectation[] = [];
  let pending: { kind: Expectation['kind']; rules: string[] }[] = [];
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (match) {
      pending.push({ kind: match[1] as Expectation['kind'], rules: (match[2] ?? '').split(/\s*,\s*/) });
      return;
    }
    for (const p of pending) for (const ruleId of p.rules) expectations.push({ line: index + 1, ruleId, kind: p.kind });
    pending = [];
  });
  return expectations;
}
