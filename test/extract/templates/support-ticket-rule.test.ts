/** phi/support-ticket on helpdesk JSON exports (JSON has no comments, so these fixtures live here). */
import { describe, expect, it } from 'vitest';
import { check, lines } from './helpers.js';

const zendeskMacro = (value: string) => `{
  "macro": {
    "title": "Pharmacy::Refill question",
    "actions": [
      { "field": "status", "value": "pending" },
      { "field": "comment_value", "value": ${JSON.stringify(value)} }
    ]
  }
}`;

describe('phi/support-ticket on helpdesk exports', () => {
  it('reports a Zendesk macro that asks for the date of birth and member id, on the value line', () => {
    const results = check('zendesk/macros/lookup.json', zendeskMacro('Hi {{ticket.requester.first_name}},\n\nTo find your chart, please reply with your date of birth and the member ID on your insurance card.'));
    expect(lines(results)).toEqual([6]);
    expect(results[0]?.message).toContain('date of birth (date)');
    expect(results[0]?.message).toContain('member id (health-plan-id)');
    expect(results[0]?.message).toContain('internal patient id or a link to the record');
  });

  it('reports questions in an HTML reply list introduced by "reply with:"', () => {
    const html = '<p>Hello,</p><p>Before the pharmacist calls, please reply with:</p><ul><li>each medicine you take and its dose</li><li>any known allergies</li></ul>';
    const results = check('zendesk/macros/pharmacy.json', zendeskMacro(html));
    expect(lines(results)).toEqual([6]);
    expect(results.map((r) => r.category)).toContain('medication');
  });

  it('stays quiet for greetings by requester name, ticket numbers, "describe the problem" and privacy notices', () => {
    const quiet = [
      'Hi {{ticket.requester.first_name}}, your request #{{ticket.id}} is solved. Reply to reopen it.\n\n{{current_user.name}}',
      'Please describe the problem and include your order number.',
      'For your privacy, please do not send dates of birth, insurance numbers or medical details by e-mail.',
    ];
    for (const text of quiet) expect(check('zendesk/macros/quiet.json', zendeskMacro(text)), text).toEqual([]);
  });

  it('reports a placeholder that interpolates a PHI-bearing field into a notification subject', () => {
    const trigger = JSON.stringify({ trigger: { actions: [{ field: 'notification_group', value: ['group_id', 'Escalation for {{ticket.requester.ssn}}', 'See ticket {{ticket.id}}'] }] } }, null, 2);
    const results = check('zendesk/triggers/escalate.json', trigger);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ messageId: 'interpolates', category: 'ssn', evidence: 'ticket.requester.ssn' });
  });

  it('reads Freshdesk canned responses, Intercom and Help Scout saved replies', () => {
    const freshdesk = JSON.stringify({ canned_responses: [{ title: 'Lab follow-up', content_html: '<p>Please attach your lab results so the nurse can review them.</p>' }] }, null, 2);
    const intercom = JSON.stringify({ saved_replies: [{ name: 'Symptoms', blocks: [{ type: 'paragraph', text: 'Could you describe your symptoms and when they started?' }] }] }, null, 2);
    const helpscout = JSON.stringify({ name: 'Order status', text: 'Please send us your order number and we will check the shipment.' }, null, 2);
    expect(check('freshdesk/canned-responses.json', freshdesk).map((r) => r.category)).toEqual(['lab-result']);
    expect(check('intercom/saved-replies.json', intercom).map((r) => r.category)).toEqual(['clinical-note']);
    expect(check('helpscout/saved-replies.json', helpscout)).toEqual([]);
  });

  it('reports a literal PHI value in a reply and masks it in the message', () => {
    const results = check('freshdesk/canned.json', JSON.stringify({ title: 'Example', content: 'Example reply for Rosalind Whitcombe, DOB 1958-07-21.' }, null, 2));
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.messageId).toBe('value');
      expect(r.message).not.toContain('Whitcombe');
      expect(r.message).not.toContain('1958-07-21');
    }
  });
});

describe('phi/support-ticket on issue forms', () => {
  const form = [
    'name: Data fix', // 1
    'description: Fix a record the sync got wrong', // 2
    'body:', // 3
    '  - type: input', // 4
    '    id: member-dob', // 5
    '    attributes:', // 6
    '      label: Member date of birth', // 7
    '      description: As printed on the card', // 8
    '  - type: textarea', // 9
    '    id: what-happened', // 10
    '    attributes:', // 11
    '      label: What happened?', // 12
    '  - type: textarea', // 13
    '    id: notes', // 14
    '    attributes:', // 15
    '      label: Notes', // 16
    '      description: Do not include patient names or health details.', // 17
  ].join('\n');

  it('reports a field once, on its label line, not on its id line', () => {
    const results = check('.github/ISSUE_TEMPLATE/fix.yml', form);
    expect(results.map((r) => [r.span.line, r.messageId, r.category])).toEqual([[7, 'asks', 'date']]);
    expect(results[0]?.message).toMatch(/^Field "Member date of birth" asks the reporter for/);
  });

  it('with requireNotice, reports free-text fields without a "do not include PHI" notice', () => {
    const results = check('.github/ISSUE_TEMPLATE/fix.yml', form, { requireNotice: true });
    expect(results.map((r) => [r.span.line, r.messageId])).toEqual([
      [7, 'asks'],
      [12, 'missingNotice'],
    ]);
  });

  it('counts a form-level notice for every free-text field', () => {
    const withNotice = form.replace('body:', 'body:\n  - type: markdown\n    attributes:\n      value: Please never paste patient names, dates of birth or chart details.');
    const results = check('.github/ISSUE_TEMPLATE/fix.yml', withNotice, { requireNotice: true });
    expect(results.map((r) => r.messageId)).toEqual(['asks']);
  });

  it('treats measurement nouns as lab results only in a lab form', () => {
    const label = (name: string) => `name: ${name}\nbody:\n  - type: textarea\n    id: v\n    attributes:\n      label: Value you saw\n`;
    expect(check('.github/ISSUE_TEMPLATE/a.yml', label('Lab result mismatch')).map((r) => r.category)).toEqual(['lab-result']);
    expect(check('.github/ISSUE_TEMPLATE/b.yml', label('Settings page bug'))).toEqual([]);
  });
});

describe('phi/support-ticket on message templates', () => {
  it('reports PHI placeholders only in templates that feed a ticket', () => {
    const body = '<p>Patient: {{patient.firstName}} {{patient.lastName}}</p>\n<p>Ticket {{ticket.id}} from {{agentName}}</p>';
    expect(lines(check('templates/support/escalate.hbs', body))).toEqual([1]);
    expect(check('templates/email/reminder.hbs', body)).toEqual([]);
  });
});
