/**
 * Names PostgreSQL generates (`patients_pkey`, `visits_patient_id_fkey`, `notes_id_seq`) repeat the
 * table and column names they are built from. Those names are checked on their own, so a generated
 * name is not a second finding. Mirrors makeObjectName() and ChooseRelationName() of PostgreSQL.
 */

const MAX_NAME = 63; // NAMEDATALEN - 1
const SUFFIXES = ['pkey', 'key', 'fkey', 'check', 'not_null', 'excl', 'idx', 'seq'] as const;
const SUFFIX_PATTERNS = new Map(SUFFIXES.map((s) => [s, new RegExp(`_(${s}\\d*)$`)]));

/** `name1_name2_label`, shortening the longer of name1 and name2 until it fits in 63 characters. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = label.length + 1 + (name2 === undefined ? 0 : 1);
  const available = MAX_NAME - overhead;
  let chars1 = name1.length;
  let chars2 = name2?.length ?? 0;
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1--;
    else chars2--;
  }
  return `${name1.slice(0, chars1)}${name2 === undefined ? '' : `_${name2.slice(0, chars2)}`}_${label}`;
}

/**
 * True when `name` is what PostgreSQL would have chosen for an object on `table` over `columns`
 * with this suffix (`_key`, or `_key1` after a collision).
 */
export function isGeneratedName(name: string, table: string, columns: readonly string[], suffix: string): boolean {
  const pattern = SUFFIX_PATTERNS.get(suffix as (typeof SUFFIXES)[number]);
  const label = pattern?.exec(name)?.[1];
  if (!label) return false;
  const candidates = [makeObjectName(table, undefined, label)];
  if (columns.length > 0) {
    candidates.push(makeObjectName(table, columns.join('_').slice(0, MAX_NAME), label));
    candidates.push(makeObjectName(table, columns[0], label));
  }
  return candidates.includes(name);
}
