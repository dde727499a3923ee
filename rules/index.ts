/** The rule registry: adding a rule is one file pair under rules/ and one line here. */
import type { AnyRule } from '../src/core/rule.js';

export const rules: AnyRule[] = [
];
