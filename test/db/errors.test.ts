/** Error messages by SQLSTATE and socket code: one line, exit 2, no password, no PHI. */
import { describe, expect, it } from 'vitest';
import { defaultClassifier } from '../../src/classify/index.js';
import { maskSpans } from '../../src/classify/mask.js';
import { describeDbError, type ErrorContext } from '../../src/db/errors.js';
import { redact } from '../../src/db/target.js';

const classifier = defaultClassifier();
const context: ErrorContext = {
  display: 'postgres://db.internal:5432/clinic',
  user: 'reporter',
  connectTimeoutSeconds: 10,
  statementTimeoutSeconds: 60,
  clean: (text) => {
    const redacted = redact(text, ['Tr0ub4dor-77']);
    return maskSpans(redacted, classifier.findValues(redacted, { context: 'generic' }));
  },
};
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('describeDbError', () => {
  it.each([
    [pgError('28P01', 'password authentication failed for user "reporter"'), 'cannot log in to postgres://db.internal:5432/clinic: password authentication failed for user "reporter" (check the user and password)'],
    [pgError('3D000', 'database "clinic" does not exist'), 'cannot connect to postgres://db.internal:5432/clinic: the database does not exist (check the database name in the connection string)'],
    [pgError('42501', 'permission denied for table pg_db_role_setting'), 'cannot read the catalog of postgres://db.internal:5432/clinic: permission denied for table pg_db_role_setting (the role needs read access to pg_catalog; a read-only role is enough)'],
    [pgError('57014', 'canceling statement due to statement timeout'), 'a catalog query on postgres://db.internal:5432/clinic took longer than 60 s and was cancelled (raise --statement-timeout)'],
    [pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.7:5432'), 'cannot reach postgres://db.internal:5432/clinic: connection refused (is the server running, and are the host and port right?)'],
    [pgError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal'), 'cannot reach postgres://db.internal:5432/clinic: host not found (check the host name)'],
    [new Error('Connection terminated due to connection timeout'), 'cannot reach postgres://db.internal:5432/clinic: no answer within 10 s (check the host and the network, or raise --connect-timeout)'],
    [new Error('Query read timeout'), 'a catalog query on postgres://db.internal:5432/clinic took longer than 60 s and was cancelled (raise --statement-timeout)'],
    [new Error('The server does not support SSL connections'), 'cannot connect to postgres://db.internal:5432/clinic: the server does not support TLS, but the connection string asks for it (sslmode)'],
  ])('%s', (error, expected) => {
    expect(describeDbError(error, context)).toBe(expected);
  });

  it('finds the code of an AggregateError (both address families refused)', () => {
    const error = Object.assign(new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), pgError('ECONNREFUSED', 'x')]), { code: undefined });
    expect(describeDbError(error, context)).toMatch(/connection refused/);
  });

  it('passes other server messages through, without the password or PHI values', () => {
    const message = describeDbError(pgError('XX000', 'could not open postgres://reporter:Tr0ub4dor-77@db.internal for patient Cornelius Ashdown\nretry'), context);
    expect(message).toContain('(XX000)');
    expect(message).not.toContain('Tr0ub4dor-77');
    expect(message).not.toContain('Ashdown');
    expect(message).not.toContain('\n');
  });

  it('explains certificate failures', () => {
    expect(describeDbError(pgError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), context)).toMatch(/TLS certificate was not accepted .*sslmode=verify-full/);
  });
});
