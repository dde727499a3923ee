/** The inventory as markdown (a table per schema and a Mermaid ER diagram), JSON or CSV. */
import type { Inventory, InventoryTable, SourceRef } from './build.js';
import { keyOf } from './build.js';

export type InventoryFormat = 'markdown' | 'json' | 'csv';

export function formatInventory(inv: Inventory, format: InventoryFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(inv, null, 2)}\n`;
    case 'csv':
      return csv(inv);
    default:
      return markdown(inv);
  }
}

const ref = (s: SourceRef) => `${s.path}:${s.line}:${s.column}`;

function csv(inv: Inventory): string {
  const rows = [['schema', 'table', 'models', 'column', 'field', 'category', 'strength', 'term', 'sources']];
  for (const t of inv.tables) {
    for (const c of t.columns) {
      rows.push([t.schema, t.name, t.models.join(' '), c.name, c.field ?? '', c.category, c.strength, c.term, c.sources.map(ref).join(' ')]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: string): string {
  // a leading =, +, - or @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function markdown(inv: Inventory): string {
  const columns = inv.tables.reduce((n, t) => n + t.columns.length, 0);
  const out: string[] = ['# PHI inventory', ''];
  if (!inv.tables.length) {
    out.push('No table or column name classifies as PHI-bearing.', '');
    return out.join('\n');
  }
  out.push(`${count(inv.tables.length, 'table')} with ${count(columns, 'PHI-bearing column')}, by column name.`, '');
  const bySchema = new Map<string, InventoryTable[]>();
  for (const t of inv.tables) bySchema.set(t.schema, [...(bySchema.get(t.schema) ?? []), t]);
  for (const [schema, tables] of bySchema) {
    out.push(`## Schema \`${schema}\``, '', '| Table | Column | ORM field | Category | Strength | Defined at |', '| --- | --- | --- | --- | --- | --- |');
    for (const t of tables) {
      const table = t.models.length ? `\`${t.name}\` (${t.models.map((m) => `\`${m}\``).join(', ')})` : `\`${t.name}\``;
      for (const c of t.columns) {
        out.push(`| ${cell(table)} | \`${cell(c.name)}\` | ${c.field ? `\`${cell(c.field)}\`` : ''} | ${c.category} | ${c.strength} | ${c.sources.map((s) => `\`${cell(ref(s))}\``).join(', ')} |`);
      }
    }
    out.push('');
  }
  out.push('## Relations of PHI-bearing tables', '', '```mermaid', 'erDiagram');
  const entity = new Map(inv.tables.map((t) => [keyOf(t.schema, t.name), mermaidName(t.schema === 'public' ? t.name : `${t.schema}_${t.name}`)]));
  for (const t of inv.tables) {
    out.push(`  ${entity.get(keyOf(t.schema, t.name))} {`);
    for (const c of t.columns) out.push(`    ${mermaidName(c.category)} ${mermaidName(c.name)} "${c.strength}"`);
    out.push('  }');
  }
  for (const r of inv.relations) out.push(`  ${entity.get(r.from)} }o--|| ${entity.get(r.to)} : ${mermaidName(r.via)}`);
  out.push('```', '');
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mermaidName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
