import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText, SCHEMA_FILE } from '../src/config/json-schema.js';
import { configReference } from '../src/docs/config-reference.js';
import { TARGETS_SCHEMA_FILE, targetsJsonSchemaText } from '../src/calibration/targets-json-schema.js';

/** `npm run docs`: docs/config.md and configs/schema.json, both generated from the runtime schema. */
writeFileSync(new URL('../docs/config.md', import.meta.url), configReference());
writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), scenarioJsonSchemaText());
writeFileSync(new URL(`../${TARGETS_SCHEMA_FILE}`, import.meta.url), targetsJsonSchemaText());
process.stdout.write(`wrote docs/config.md, ${SCHEMA_FILE} and ${TARGETS_SCHEMA_FILE}\n`);
