/** The rule registry: adding a rule is one file pair under rules/ and one line here. */
import type { AnyRule } from '../src/core/rule.js';
import parseError from './parse-error.js';
import schemaIdentifier from './schema-identifier.js';
import schemaComment from './schema-comment.js';
import codeComment from './code-comment.js';
import queryLogConfig from './query-log-config.js';
import literal from './literal.js';
import log from './log.js';
import errorMessage from './error-message.js';
import metadataField from './metadata-field.js';
import dynamicIdentifier from './dynamic-identifier.js';
import supportTicket from './support-ticket.js';
import sessionTimeout from './session-timeout.js';
import nonBaaService from './non-baa-service.js';
import hipaaProjectSetting from './hipaa-project-setting.js';

export const rules: AnyRule[] = [
  parseError,
  schemaIdentifier,
  schemaComment,
  codeComment,
  queryLogConfig,
  literal,
  log,
  errorMessage,
  metadataField,
  dynamicIdentifier,
  supportTicket,
  sessionTimeout,
  nonBaaService,
  hipaaProjectSetting,
];
