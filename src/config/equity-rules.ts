import { isYearMonth } from '../engine/calendar.js';
import { grantOpeningStake, issueEquity, remainderHolder, restateRefusal, restateStake, wholeTo } from '../world/cap-table.js';
import type { ConfigProblem } from './config-problem.js';

/**
 * Cap tables checked at load, on raw JSON, as the run will keep them (src/world/cap-table.ts):
 * the stakes held at the start (dealsAtStart) add up to at most 1 in each vendor; a deal-amendment
 * that restates a stake leaves the remainder holder something to absorb it with; a vendor merges
 * at most once, and only into a cloud that holds a stake in it by then (dealsAtStart, investment
 * events before it) or owns it. Events apply in date order, and in list order within a month.
 *
 * A scripted round without a valuation is priced by the valuation policy, on revenue only the run
 * knows: after one, a vendor's shares are no longer known at load and restatements are left to the
 * run (which skips one that does not fit, saying why); who holds a stake is still known.
 */

type Loose = Record<string, unknown>;

interface VendorTable {
  remainder: string;
  shares: Record<string, number>;
  /** False once a round priced at run time has changed the shares. */
  known: boolean;
  /** The event that merged it, and into which cloud. */
  merged?: { readonly name: string; readonly cloud: string; readonly date: string };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function list(value: unknown, key: string): Loose[] {
  const items = value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined;
  return Array.isArray(items) ? items.filter((e): e is Loose => e !== null && typeof e === 'object') : [];
}

function rounded(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}

/** The share a scripted round buys, from the price it states; undefined when the run prices it. */
function statedShare(event: Loose): number | undefined {
  const amount = num(event.amountUsd);
  if (amount === undefined || amount <= 0) return undefined;
  const post = num(event.valuationUsd);
  if (post !== undefined && post > amount) return amount / post;
  const pre = num(event.preMoneyValuationUsd);
  if (pre !== undefined && pre > 0) return amount / (pre + amount);
  const share = num(event.equityShare);
  return share !== undefined && share > 0 && share < 1 ? share : undefined;
}

export function checkEquityRules(scenario: unknown, cloudIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const tables = new Map<string, VendorTable>();
  for (const vendor of list(scenario, 'vendors')) {
    const id = text(vendor.id);
    if (id === undefined) continue;
    const remainder = remainderHolder(text(vendor.owner));
    tables.set(id, { remainder, shares: wholeTo(remainder), known: true });
  }

  const opening = new Map<string, { holders: string[]; total: number; last: number }>();
  list(scenario, 'dealsAtStart').forEach((deal, i) => {
    const investor = text(deal.cloud) ?? text(deal.investor);
    const vendor = text(deal.vendor);
    const share = num(deal.equityShare);
    const table = vendor === undefined ? undefined : tables.get(vendor);
    if (investor === undefined || share === undefined || table === undefined || investor === table.remainder) return;
    const sum = opening.get(vendor!) ?? { holders: [], total: 0, last: i };
    opening.set(vendor!, { holders: [...sum.holders, `${investor} ${share} (dealsAtStart[${i}])`], total: sum.total + share, last: i });
    grantOpeningStake(table.shares, investor, share, table.remainder);
  });
  for (const [vendor, sum] of opening) {
    if (sum.total <= 1 + 1e-9) continue;
    problems.push({
      path: `dealsAtStart[${sum.last}]`,
      message: `the stakes held in ${vendor} at the start add up to ${rounded(sum.total)}, above the whole vendor: ${sum.holders.join(', ')}; lower them so they add up to at most 1 (the founders and others hold the rest)`,
    });
  }

  const events = list(scenario, 'events')
    .map((event, index) => ({ event, index, date: text(event.date) }))
    .filter((e): e is { event: Loose; index: number; date: string } => e.date !== undefined && isYearMonth(e.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  for (const { event, index, date } of events) {
    const path = `events[${index}]`;
    const name = text(event.id) ?? path;
    const vendor = text(event.vendor);
    const table = vendor === undefined ? undefined : tables.get(vendor);
    const investor = text(event.cloud) ?? text(event.investor);
    if (table === undefined || investor === undefined) continue;

    switch (text(event.type)) {
      case 'investment': {
        const share = statedShare(event);
        if (share === undefined) {
          table.known = false;
          table.shares[investor] = table.shares[investor] ?? Number.MIN_VALUE;
        } else {
          issueEquity(table.shares, investor, share);
        }
        break;
      }
      case 'deal-amendment': {
        const share = num(event.equityShare);
        if (share === undefined || table.shares[investor] === undefined) break;
        const refusal = table.known ? restateRefusal(table.shares, investor, share, table.remainder) : null;
        if (refusal !== null) {
          problems.push({
            path: `${path}.equityShare`,
            message: `${name} gives ${investor} ${share} of ${vendor} in ${date}, which its cap table cannot hold: ${refusal}; lower the stake, or the stakes before it`,
          });
          break;
        }
        restateStake(table.shares, investor, share, table.remainder);
        if (share === 0) delete table.shares[investor];
        break;
      }
      case 'merger': {
        if (!cloudIds.includes(investor)) break;
        if (table.merged !== undefined) {
          problems.push({
            path,
            message: `${name} merges ${vendor} into ${investor} in ${date}, but ${table.merged.name} merged it into ${table.merged.cloud} in ${table.merged.date}; a vendor merges once: drop one of them`,
          });
          break;
        }
        const holds = table.remainder === investor || (table.shares[investor] ?? 0) > 0;
        if (!holds) {
          const holders = Object.keys(table.shares).filter((h) => h !== table.remainder && cloudIds.includes(h));
          problems.push({
            path,
            message: `${name} merges ${vendor} into ${investor} in ${date}, but ${investor} holds no stake in ${vendor} by then (stakes come from dealsAtStart and earlier investment events; clouds holding one: ${holders.join(', ') || 'none'}); script ${investor}'s investment before the merger, or merge into a holder`,
          });
          break;
        }
        table.merged = { name, cloud: investor, date };
        table.remainder = investor;
        table.shares = wholeTo(investor);
        table.known = true;
        break;
      }
    }
  }
  return problems;
}
