import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText, SCHEMA_FILE } from '../src/config/json-schema.js';
import { configReference } from '../src/docs/config-reference.js';
import { TARGETS_SCHEMA_FILE, targetsJsonSchemaText } from '../src/calibration/targets-json-schema.js';
import { targetsReference } from '../src/docs/targets-reference.js';

/** `npm run docs`: docs/config.md, configs/schema.json, configs/targets.schema.json and docs/targets.md, generated from the runtime schemas. */
writeFileSync(new URL('../docs/config.md', import.meta.url), configReference());
writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), scenarioJsonSchemaText());
writeFileSync(new URL(`../${TARGETS_SCHEMA_FILE}`, import.meta.url), targetsJsonSchemaText());
writeFileSync(new URL('../docs/targets.md', import.meta.url), targetsReference());
process.stdout.write(`wrote docs/config.md, ${SCHEMA_FILE}, ${TARGETS_SCHEMA_FILE} and docs/targets.md\n`);
