import { describe, expect, it } from 'vitest';
import { metricsCsv } from '../../src/report/metrics-csv.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { packTable, unpackTable } from '../../src/explorer/page/packed-table.js';
import { scenarioOf, tinyScenarioInput } from '../support/scenario-fixtures.js';

/**
 * A run as it goes (RunOptions.onMonth, which the explorer draws from): each month's call sees the
 * months so far, and what it saw of a month is what the finished run says of it.
 */
describe('runSimulation month by month', () => {
  const scenario = scenarioOf({ ...tinyScenarioInput(), months: 9 });

  it('calls onMonth once a month with the months so far, each of them as the finished run has it, and the run is the same with or without it', () => {
    const seen: string[] = [];
    const csvSoFar: string[] = [];
    const lengths: number[][] = [];
    const run = runSimulation(scenario, {
      onMonth: (metrics) => {
        seen.push(metrics.dates.at(-1)!);
        // Packed as the explorer's worker posts it: the months so far, copied.
        const posted = unpackTable(packTable(metrics));
        csvSoFar.push(metricsCsv(posted));
        // Each series holds the months so far, not the columns' room for the whole run: a chart draws every value it is given.
        lengths.push([...new Set(posted.metricNames().flatMap((name) => [...posted.series(name).values()].map((values) => values.length)))]);
      },
    });
    expect(seen).toEqual(run.metrics.dates);
    expect(lengths).toEqual(run.metrics.dates.map((_, k) => [k + 1]));
    const whole = metricsCsv(run.metrics).trimEnd().split('\n');
    csvSoFar.forEach((csv, k) => {
      const rows = csv.trimEnd().split('\n');
      // Every row of the first k + 1 months, exactly as the whole run has it.
      expect(rows).toEqual(whole.filter((row, r) => r === 0 || run.metrics.dates.indexOf(row.split(',')[1]!) <= k));
    });
    expect(metricsCsv(runSimulation(scenario).metrics)).toBe(metricsCsv(run.metrics));
  });
});
