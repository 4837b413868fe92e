import { z } from 'zod';
import { scenarioSchema } from '../config/scenario-schema.js';
import { POLICIES } from '../policies/registry.js';
import type { PolicyRole } from '../policies/policy-roles.js';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
};

const HEADER = `# Config reference

Generated from the runtime schema by \`npm run docs\`; a test fails when this file is stale.
A scenario is one JSON file; \`configs/baseline.json\` is a complete example and
\`configs/commoditized.json\` shows \`extends\`. Units are in the field names and descriptions:
USD, MTok (a million tokens), months.

## Composition with \`extends\`
\`"extends": "baseline.json"\` (a path relative to the file) takes the parent scenario and applies
this file on top of it:
- objects merge key by key, recursively;
- arrays of objects that all have an \`id\` (\`clouds\`, \`vendors\`, \`enterprises.segments\`) merge entry
  by entry on \`id\`: an entry with a known id merges into the parent's, a new id is appended;
- any other array (\`marketplace\`, a vendor's \`compute\`, \`computeClouds\`) and any scalar replaces the
  parent's value.
A chain of parents is followed; a missing parent or a cycle is an error.

## Policies
Every decision an agent makes is a policy written \`{ "type": "<name>", "params": { ... } }\`. The
type picks the rule; params left out take the defaults listed below; an unknown type or param is an
error that lists the valid ones.
`;

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.pattern !== undefined) parts.push(`pattern \`${schema.pattern}\``);
  return parts.join(', ');
}

function typeName(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (schema.type === 'array') return `array of ${schema.items ? typeName(schema.items) : 'values'}`;
  if (schema.properties && 'type' in schema.properties && 'params' in schema.properties) return 'policy';
  return Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'value');
}

function rows(schema: JsonSchema, prefix: string, out: string[]): void {
  const required = new Set(schema.required ?? []);
  for (const [key, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${key}`;
    const variants = field.oneOf ?? field.anyOf;
    const cell = [field.description ?? '', constraints(field), field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : '']
      .filter((s) => s !== '')
      .join('; ');
    out.push(`| \`${path}\` | ${typeName(field)} | ${required.has(key) && field.default === undefined ? 'yes' : 'no'} | ${cell.replace(/\|/g, '\\|')} |`);
    if (field.properties && !(('type' in field.properties) && ('params' in field.properties))) rows(field, `${path}.`, out);
    if (field.type === 'array' && field.items?.properties) rows(field.items, `${path}[].`, out);
    if (field.type === 'array' && field.items && (field.items.oneOf ?? field.items.anyOf)) {
      for (const variant of field.items.oneOf ?? field.items.anyOf ?? []) {
        const tag = variant.properties?.weights?.const;
        out.push(`| *${path}[] with \`weights: ${JSON.stringify(tag)}\`* | | | |`);
        rows(variant, `${path}[].`, out);
      }
    }
    if (variants && !field.items) for (const variant of variants) rows(variant, `${path}.`, out);
  }
}

function policySection(role: PolicyRole): string {
  const lines = [`### ${role}`];
  for (const policy of POLICIES[role]) {
    lines.push('', `**\`${policy.type}\`**: ${policy.summary}`, '');
    const schema = z.toJSONSchema(policy.params, { io: 'input' }) as JsonSchema;
    const params = Object.entries(schema.properties ?? {});
    if (params.length === 0) {
      lines.push('No params.');
      continue;
    }
    lines.push('| param | default | range | meaning |', '|---|---|---|---|');
    for (const [name, param] of params) {
      lines.push(`| \`${name}\` | ${param.default !== undefined ? `\`${JSON.stringify(param.default)}\`` : '—'} | ${constraints(param) || '—'} | ${param.description ?? ''} |`);
    }
  }
  return lines.join('\n');
}

/** docs/config.md, from the scenario schema and the policy registry. */
export function configReference(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const fieldRows: string[] = ['| field | type | required | meaning |', '|---|---|---|---|'];
  rows(schema, '', fieldRows);
  const roles = Object.keys(POLICIES) as PolicyRole[];
  return [HEADER, roles.map(policySection).join('\n\n'), '', '## Fields', '', ...fieldRows, ''].join('\n');
}
