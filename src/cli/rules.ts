/** `phi-scan rules`: the rule list, from rule metadata. */
import { rules } from '../../rules/index.js';

export function rulesCommand(json: boolean): number {
  const rows = rules.map((r) => ({ id: r.id, severity: r.meta.severity, scope: r.scope, description: r.meta.description }));
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    process.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${r.scope.padEnd(7)}  ${r.description}\n`);
  }
  return 0;
}
