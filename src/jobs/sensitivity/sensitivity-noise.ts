import { swingNoiseFloor } from '../../analysis/seed-noise.js';
import { kpiSeedNoise, type KpiSeedNoise } from '../kpi-noise.js';

/**
 * A KPI's seed noise in a sensitivity job, whose every case (the base and each moved side) ran the
 * same seeds: the seed × case interaction (`kpi-noise.ts`), and the swing a parameter without
 * effect would show from it (`swingNoiseFloor`). NaN with one run a case: not measured.
 */
export interface SensitivityNoise extends KpiSeedNoise {
  readonly swingFloor: number;
}

/** The noise of one KPI from every run's value, case by case and seed by seed (`runValuesByKpi`). */
export function sensitivityNoise(runValues: Float64Array, cases: number, runsPerCase: number): SensitivityNoise {
  const noise = kpiSeedNoise(runValues, cases, runsPerCase);
  const swingFloor = noise.degreesOfFreedom > 0 ? swingNoiseFloor({ seedNoiseSd: noise.seedNoiseSd, runsPerPoint: runsPerCase }) : Number.NaN;
  return { ...noise, swingFloor };
}

/** Whether a swing stands out from its KPI's noise: undefined where the noise is not measured. */
export function swingBeyondNoise(swing: number, noise: SensitivityNoise | undefined): boolean | undefined {
  if (noise === undefined || !Number.isFinite(noise.swingFloor)) return undefined;
  return swing > noise.swingFloor;
}
