import { describe, expect, it } from 'vitest';
import { runHeadlines } from '../../src/report/run-headlines.js';
import type { Summary } from '../../src/report/summary.js';

const summary = (final: Summary['final'], ticks = 1): Summary =>
  ({ scenario: 's', description: '', seed: 3, ticks, start: '2024-01', end: '2024-01', configHash: 'sha256:x', final, totals: {} }) as Summary;

describe('what simulate prints when a run is done', () => {
  it('says "none" for a figure the run does not have, never $NaN/MTok, and "1 month"', () => {
    const lines = runHeadlines(summary({ 'market.hhi': { market: Number.NaN } }));
    expect(lines).toEqual([
      's: 1 month from 2024-01 to 2024-01, seed 3',
      '  enterprise share at 2024-01: none',
      '  ARR at 2024-01: none',
      '  average token price none, HHI none, adoption none',
    ]);
    expect(lines.join('\n')).not.toMatch(/NaN|undefined/);
  });

  it('names the three largest, and the market’s figures', () => {
    const lines = runHeadlines(
      summary(
        {
          'vendor.enterprise_share': { a: 0.1, b: 0.5, c: 0.3, d: 0.1 },
          'market.avg_price_usd_per_mtok': { market: 1.474 },
          'market.hhi': { market: 3635.2 },
          'market.adoption_rate': { market: 0.92 },
        },
        37,
      ),
    );
    expect(lines[0]).toBe('s: 37 months from 2024-01 to 2024-01, seed 3');
    expect(lines[1]).toBe('  enterprise share at 2024-01: b 50%, c 30%, a 10%');
    expect(lines[3]).toBe('  average token price $1.47/MTok, HHI 3635, adoption 92%');
  });
});
