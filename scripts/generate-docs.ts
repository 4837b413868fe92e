import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText, SCHEMA_FILE } from '../src/config/json-schema.js';
import { configReference } from '../src/docs/config-reference.js';

/** `npm run docs`: docs/config.md and configs/schema.json, both generated from the runtime schema. */
writeFileSync(new URL('../docs/config.md', import.meta.url), configReference());
writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), scenarioJsonSchemaText());
process.stdout.write(`wrote docs/config.md and ${SCHEMA_FILE}\n`);
