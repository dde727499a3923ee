import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../src/core/text.js';
import { formFieldsFromJsx } from '../../../src/extract/templates/jsx-form.js';

const source = `export function ContactSupportForm() {
  return (
    <form>
      <label htmlFor="dob">Patient date of birth</label>
      <input id="dob" name="dob" />
      <TextField name="details" label="Describe your symptoms" multiline placeholder={'What happened?'} />
      <input type="hidden" name="ssn" />
    </form>
  );
}`;

function facts(path: string, text: string) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  return formFieldsFromJsx(file, path, new LineIndex(text));
}

describe('formFieldsFromJsx', () => {
  it('reads labels, names and placeholders of a support form with exact spans', () => {
    const f = facts('src/components/ContactSupportForm.tsx', source);
    expect(f.map((x) => [x.role, x.text, x.group, x.span.line, x.span.column])).toEqual([
      ['label', 'Patient date of birth', 'field:dob', 4, 28],
      ['id', 'dob', 'field:dob', 5, 18],
      ['id', 'dob', 'field:dob', 5, 29],
      ['id', 'details', 'field:details', 6, 24],
      ['label', 'Describe your symptoms', 'field:details', 6, 40],
      ['placeholder', 'What happened?', 'field:details', 6, 88],
    ]);
    expect(f.every((x) => x.ticket === true && x.template === 'jsx-form')).toBe(true);
    expect(f.find((x) => x.group === 'field:details')?.input).toBe('textarea');
  });

  it('ignores forms that are not about support, tickets, contact or feedback', () => {
    const text = source.replace('ContactSupportForm', 'IntakeForm');
    expect(facts('src/components/IntakeForm.tsx', text)).toEqual([]);
  });
});
