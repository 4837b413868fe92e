import { writeFileSync } from 'node:fs';
import { configReference } from '../src/docs/config-reference.js';

writeFileSync(new URL('../docs/config.md', import.meta.url), configReference());
process.stdout.write('wrote docs/config.md\n');
