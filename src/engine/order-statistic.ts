/**
 * Order statistics of a Float64Array without sorting it. They are taken in the order a
 * Float64Array sorts in (ascending, −0 before +0, NaN last), so that each is the very value, sign
 * of zero included, that sorting and indexing would give: a month's median over 20,000 adopters
 * costs a sort of 2 ms otherwise, a few per cent of a baseline run (docs/performance.md).
 */

/** Whether a sorts before b in a Float64Array's sort. */
export function sortsBefore(a: number, b: number): boolean {
  if (a < b) return true;
  // NaN goes last: nothing is before it and it is before nothing.
  if (a > b || a !== a) return false;
  if (b !== b) return true;
  return a === 0 && b === 0 && 1 / a < 0 && 1 / b > 0;
}

/** The value that would come last of `values` (not empty) once sorted. */
export function lastInOrder(values: Float64Array): number {
  let last = values[0]!;
  for (let k = 1; k < values.length; k++) if (sortsBefore(last, values[k]!)) last = values[k]!;
  return last;
}

/**
 * The value at index k of `values` once sorted, found by moving its values about in place (Hoare's
 * selection, as Wirth writes it): on average a pass over the array rather than a sort. Afterwards
 * no value before index k sorts after the one at k, and none after it sorts before it. A run of bad
 * pivots falls back to sorting what is left, so the worst case stays that of a sort.
 */
export function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let passesLeft = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (lo < hi) {
    if (passesLeft-- === 0) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    const pivot = medianOfThree(values[lo]!, values[(lo + hi) >>> 1]!, values[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (sortsBefore(values[i]!, pivot)) i++;
      while (sortsBefore(pivot, values[j]!)) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // [lo, j] sorts no later than the pivot, [i, hi] no earlier, and what lies between equals it.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  if (sortsBefore(b, a)) [a, b] = [b, a];
  if (sortsBefore(c, b)) [b, c] = [c, b];
  if (sortsBefore(b, a)) [a, b] = [b, a];
  return b;
}
