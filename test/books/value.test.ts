import { describe, expect, it } from 'vitest';
import type { AdopterRoi } from '../../src/agents/enterprises.js';
import type { MonthBooks } from '../../src/books/month-books.js';
import { INVARIANTS } from '../../src/books/check-month.js';
import { roiWithinSurveyedRange } from '../../src/books/value.js';

/** The books of a month whose adopters returned `adopterRoi`; the invariant reads nothing else. */
function booksWith(adopterRoi: AdopterRoi | undefined): MonthBooks {
  const demand = { directMTok: new Float64Array(0), viaCloudMTok: new Float64Array(0), adopters: 1, inProduction: 1, switches: 0, ...(adopterRoi ? { adopterRoi } : {}) };
  return { date: '2027-12', tick: 48, demand } as unknown as MonthBooks;
}

describe('roiWithinSurveyedRange', () => {
  it('is checked every month', () => expect(INVARIANTS.roiWithinSurveyedRange).toBe(roiWithinSurveyedRange));

  it('passes adopters within what surveys report, and a month without adopters', () => {
    expect(roiWithinSurveyedRange(booksWith({ median: 2.7, max: 9.3 }))).toEqual([]);
    expect(roiWithinSurveyedRange(booksWith({ median: 9.99, max: 50 }))).toEqual([]);
    expect(roiWithinSurveyedRange(booksWith(undefined))).toEqual([]);
  });

  it('names a median adopter at 10× or more, and any adopter above 50×', () => {
    const found = roiWithinSurveyedRange(booksWith({ median: 90, max: 3583 }));
    expect(found.map((v) => [v.invariant, v.entity])).toEqual([
      ['roiWithinSurveyedRange', 'market'],
      ['roiWithinSurveyedRange', 'market'],
    ]);
    expect(found[0]!.message).toMatch(/median adopter's ROI is 90\.00/);
    expect(found[1]!.message).toMatch(/ROI is 3583\.00, above 50/);
    expect(roiWithinSurveyedRange(booksWith({ median: 10, max: 10 }))).toHaveLength(1);
    expect(roiWithinSurveyedRange(booksWith({ median: Number.NaN, max: Number.NaN }))).toHaveLength(2);
  });
});
