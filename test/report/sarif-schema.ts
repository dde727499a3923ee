/**
 * Validator for the official SARIF 2.1.0 schema. `sarif-schema-2.1.0.json` beside this file is the
 * OASIS schema (SARIF 2.1.0 errata01, OASIS Standard), copied unchanged from the GitHub repository
 * oasis-tcs/sarif-spec, file Schemata/sarif-schema-2.1.0.json (commit 0a8091f7d4057e57b6d8d9b56129e5f918747b34);
 * its id is https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

// RFC 3986 characters, with valid percent-encodings only; linear (no nested quantifiers).
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function isUriReference(value: string): boolean {
  if (!URI_CHARS.test(value)) return false;
  if (SCHEME.test(value)) return URL.canParse(value);
  // A relative reference: its first segment must not look like a scheme.
  const firstSegment = value.split(/[/?#]/, 1)[0] ?? '';
  return !firstSegment.includes(':');
}

export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  // The schema is written in draft-04 dialect; the keywords it uses mean the same in draft-07, which ajv 8 speaks.
  const { $schema: _dialect, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => SCHEME.test(value) && isUriReference(value));
  ajv.addFormat('uri-reference', isUriReference);
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: String(id) });
}
