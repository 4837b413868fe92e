import { describe, expect, it } from 'vitest';
import { MetricRecorder } from '../../src/metrics/metric-table.js';
import { mergedPairFigures, mergersSection, primaryClouds, scriptedEventsSection } from '../../src/report/history-report.js';
import { runReportMd } from '../../src/report/run-report.js';
import { buildSummary } from '../../src/report/summary.js';
import { runSimulation } from '../../src/simulation/run-simulation.js';
import { loadConfig } from '../support/scenario-runs.js';

/** A table of `months` months with the given series (one value per month). */
function table(months: number, series: Record<string, Record<string, number[]>>): MetricRecorder {
  const recorder = new MetricRecorder(months);
  for (let t = 0; t < months; t++) {
    recorder.beginTick(`2025-${String(t + 1).padStart(2, '0')}`);
    for (const [metric, byEntity] of Object.entries(series)) for (const [entity, values] of Object.entries(byEntity)) recorder.record(metric, entity, values[t]!);
  }
  return recorder;
}

describe('history report', () => {
  it('names each vendor’s primary cloud: where most of its compute money went over the last 12 months', () => {
    const t = table(12, { 'contract.spend_usd': { 'openai@azure': Array(12).fill(3), 'openai@oracle': Array(12).fill(1), 'xai@oracle': Array(12).fill(2) } });
    expect(primaryClouds(t)).toEqual({ openai: { cloud: 'azure', spendShare: 0.75 }, xai: { cloud: 'oracle', spendShare: 1 } });
  });

  it('adds up a merged pair as one company: outside revenue, less the whole fleet and what the vendor pays other clouds', () => {
    const twelve = (x: number) => Array(12).fill(x);
    const t = table(12, {
      'vendor.revenue_usd': { anthropic: twelve(100) },
      'cloud.ai_revenue_usd': { aws: twelve(80) },
      'contract.spend_usd': { 'anthropic@aws': twelve(30), 'anthropic@gcp': twelve(10) },
      'contract.revenue_share_usd': { 'anthropic@aws': twelve(0), 'anthropic@gcp': twelve(5) },
      'cloud.fleet_cost_usd': { aws: twelve(60) },
    });
    // Revenue: 12 × (100 + 80 − 30) = 1,800; cost: 12 × (60 + 10 + 5) = 900.
    expect(mergedPairFigures(t, 'anthropic', 'aws')).toEqual({ revenueUsd: 1800, marginShare: 0.5 });
  });

  it('reports a merger scenario’s merged pair, and nothing for a run without a merger', () => {
    const merged = runSimulation(loadConfig('vertical-integration')).metrics;
    const apart = runSimulation(loadConfig('baseline')).metrics;
    const { revenueUsd, marginShare } = mergedPairFigures(merged, 'anthropic', 'aws');
    expect(revenueUsd).toBeGreaterThan(0);
    expect(mergersSection(loadConfig('vertical-integration'), merged)).toContain(`| ${(100 * marginShare).toFixed(1)} % |`);
    expect(mergersSection(loadConfig('vertical-integration'), merged)).toMatch(/\| Amazon Web Services \+ Anthropic \| Jan 2026 \| \$[\d.]+B \| -?[\d.]+ % \|/);
    expect(mergersSection(loadConfig('baseline'), apart)).toBe('');
  });

  it('reports a merger only when its acquirer holds the whole vendor at the end, so a skipped merger adds no revenue', () => {
    const scenario = loadConfig('vertical-integration');
    const twelve = (x: number) => Array(12).fill(x);
    const figures = { 'vendor.revenue_usd': { anthropic: twelve(100) }, 'cloud.ai_revenue_usd': { aws: twelve(80) }, 'cloud.fleet_cost_usd': { aws: twelve(60) } };
    const happened = table(12, { ...figures, 'stake.share': { 'aws@anthropic': twelve(1) } });
    const skipped = table(12, { ...figures, 'stake.share': { 'aws@anthropic': twelve(0.19), 'founders-and-others@anthropic': twelve(0.81) } });
    const moved = () => ({ ...scenario, start: '2025-01', events: scenario.events.map((e) => (e.type === 'merger' ? { ...e, date: '2025-06' } : e)) });
    expect(mergersSection(moved(), happened)).toMatch(/\| Amazon Web Services \+ Anthropic \| Jun 2025 \| \$2[.,]16K? \|/);
    expect(mergersSection(moved(), skipped)).toBe('');
  });

  it('lists the scripted events the run went through, with their sources, and counts those dated after its end', () => {
    const baseline = loadConfig('baseline');
    const section = scriptedEventsSection(baseline, '2024-12');
    expect(section).toMatch(/^## Scripted history\n\n\d+ dated events happen in this run \(\d+ more are dated after it ends\)/);
    expect(section).toContain('| Oct 2024 | OpenAI +$6.6B | investment | seed article: OpenAI raises $6.6B');
    expect(section).not.toContain('GPT-5');
    const run = runSimulation(baseline).metrics;
    const report = runReportMd({ scenario: baseline, summary: buildSummary(baseline, run), table: run, charts: [], files: [] });
    expect(report).toContain('## Scripted history');
    expect(report).toContain('## Compute ties at Dec 2028');
    // Trainium for Anthropic from 2025-01 was signed in 2024-11, beyond AWS's fleet: delivered late from
    // its first month, tranche by tranche as AWS builds (how long depends on the rest of AWS's books).
    expect(report).toMatch(/\| Anthropic @ Amazon Web Services \| Jan 2025 – [A-Z][a-z]{2} 20\d\d \| \d+ \| [\d.]+e\+\d MTok\/month \|/);
  });
});
