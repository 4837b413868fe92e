/** Keywords a JSON Schema document holds at its top level; a scenario's fields are none of them but `description`. */
const JSON_SCHEMA_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$defs', '$comment', '$anchor', '$dynamicAnchor', '$vocabulary', 'definitions',
  'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'required',
  'propertyNames', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas',
  'items', 'prefixItems', 'contains', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
]);
const STRUCTURAL_KEYWORDS = ['type', 'properties', '$defs', 'definitions', '$ref', 'allOf', 'anyOf', 'oneOf', 'if'];

/**
 * A JSON Schema document (configs/schema.json): its `$schema` names a json-schema.org dialect, it
 * describes something (type, properties, ...) and holds nothing but schema keywords. A scenario
 * that merely points `$schema` at json-schema.org is still a scenario, and checked as one.
 */
export function isJsonSchema(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const { $schema } = json as { $schema?: unknown };
  if (typeof $schema !== 'string' || !/^https?:\/\/json-schema\.org\//.test($schema)) return false;
  const keys = Object.keys(json);
  return keys.every((key) => JSON_SCHEMA_KEYWORDS.has(key)) && STRUCTURAL_KEYWORDS.some((key) => keys.includes(key));
}
