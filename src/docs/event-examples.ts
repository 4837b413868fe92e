
/**
 * One example of each dated event, as docs/config.md shows it; each is checked against the
 * baseline by test/docs/event-examples.test.ts, so the documentation cannot drift from the schema.
 */
export interface EventExample {
  readonly title: string;
  /** What the event does, in one or two sentences. */
  readonly explain: string;
  readonly event: Record<string, unknown>;
}

export const EVENT_EXAMPLES: readonly EventExample[] = [
  {
    title: 'A model release',
    explain: 'The vendor’s quality index becomes `quality` (or is multiplied by `qualityGain`); `model` names it on charts.',
    event: { id: 'gpt-5', date: '2025-08', type: 'model-release', vendor: 'openai', model: 'GPT-5', quality: 1.21, note: 'OpenAI, August 2025; LMArena Elo about 1440' },
  },
  {
    title: 'An investment by a cloud',
    explain: 'Cash for equity at the round’s post-money `valuationUsd`; the cloud’s `status` ties the vendor’s compute, `minAsicShare` asks for its chips, and part of the cash comes back as a binding compute commitment.',
    event: { date: '2024-11', type: 'investment', cloud: 'aws', vendor: 'anthropic', amountUsd: 4e9, status: 'primary', minAsicShare: 0.5, computeCommitmentUsd: 2e9, commitmentMonths: 36, label: 'AWS +$4B' },
  },
  {
    title: 'An investment by an investor that is not a cloud',
    explain: 'SoftBank, Nvidia, a fund: equity at the valuation, diluting every holder, no tie; a condition such as a compute commitment names its cloud.',
    event: { date: '2025-11', type: 'investment', investor: 'nvidia', vendor: 'anthropic', amountUsd: 1e10, valuationUsd: 3.5e11, computeCommitmentUsd: 5e9, commitmentCloud: 'azure', commitmentMonths: 60 },
  },
  {
    title: 'A deal amended or ended',
    explain:
      'Every deal between the investor and the vendor changes: `status` from exclusive to right-of-first-refusal to primary to none, the investor’s whole `equityShare`, the `permittedClouds`. Under a right of first refusal the holder is asked for all new capacity first; other clouds get what it cannot or will not supply, the same month.',
    event: { date: '2025-01', type: 'deal-amendment', cloud: 'azure', vendor: 'openai', status: 'right-of-first-refusal' },
  },
  {
    title: 'A compute commitment with no cash',
    explain: 'The vendor must spend `amountUsd` on the cloud over `months` from `from`: compute it buys there pays it down, it buys training there to stay on a straight-line pace, and what is left at the end is paid anyway. `vendor.commitments_remaining_usd` shows it.',
    event: { date: '2025-10', type: 'compute-commitment', vendor: 'openai', cloud: 'azure', amountUsd: 2.5e11, from: '2026-01', months: 84 },
  },
  {
    title: 'A compute contract with its own ASIC share, ramp and use',
    explain:
      'Capacity by tranche (`ramp`) or at once, in MTok (`capacityMTok`) or, as deals are reported, in GW (`capacityGw`, priced by `priceUsdPerGwMonth`: each GW serves the tokens of the hardware of the month it comes into service), for `months` from its first capacity; `asicShare` 1 is all on the cloud’s own chips; `use` is inference (serves tokens), training (trains models, outside the gross margin) or both (serves first, trains on the idle rest). What the cloud’s fleet cannot hold is built: its first racks come into service `buildLeadMonths` after signing and the rest in monthly tranches over `buildRampMonths`, no month more than doubling the fleet; it is delivered late until then (`contract.undelivered_mtok`) and each tranche’s capex is booked when it comes.',
    event: {
      date: '2025-10',
      type: 'compute-contract',
      vendor: 'anthropic',
      cloud: 'gcp',
      use: 'both',
      asicShare: 1,
      ramp: [
        { from: '2026-01', capacityGw: 0.3 },
        { from: '2026-12', capacityGw: 1 },
      ],
      months: 60,
    },
  },
  {
    title: 'A marketplace listing added or removed',
    explain: 'The cloud’s marketplace sells the model from `date` and keeps `revenueShare` of each sale; a `delisting` stops it, and its buyers move.',
    event: { date: '2025-11', type: 'listing', cloud: 'azure', vendor: 'anthropic', revenueShare: 0.25 },
  },
  {
    title: 'A merger',
    explain: 'The vendor joins the cloud’s group: compute at cost, no revenue share on the owner’s marketplace.',
    event: { date: '2026-01', type: 'merger', cloud: 'aws', vendor: 'anthropic' },
  },
  {
    title: 'A capacity shock',
    explain: 'A cloud’s GPU or ASIC fleet changes by a share, outside its capex cycle.',
    event: { date: '2026-03', type: 'capacity-shock', cloud: 'azure', gpuChange: -0.35 },
  },
  {
    title: 'A policy change',
    explain: 'An agent’s decision rule is replaced from the month on.',
    event: { date: '2026-01', type: 'policy-change', agent: 'vendor/openai', slot: 'pricing', policy: { type: 'fixed-price' } },
  },
];
