import { describe, expect, it } from 'vitest';
import { layoutLabels } from '../../src/render/label-layout.js';

describe('layoutLabels', () => {
  it('spreads the labels of one month apart, and puts a group left when marks lie to its right', () => {
    const area = { left: 80, right: 1196, top: 150, bottom: 640 };
    const labels = [300, 305, 310, 500].map((y, i) => ({ left: 600, right: 620, y, width: 160, group: i < 3 ? 0 : 1 }));
    const placed = layoutLabels(labels, area);
    const ys = labels.map((l, i) => l.y + placed[i]!.dy);
    for (let a = 0; a < 3; a++) for (let b = a + 1; b < 3; b++) expect(Math.abs(ys[a]! - ys[b]!)).toBeGreaterThanOrEqual(14);
    expect(placed.map((p) => p.side)).toEqual(['right', 'right', 'right', 'right']);
    const blocked = layoutLabels([{ left: 600, right: 620, y: 300, width: 160, group: 0 }, { left: 700, right: 720, y: 500, width: 160, group: 1 }], area);
    expect(blocked.map((p) => p.side)).toEqual(['left', 'right']);
  });

  it('moves a label of one month clear of a label of another whose box it would cross', () => {
    const area = { left: 80, right: 1196, top: 150, bottom: 640 };
    // The first group has no room on its left, so its long label goes right, across the third group's label.
    const placed = layoutLabels([{ left: 150, right: 160, y: 400, width: 200, group: 0 }, { left: 1100, right: 1110, y: 400, width: 60, group: 1 }, { left: 300, right: 310, y: 402, width: 60, group: 2 }], area);
    expect(placed.map((p) => p.side)).toEqual(['right', 'right', 'right']);
    const ys = [400, 400, 402].map((y, i) => y + placed[i]!.dy);
    expect(Math.abs(ys[0]! - ys[2]!)).toBeGreaterThanOrEqual(14);
  });
});
