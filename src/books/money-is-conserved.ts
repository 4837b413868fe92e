import { vendorRevenueUsd, type CloudBooks, type VendorBooks } from '../world/state.js';
import type { MonthBooks } from './month-books.js';
import { agrees, type Violation } from './violation.js';

const usd = (x: number) => `$${x.toPrecision(8)}`;

/**
 * Each cloud's side of a flow from vendors: what the vendors' books say they paid it (one entry per
 * cloud in each vendor's `paid` record) against what the cloud booked; a violation names the cloud.
 */
function paidToEachCloud(
  { world }: MonthBooks,
  invariant: string,
  paid: (books: VendorBooks) => Readonly<Record<string, number>>,
  booked: (books: CloudBooks) => number,
  describe: (paidUsd: string, bookedUsd: string) => string,
): Violation[] {
  const found: Violation[] = [];
  for (const cloud of Object.values(world.clouds)) {
    let total = 0;
    for (const vendor of Object.values(world.vendors)) total += paid(vendor.books)[cloud.id] ?? 0;
    if (!agrees(total, booked(cloud.books))) found.push({ invariant, entity: cloud.id, message: describe(usd(total), usd(booked(cloud.books))) });
  }
  return found;
}

/**
 * What vendors pay each cloud for compute (reservations used and idle, training, commitment
 * shortfalls) is what the cloud books as compute sold to vendors.
 */
export function computePaidIsComputeBooked(books: MonthBooks): Violation[] {
  return paidToEachCloud(
    books,
    'computePaidIsComputeBooked',
    (b) => b.computeSpendByCloud,
    (b) => b.vendorComputeRevenueUsd,
    (paid, booked) => `vendors paid ${paid} for compute, the cloud booked ${booked}`,
  );
}

/** The revenue shares vendors pay on marketplace sales are what each cloud books as marketplace revenue. */
export function revenueSharePaidIsKept(books: MonthBooks): Violation[] {
  return paidToEachCloud(
    books,
    'revenueSharePaidIsKept',
    (b) => b.revenueShareByCloud,
    (b) => b.marketplaceRevenueUsd,
    (paid, kept) => `vendors paid ${paid} of revenue share, the cloud kept ${kept}`,
  );
}

/**
 * What enterprises pay is what vendors and hosts book: a closed vendor's API revenue is the API
 * tokens asked of it (from the month's demand) × the share it could serve × its list price; its
 * subscription revenue is its subscribers × the subscription price; a cloud's hosting revenue is
 * the open-weights tokens it served × its price.
 */
export function enterprisesPayWhatIsBooked({ world, demand, scenario }: MonthBooks): Violation[] {
  const found: Violation[] = [];
  const clouds = Object.keys(world.clouds).length;
  const roster = demand.directMTok.length;
  // The demand arrays follow the run's roster, whose first vendors are the scenario in force's, in order.
  for (const vendor of Object.values(world.vendors)) {
    if (vendor.weights !== 'closed') continue;
    const b = vendor.books;
    const v = scenario.vendors.findIndex((c) => c.id === vendor.id);
    if (v < 0 || v >= roster) continue;
    let asked = demand.directMTok[v]!;
    for (let c = 0; c < clouds; c++) asked += demand.viaCloudMTok[v * clouds + c]!;
    const totalAsked = asked + b.subscriberDemandMTok + b.freeUserDemandMTok;
    const servedShare = totalAsked > 0 ? Math.min(1, b.servedMTok / totalAsked) : 1;
    // A small tier's tokens at its own price (the demand's small-tier part).
    let small = demand.directSmallMTok?.[v] ?? 0;
    for (let c = 0; c < clouds; c++) small += demand.viaCloudSmallMTok?.[v * clouds + c] ?? 0;
    const charged = vendor.smallTier
      ? ((asked - small) * vendor.priceUsdPerMTok + small * vendor.smallTier.priceUsdPerMTok) * servedShare
      : asked * servedShare * vendor.priceUsdPerMTok;
    const booked = b.revenueApiDirectUsd + b.revenueMarketplaceUsd;
    if (!agrees(charged, booked)) {
      found.push({ invariant: 'enterprisesPayWhatIsBooked', entity: vendor.id, message: `enterprises were charged ${usd(charged)} for API tokens, the vendor booked ${usd(booked)}` });
    }
    const subscriptions = vendor.subscribers * scenario.consumers.priceUsdPerMonth;
    if (!agrees(subscriptions, b.revenueSubscriptionUsd)) {
      found.push({ invariant: 'enterprisesPayWhatIsBooked', entity: vendor.id, message: `subscribers paid ${usd(subscriptions)}, the vendor booked ${usd(b.revenueSubscriptionUsd)}` });
    }
  }
  for (const cloud of Object.values(world.clouds)) {
    const charged = cloud.books.hostingMTok * cloud.openModelPriceUsdPerMTok;
    if (!agrees(charged, cloud.books.hostingRevenueUsd)) {
      found.push({ invariant: 'enterprisesPayWhatIsBooked', entity: cloud.id, message: `open-weights tokens served × price = ${usd(charged)}, the cloud booked ${usd(cloud.books.hostingRevenueUsd)}` });
    }
  }
  return found;
}

/**
 * A vendor's cash moves only with its month's books: revenue, less revenue shares, compute for
 * serving (used and idle), training and commitment shortfalls, plus what it raised. Checked for
 * vendors in the market the whole month.
 */
export function cashMovesWithTheBooks({ world, previous }: MonthBooks): Violation[] {
  const found: Violation[] = [];
  for (const vendor of Object.values(world.vendors)) {
    const before = previous.vendors[vendor.id];
    if (before === undefined) continue;
    const b = vendor.books;
    const flow =
      vendorRevenueUsd(b) - b.revenueShareUsd - b.inferenceComputeUsd - b.idleCapacityUsd - b.trainingComputeUsd - b.commitmentShortfallUsd + b.raisedUsd;
    const expected = before.cashUsd + flow;
    if (!agrees(vendor.cashUsd, expected)) {
      found.push({ invariant: 'cashMovesWithTheBooks', entity: vendor.id, message: `cash ${usd(vendor.cashUsd)}, but ${usd(before.cashUsd)} last month and a month's flow of ${usd(flow)} give ${usd(expected)}` });
    }
  }
  return found;
}
