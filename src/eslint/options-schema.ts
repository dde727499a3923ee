/** A registry rule's option specs as the JSON schema ESLint validates rule options with. */
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { OptionSpec } from '../core/rule.js';

function propertySchema(spec: OptionSpec): JSONSchema4 {
  switch (spec.type) {
    case 'number':
      return { type: 'number', description: spec.description, ...(spec.min !== undefined ? { minimum: spec.min } : {}) };
    case 'boolean':
      return { type: 'boolean', description: spec.description };
    case 'string':
      return { type: 'string', description: spec.description, ...(spec.enum ? { enum: [...spec.enum] } : {}) };
    case 'string[]':
      return { type: 'array', description: spec.description, items: { type: 'string' } };
  }
}

export function optionsSchema(specs: Record<string, OptionSpec>): JSONSchema4[] {
  const entries = Object.entries(specs);
  if (entries.length === 0) return [];
  return [
    {
      type: 'object',
      properties: Object.fromEntries(entries.map(([key, spec]) => [key, propertySchema(spec)])),
      additionalProperties: false,
    },
  ];
}
