/**
 * Records the catalogue trajectory and decisions of one engine run, for the kernel:
 * `node --import tsx bench/cases/record-trajectory.ts <enterprises> <months> <out.json>`. Untimed.
 */
import { writeFileSync } from 'node:fs';
import { recordCatalogueTrajectory } from '../catalogue-trajectory.js';
import { baselineWith, positiveIntArg } from '../scenario.js';

const enterprises = positiveIntArg(process.argv[2], 'enterprises');
const months = positiveIntArg(process.argv[3], 'months');
const out = process.argv[4];
if (!out) throw new Error('usage: record-trajectory.ts <enterprises> <months> <out.json>');
writeFileSync(out, JSON.stringify(recordCatalogueTrajectory(baselineWith(enterprises), months)));
process.stdout.write(`${JSON.stringify({ enterprises, months, file: out })}\n`);
