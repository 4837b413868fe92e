import type { MonthBooks } from './month-books.js';
import type { Violation } from './violation.js';

/**
 * The range of return surveys report on enterprise GenAI, as ROI = (value − cost) / cost with cost
 * counting people and integration as well as tokens: IDC for Microsoft, "The Business Opportunity
 * of AI", $3.7 back per $1 on average in 2024 (ROI 2.7) and $2.8 in 2025, leaders 2.84×, laggards
 * 0.84× (ROI −0.16); MIT NANDA (2025): about 95 % of pilots show no measurable return. A median
 * adopter at 10× or any one at 50× is an order of magnitude beyond what any survey reports.
 */
export const SURVEYED_MEDIAN_ROI_BELOW = 10;
export const SURVEYED_MAX_ROI = 50;

/** Adopters' ROI stays in the range enterprise surveys report: median below 10×, none above 50×. */
export function roiWithinSurveyedRange(books: MonthBooks): Violation[] {
  const roi = books.demand.adopterRoi;
  if (roi === undefined) return [];
  const found: Violation[] = [];
  if (!(roi.median < SURVEYED_MEDIAN_ROI_BELOW)) {
    found.push({
      invariant: 'roiWithinSurveyedRange',
      entity: 'market',
      message: `the median adopter's ROI is ${roi.median.toFixed(2)}, not below ${SURVEYED_MEDIAN_ROI_BELOW} (IDC: 2.8–3.7× back per $1)`,
    });
  }
  if (!(roi.max <= SURVEYED_MAX_ROI)) {
    found.push({
      invariant: 'roiWithinSurveyedRange',
      entity: 'market',
      message: `an adopter's ROI is ${roi.max.toFixed(2)}, above ${SURVEYED_MAX_ROI} (IDC: leaders 2.8×, laggards 0.8× back per $1)`,
    });
  }
  return found;
}
