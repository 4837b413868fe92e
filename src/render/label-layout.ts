/**
 * Where the labels of a chart's targets go (render/target-marks.ts), in pixels: beside their marks,
 * each month's group on one side, none overlapping another. Pure, so that a test checks it without
 * drawing; the chart calls it once its scales give pixels.
 */

/** Pixels between the centres of two labels, so that they never overlap. */
export const LABEL_GAP = 14;
/** Pixels between a mark and its label. */
export const LABEL_OFFSET = 10;

/** A label as laid out: which side of its mark, the x where it starts or ends, and how far it moved down (pixels). */
export interface LabelPlace {
  readonly side: 'right' | 'left';
  readonly x: number;
  readonly dy: number;
}

export interface LabelToPlace {
  /** The mark's extent on the axis, in pixels: a label goes right of `right` or left of `left`. */
  readonly left: number;
  readonly right: number;
  /** The height the label wants, in pixels (down is larger). */
  readonly y: number;
  readonly width: number;
  /** Its group: labels of one month's (or one window's) targets go on one side. */
  readonly group: number;
}

/**
 * Places labels beside their marks without overlapping: each group of labels goes right of its
 * marks unless another mark, or the plot's edge, lies within its width, then left if that side is
 * clear; then, from the top, each label moves down (or, at the bottom, up) until no label before it
 * overlaps it. Pure, in pixels, so that a test can check it without drawing.
 */
export function layoutLabels(labels: readonly LabelToPlace[], area: { left: number; right: number; top: number; bottom: number }): LabelPlace[] {
  const groups = [...new Set(labels.map((l) => l.group))];
  const sides = new Map<number, 'right' | 'left'>();
  for (const group of groups) {
    const members = labels.filter((l) => l.group === group);
    const width = Math.max(...members.map((l) => l.width)) + LABEL_OFFSET;
    const [left, right] = [Math.min(...members.map((l) => l.left)), Math.max(...members.map((l) => l.right))];
    const others = labels.filter((l) => l.group !== group);
    const clear = (from: number, to: number) => others.every((o) => o.right < from || o.left > to);
    const fitsRight = right + width <= area.right;
    const fitsLeft = left - width >= area.left;
    sides.set(group, fitsRight && clear(right, right + width) ? 'right' : fitsLeft && clear(left - width, left) ? 'left' : fitsRight ? 'right' : 'left');
  }
  const boxes = labels.map((l) => {
    const side = sides.get(l.group)!;
    const x = side === 'right' ? l.right + LABEL_OFFSET : l.left - LABEL_OFFSET;
    return { side, x, from: side === 'right' ? x : x - l.width, to: side === 'right' ? x + l.width : x };
  });
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.y - labels[b]!.y || a - b);
  const placed: { i: number; y: number }[] = [];
  const ys = new Array<number>(labels.length);
  const overlaps = (i: number, y: number) => placed.find((p) => boxes[p.i]!.from < boxes[i]!.to && boxes[i]!.from < boxes[p.i]!.to && Math.abs(p.y - y) < LABEL_GAP);
  for (const i of order) {
    let y = labels[i]!.y;
    for (let hit = overlaps(i, y); hit !== undefined; hit = overlaps(i, y)) y = hit.y + LABEL_GAP;
    if (y > area.bottom - LABEL_GAP / 2) {
      y = labels[i]!.y;
      for (let hit = overlaps(i, y); hit !== undefined; hit = overlaps(i, y)) y = hit.y - LABEL_GAP;
    }
    ys[i] = y;
    placed.push({ i, y });
  }
  return labels.map((l, i) => ({ side: boxes[i]!.side, x: boxes[i]!.x, dy: ys[i]! - l.y }));
}
