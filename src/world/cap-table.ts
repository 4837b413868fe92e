/**
 * A vendor's cap table: the share of the vendor each holder owns, summing to 1. Holders are
 * investors (a cloud id, softbank, nvidia, funds, ...) and one remainder holder, who owns what the
 * others do not: the founders, employees and early holders of an independent vendor
 * (`founders-and-others`), or the group that owns the vendor (Google's Gemini: `gcp`). Pure
 * arithmetic, shared by the world (apply-event.ts), the agents and the config's load rules.
 */

export type CapTable = Readonly<Record<string, number>>;

/** The remainder holder of an independent vendor: founders, employees and holders the config does not name. */
export const FOUNDERS_AND_OTHERS = 'founders-and-others';

/** Who holds the equity sold in rounds no named investor took. */
export const FINANCIAL_INVESTORS = 'financial-investors';

/** Who holds what the named investors do not: the owning group, or the founders and others. */
export function remainderHolder(owner: string | null | undefined): string {
  return owner ?? FOUNDERS_AND_OTHERS;
}

/** A vendor as its remainder holder alone owns it, before any stake. */
export function wholeTo(holder: string): Record<string, number> {
  return { [holder]: 1 };
}

/** Equity bought in a round priced at `preMoneyUsd`: amount ÷ post-money. */
export function shareBought(amountUsd: number, preMoneyUsd: number): number {
  return amountUsd / (preMoneyUsd + amountUsd);
}

/** The pre-money valuation a share bought for an amount implies (amount ÷ share − amount). */
export function impliedPreMoneyUsd(amountUsd: number, share: number): number {
  return amountUsd / share - amountUsd;
}

/**
 * New equity issued to an investor for `share` of the vendor after the issue: every holder,
 * the investor's earlier stake included, keeps (1 − share) of what it had. The table still sums to 1.
 */
export function issueEquity(table: Record<string, number>, investor: string, share: number): void {
  if (share <= 0) return;
  for (const holder of Object.keys(table)) table[holder] = table[holder]! * (1 - share);
  table[investor] = (table[investor] ?? 0) + share;
}

/**
 * Why a stake held before the run (no new equity: it comes out of the remainder's) cannot be
 * recorded, or null.
 */
export function openingStakeRefusal(table: CapTable, investor: string, share: number, remainder: string): string | null {
  if (investor === remainder) return `${investor} holds the remainder of the vendor; it takes no opening stake`;
  const left = table[remainder] ?? 0;
  return share <= left + 1e-12 ? null : `the remainder holder ${remainder} holds ${left}, less than the ${share} ${investor} would take from it`;
}

/** A stake held before the run, taken out of the remainder holder's. */
export function grantOpeningStake(table: Record<string, number>, investor: string, share: number, remainder: string): void {
  table[investor] = (table[investor] ?? 0) + share;
  table[remainder] = (table[remainder] ?? 0) - share;
}

/**
 * Why an investor's stake cannot be restated to `share` (a recapitalisation), the remainder
 * holder absorbing the difference, or null.
 */
export function restateRefusal(table: CapTable, investor: string, share: number, remainder: string): string | null {
  if (investor === remainder) return `${investor} holds the remainder of the vendor: its stake is what the other holders leave, not restated`;
  const left = (table[remainder] ?? 0) + (table[investor] ?? 0) - share;
  if (left >= -1e-12) return null;
  const others = Object.entries(table)
    .filter(([holder, held]) => holder !== investor && holder !== remainder && held > 0)
    .map(([holder, held]) => `${holder} ${round(held)}`);
  return `the other holders (${others.join(', ')}) own ${round(1 - (table[remainder] ?? 0) - (table[investor] ?? 0))}, leaving ${round(1 - share)} after ${investor}'s ${share}`;
}

/** Restates an investor's stake; the remainder holder absorbs the difference (checked by restateRefusal). */
export function restateStake(table: Record<string, number>, investor: string, share: number, remainder: string): void {
  table[remainder] = (table[remainder] ?? 0) + (table[investor] ?? 0) - share;
  table[investor] = share;
}

/** The sum of a cap table's shares (1 when it balances). */
export function capTableTotal(table: CapTable): number {
  return Object.values(table).reduce((sum, share) => sum + share, 0);
}

function round(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
