import { describe, expect, it } from 'vitest';
import { comparisonAnnotations, textOn, type ComparedHistory } from '../../../src/jobs/compare/compare-marks.js';
import { scenarioColour } from '../../../src/render/palette.js';

const dates = Array.from({ length: 60 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

function history(partsAt: readonly string[]): ComparedHistory {
  return {
    first: 'baseline',
    history: { marks: [], branch: '2024-06' },
    others: partsAt.map((month, i) => ({ label: `scenario-${i + 1}`, colour: scenarioColour(i + 1), parting: { partsAt: month, own: [] } })),
  };
}

type Line = { xMin: number; label: { content: string; yAdjust: number } };

function lines(compared: ComparedHistory): Line[] {
  return Object.values(comparisonAnnotations(dates, compared, [])?.annotations ?? {}) as Line[];
}

describe('comparisonAnnotations', () => {
  it('draws no branch of the first scenario’s own: a comparison marks where the others part from it', () => {
    expect(comparisonAnnotations(dates, history([]), [])).toBeNull();
  });

  it('stacks the labels of branch months too close to be read side by side, and leaves far ones on the bottom row', () => {
    const near = lines(history(['2025-01', '2025-03']));
    expect(near.map((l) => l.label.yAdjust)).toEqual([0, -22]);
    const far = lines(history(['2025-01', '2027-01']));
    expect(far.map((l) => l.label.yAdjust)).toEqual([0, 0]);
  });

  it('writes a tag’s text in black or white, whichever reads on its colour', () => {
    expect(textOn('#CCBB44')).toBe('#000000');
    expect(textOn('#228833')).toBe('#ffffff');
  });
});
