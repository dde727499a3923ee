import { describe, expect, it } from 'vitest';
import { extract, fields } from './helpers.js';

const at = (f: { span: { line: number; column: number; endColumn: number } }) => `${f.span.line}:${f.span.column}-${f.span.endColumn}`;

describe('handlebars', () => {
  const text = [
    '{{!-- Sent to the vendor support desk. --}}',
    '<p>Hello {{vendor.name}},</p>',
    '<td>{{patient.lastName}}</td>',
    '{{#with member}}<td>{{formatDate dob "short"}}</td>{{/with}}',
    '{{#each lines}}{{this.code}}{{/each}}',
  ].join('\n');

  it('reports placeholder paths with exact spans, resolving #with scopes and helper arguments', () => {
    const paths = fields('templates/support/x.hbs', text).filter((f) => f.role === 'interpolation');
    expect(paths.map((f) => [f.text, at(f)])).toEqual([
      ['vendor.name', '2:12-23'],
      ['patient.lastName', '3:7-23'],
      ['member.dob', '4:34-37'],
      ['lines.code', '5:18-27'],
    ]);
  });

  it('turns template comments into code-comment facts and text into per-line text facts', () => {
    const facts = extract('templates/support/x.hbs', text);
    expect(facts.filter((f) => f.kind === 'code-comment').map((f) => f.kind === 'code-comment' && f.text)).toEqual(['Sent to the vendor support desk.']);
    const hello = fields('templates/support/x.hbs', text).find((f) => f.role === 'text' && f.text.startsWith('Hello'));
    expect(hello && at(hello)).toBe('2:4-26');
  });

  it('marks a template as a ticket template by path or by what its comments say', () => {
    expect(fields('templates/support/x.hbs', '<p>{{a}}</p>')[0]?.ticket).toBe(true);
    expect(fields('templates/email/x.hbs', '{{!-- goes to the help desk --}}{{a}}')[0]?.ticket).toBe(true);
    expect(fields('templates/email/reminder.hbs', '{{!-- sent to the patient --}}<p>Hi {{first}}</p>')[0]?.ticket).toBe(false);
  });

  it('falls back to a token scan with a parse problem when the parser rejects the template', () => {
    const facts = extract('templates/support/x.hbs', '<p>{{patient.dob}}</p>{{#if x}}');
    expect(facts.some((f) => f.kind === 'parse-problem')).toBe(true);
    expect(facts.some((f) => f.kind === 'template-field' && f.role === 'interpolation' && f.text === 'patient.dob')).toBe(true);
  });
});

describe('ejs and liquid', () => {
  it('reads <%= %> and <%- %> expressions, and <%# %> comments', () => {
    const facts = extract('templates/support/t.ejs', '<%# note %>\n<p><%= fmt(member.diagnosis) %> <%- patient?.dob %></p>\n<% if (patient.flag) { %>x<% } %>');
    const paths = facts.filter((f) => f.kind === 'template-field' && f.role === 'interpolation').map((f) => [f.kind === 'template-field' && f.text, at(f)]);
    expect(paths).toEqual([
      ['member.diagnosis', '2:12-28'],
      ['patient.dob', '2:37-49'],
    ]);
    expect(facts.filter((f) => f.kind === 'code-comment')).toHaveLength(1);
  });

  it('reads Liquid output tags without filters, and {% comment %} blocks', () => {
    const facts = extract('templates/support/r.liquid', '{% comment %}internal{% endcomment %}\n<p>{{ patient.name | upcase }} {{ "x" | append: y }}</p>');
    const paths = facts.filter((f) => f.kind === 'template-field' && f.role === 'interpolation').map((f) => [f.kind === 'template-field' && f.text, at(f)]);
    expect(paths).toEqual([['patient.name', '2:7-19']]);
    expect(facts.find((f) => f.kind === 'code-comment')).toMatchObject({ text: 'internal' });
  });
});

describe('html and mjml', () => {
  it('groups a label with its control and reads names and placeholders', () => {
    const text = '<form>\n<label for="dob">Date of birth</label>\n<input id="dob" name="dob" placeholder="MM/DD/YYYY">\n<input type="hidden" name="ssn">\n</form>';
    const f = fields('support/contact.html', text);
    expect(f.map((x) => [x.role, x.text, x.group])).toEqual([
      ['id', 'dob', 'field:dob'],
      ['placeholder', 'MM/DD/YYYY', 'field:dob'],
      ['label', 'Date of birth', 'field:dob'],
    ]);
  });

  it('reads an MJML title as the subject and {{…}} placeholders in text', () => {
    const f = fields('templates/support/e.mjml', '<mjml><mj-head><mj-title>Ticket for {{patient.mrn}}</mj-title></mj-head></mjml>');
    expect(f.find((x) => x.role === 'subject')?.text.startsWith('Ticket for')).toBe(true);
    expect(f.find((x) => x.role === 'interpolation')).toMatchObject({ text: 'patient.mrn', span: { line: 1, column: 39 } });
  });
});

describe('issue forms', () => {
  const text = [
    'name: Report', // 1
    'body:', // 2
    '  - type: input', // 3
    '    id: patient-dob # the id', // 4
    '    attributes:', // 5
    '      label: "Date of birth"', // 6
    '  - type: markdown', // 7
    '    attributes:', // 8
    '      value: |', // 9
    '        First line', // 10
    '', // 11
    '        Third line', // 12
  ].join('\n');

  it('groups id and label of one field, with spans inside the quotes', () => {
    const f = fields('.github/ISSUE_TEMPLATE/r.yml', text);
    expect(f.filter((x) => x.group === 'field:0').map((x) => [x.role, x.text, at(x), x.input])).toEqual([
      ['id', 'patient-dob', '4:9-20', 'input'],
      ['label', 'Date of birth', '6:15-28', 'input'],
    ]);
  });

  it('splits block scalars into one fact per source line and keeps YAML comments', () => {
    const facts = extract('.github/ISSUE_TEMPLATE/r.yml', text);
    const values = facts.filter((x) => x.kind === 'template-field' && x.role === 'value');
    expect(values.map((x) => at(x))).toEqual(['10:9-19', '12:9-19']);
    expect(facts.find((x) => x.kind === 'code-comment')).toMatchObject({ text: 'the id', span: { line: 4 } });
  });

  it('spans a comment where its words stand, across a lone CR or a line break after the delimiter', () => {
    const yaml = extract('.github/ISSUE_TEMPLATE/r.yml', 'name: Bug\n#\rpatient notes here\nbody: []\n');
    expect(yaml.filter((x) => x.kind === 'code-comment').map((x) => [x.kind === 'code-comment' && x.text, at(x)])).toEqual([['patient notes here', '3:1-19']]);
    const md = extract('.github/ISSUE_TEMPLATE/bug.md', '---\nname: Bug\n---\n<!--\n  Visit notes go here\n-->\n');
    expect(md.filter((x) => x.kind === 'code-comment').map((x) => [x.kind === 'code-comment' && x.text, at(x)])).toEqual([['Visit notes go here', '5:3-22']]);
  });

  it('reads Markdown issue templates: front matter, headings as labels, comments as prompts', () => {
    const md = '---\nname: Bug\nabout: "Report a bug"\n---\n### Patient name\n<!-- Please add the visit id -->\nFree text here.';
    const f = fields('.github/ISSUE_TEMPLATE/bug.md', md);
    expect(f.map((x) => [x.role, x.text, x.span.line])).toEqual([
      ['text', 'Bug', 2],
      ['text', 'Report a bug', 3],
      ['text', 'Please add the visit id', 6],
      ['label', 'Patient name', 5],
      ['text', 'Free text here.', 7],
    ]);
  });
});

describe('helpdesk exports', () => {
  it('maps placeholders inside escaped JSON strings to their exact source columns', () => {
    const json = '{"macro":{"actions":[{"field":"comment_value","value":"Hi\\n\\n{{ticket.requester.name}}"},{"field":"status","value":"open"}]}}';
    const f = fields('zendesk/macros/m.json', json);
    const placeholder = f.find((x) => x.role === 'interpolation');
    expect(placeholder?.text).toBe('ticket.requester.name');
    expect(json.slice((placeholder?.span.column ?? 0) - 1, (placeholder?.span.endColumn ?? 0) - 1)).toBe('ticket.requester.name');
    expect(f.filter((x) => x.role === 'text').map((x) => x.text)).toEqual(['Hi\n\n{{ticket.requester.name}}']);
  });

  it('reads notification arrays as subject and body, and skips trigger conditions', () => {
    const json = JSON.stringify({ trigger: { conditions: { all: [{ field: 'subject', value: 'x' }] }, actions: [{ field: 'notification_user', value: ['requester_id', 'Re: {{ticket.title}}', 'Body text'] }] } }, null, 2);
    const f = fields('zendesk/triggers/t.json', json);
    expect(f.filter((x) => x.role !== 'interpolation').map((x) => [x.role, x.text])).toEqual([
      ['subject', 'Re: {{ticket.title}}'],
      ['text', 'Body text'],
    ]);
  });

  it('reports invalid JSON as a parse problem', () => {
    expect(extract('freshdesk/canned.json', '{"content": "x",').some((f) => f.kind === 'parse-problem')).toBe(true);
  });

  it('reports JSON nested too deep as a parse problem instead of overflowing the stack', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const problems = extract('freshdesk/canned.json', deep).filter((f) => f.kind === 'parse-problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: expect.stringContaining('nesting too deep') });
  });

  it('keeps the source offsets of escaped characters in JSON strings', () => {
    const f = fields('freshdesk/canned.json', '{"content": "Caf\\u00e9 \\"{{ticket.id}}\\""}');
    const interpolation = f.find((x) => x.role === 'interpolation');
    expect(interpolation && [interpolation.text, at(interpolation)]).toEqual(['ticket.id', '1:28-37']);
  });

  it('reads YAML exports with exact spans', () => {
    const f = fields('intercom/replies.yml', 'replies:\n  - name: Greeting\n    body: "Hello {{user.name}}"\n');
    expect(f.map((x) => [x.role, x.text, at(x)])).toEqual([
      ['text', 'Greeting', '2:11-19'],
      ['text', 'Hello {{user.name}}', '3:11-32'],
      ['interpolation', 'user.name', '3:20-29'],
    ]);
  });
});
