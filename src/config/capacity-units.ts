/**
 * Capacity is MTok of inference a month. Deals are reported in GW: 1 GW of AI data centre is about
 * 700,000 H100-class accelerators at about 1.4 kW each, all in (chip, host, network, cooling), each
 * serving about 2 MTok an hour of a GPT-4-class model in batches (the throughput behind
 * compute.gpuCostUsdPerMTok: $3–4 an hour over 2 MTok), 1,460 MTok a month: about 1.0e9 MTok a month.
 * That is on 2023 hardware: at the 2023 GPU cost of $1.8 per MTok-month a GW costs $1.8B a month;
 * Oracle's $300B over 5 years for 4.5 GW from 2027 is $1.11B per GW-month, about as much, for a
 * GW that serves several times the tokens (market/compute-cost.ts, mTokPerGwAt).
 */
export const GW_IN_MTOK_PER_MONTH = 1.0e9;
