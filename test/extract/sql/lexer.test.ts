import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/facts.js';
import { LineIndex } from '../../../src/core/text.js';
import { mergeBySpan, sortBySpan } from '../../../src/extract/sql/fact-order.js';
import { lexSql, TokenList, tokenValue, type Token } from '../../../src/extract/sql/lexer.js';

function lex(text: string, psql = false): { kind: string; text: string }[] {
  const { tokens } = lexSql(text, 0, text.length, { psql });
  return tokens.toArray().map((t) => ({ kind: t.kind, text: text.slice(t.start, t.end) }));
}

describe('lexSql', () => {
  it('finds every token kind with its exact source text', () => {
    const sql = `SELECT "Full ""Name""", E'it\\'s', $1, 4.5e-3, a->>'k' -- note\nFROM t /* a /* nested */ b */;`;
    expect(lex(sql)).toEqual([
      { kind: 'ident', text: 'SELECT' },
      { kind: 'qident', text: '"Full ""Name"""' },
      { kind: 'punct', text: ',' },
      { kind: 'string', text: "E'it\\'s'" },
      { kind: 'punct', text: ',' },
      { kind: 'param', text: '$1' },
      { kind: 'punct', text: ',' },
      { kind: 'number', text: '4.5e-3' },
      { kind: 'punct', text: ',' },
      { kind: 'ident', text: 'a' },
      { kind: 'op', text: '->>' },
      { kind: 'string', text: "'k'" },
      { kind: 'comment', text: '-- note' },
      { kind: 'ident', text: 'FROM' },
      { kind: 'ident', text: 't' },
      { kind: 'comment', text: '/* a /* nested */ b */' },
      { kind: 'punct', text: ';' },
    ]);
  });

  it('keeps content bounds and escapes, so token values unquote and unescape', () => {
    const sql = `'O''Brien' E'line\\nbreak' $body$ x 'y' $body$ "Quoted""Id"`;
    const values = lexSql(sql).tokens.toArray().map((t) => tokenValue(sql, t));
    expect(values).toEqual(["O'Brien", 'line\nbreak', " x 'y' ", 'Quoted"Id']);
  });

  it('ends an unclosed string at the end of the region', () => {
    const sql = "INSERT INTO t VALUES ('never closed";
    const last = lexSql(sql).tokens.toArray().at(-1)!;
    expect(last).toMatchObject({ kind: 'string', end: sql.length, contentEnd: sql.length });
  });

  it('grows past its first capacity on a text of single-character tokens', () => {
    const sql = '(,)'.repeat(500);
    const { tokens } = lexSql(sql);
    expect(tokens.length).toBe(1500);
    expect(tokens.start(1499)).toBe(1499);
    expect(tokens.kind(1499)).toBe('punct');
  });

  it('records same-length edits for psql variables and bind placeholders', () => {
    const sql = 'SELECT * FROM t WHERE id = :id AND x = ?;';
    const { edits } = lexSql(sql, 0, sql.length, { psql: true });
    expect(edits.map((e) => [sql.slice(e.start, e.end), e.replacement])).toEqual([
      [':', '_'],
      ['?', '0'],
    ]);
  });
});

describe('TokenList', () => {
  const sql = 'CREATE TABLE "Patients" (name text);';
  const { tokens } = lexSql(sql);

  it('answers kind, offsets and words without building objects', () => {
    expect(tokens.isWord(sql, 0, 'create')).toBe(true);
    expect(tokens.isWord(sql, 2, 'patients')).toBe(false);
    expect(tokens.isWord(sql, -1, 'create')).toBe(false);
    expect(tokens.isWord(sql, tokens.length, 'create')).toBe(false);
    expect(tokens.kind(2)).toBe('qident');
    expect(sql.slice(tokens.start(2), tokens.end(2))).toBe('"Patients"');
  });

  it('finds the first token at or after an offset, within bounds', () => {
    expect(tokens.indexAt(0)).toBe(0);
    expect(tokens.indexAt(sql.indexOf('"'))).toBe(2);
    expect(tokens.indexAt(sql.indexOf('"') + 1)).toBe(3);
    expect(tokens.indexAt(sql.length)).toBe(tokens.length);
    expect(tokens.indexAt(0, 4, 6)).toBe(4);
  });

  it('round-trips through object form', () => {
    const objects: Token[] = tokens.toArray();
    expect(TokenList.of(objects).toArray()).toEqual(objects);
    expect(objects[2]).toEqual({ kind: 'qident', start: 13, end: 23, contentStart: 14, contentEnd: 22 });
    expect(objects[0]).toEqual({ kind: 'ident', start: 0, end: 6 });
  });

  it('hands a released buffer to the next list, which sees only its own tokens', () => {
    const long = `CREATE TABLE t (${Array.from({ length: 200 }, (_, i) => `c${i} text`).join(', ')});`;
    const first = lexSql(long, 0, long.length).tokens;
    expect(first.length).toBeGreaterThan(600);
    first.release();
    expect(first.length).toBe(0);
    const short = 'SELECT a FROM b;';
    const second = lexSql(short, 0, short.length).tokens;
    expect(second.toArray().map((t) => short.slice(t.start, t.end))).toEqual(['SELECT', 'a', 'FROM', 'b', ';']);
    expect(second.indexAt(short.length)).toBe(5);
    // a released list takes tokens again from an empty buffer
    first.add(0, 3, 5);
    expect(first.toArray()).toEqual([{ kind: 'ident', start: 3, end: 5 }]);
    second.release();
  });
});

describe('fact order', () => {
  const fact = (line: number, column: number, text: string): Fact => ({
    kind: 'code-comment',
    text,
    span: { line, column, endLine: line, endColumn: column + 1 },
    source: 'sql',
  });
  const texts = (facts: Fact[]) => facts.map((f) => (f.kind === 'code-comment' ? f.text : ''));

  it('sorts by line and column and keeps facts at one position in emission order', () => {
    const facts = [fact(2, 5, 'a'), fact(1, 9, 'b'), fact(2, 5, 'c'), fact(2, 1, 'd'), fact(3, 1, 'e')];
    expect(texts(sortBySpan(facts))).toEqual(['b', 'd', 'a', 'c', 'e']);
  });

  it('falls back to a full sort for a list far out of order, with the same result', () => {
    const reversed = Array.from({ length: 50 }, (_, i) => fact(50 - i, 1, String(50 - i)));
    expect(texts(sortBySpan(reversed))).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
  });

  it('merges two sorted lists, the first list winning ties', () => {
    const merged = mergeBySpan([fact(1, 1, 'x'), fact(3, 1, 'y')], [fact(1, 1, 'p'), fact(2, 1, 'q'), fact(4, 1, 'r')]);
    expect(texts(merged)).toEqual(['x', 'p', 'q', 'y', 'r']);
  });
});

describe('LineIndex.span', () => {
  it('agrees with position() at both ends, across LF, CRLF and lone CR', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const lines = new LineIndex(text);
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length + 1; end++) {
        const a = lines.position(start);
        const b = lines.position(end);
        expect(lines.span(start, end)).toEqual({ line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
      }
    }
  });
});
