import { describe, expect, it } from 'vitest';
import { labelWidth, layoutViolations, placeLineLabels, type LabelPlacement, type LabelRequest } from '../../src/report/charts/label-layout.js';

const GAP = 4;
const box = (r: LabelRequest, p: LabelPlacement): [number, number] => (p.side === 'right' ? [r.x + GAP, r.x + GAP + r.width] : [r.x - GAP - r.width, r.x - GAP]);

/** Check what the layout promises: no two labels of a row overlap, no line runs through a label below it. */
function expectClean(requests: LabelRequest[], placements: LabelPlacement[]) {
  for (let i = 0; i < requests.length; i++)
    for (let j = 0; j < requests.length; j++) {
      if (i === j) continue;
      const [a0, a1] = box(requests[i]!, placements[i]!);
      const [b0, b1] = box(requests[j]!, placements[j]!);
      if (placements[i]!.row === placements[j]!.row) expect(a1 <= b0 || b1 <= a0, `labels ${i} and ${j} overlap on row ${placements[i]!.row}`).toBe(true);
      // Line j runs from its row down: it must not pass through label i if label i sits lower.
      if (placements[j]!.row > placements[i]!.row) expect(requests[j]!.x < a0 || requests[j]!.x > a1, `line ${j} crosses label ${i}`).toBe(true);
    }
  expect(layoutViolations(requests, placements)).toBe(0);
}

describe('placeLineLabels', () => {
  it('labels wider than a narrow plot (the studio at an 800 px window) each take a row of their own above the rest', () => {
    // No side of any fits inside 100 px: they shared the top row, one over the other (3 overlaps; 1 for lines at 20, 50 and 80).
    for (const xs of [[40, 45, 50, 55], [20, 50, 80]]) {
      const requests = xs.map((x) => ({ x, width: 150 }));
      expectClean(requests, placeLineLabels(requests, 100));
    }
  });

  it('puts labels of lines far apart on the first row, right of their lines', () => {
    const requests = [100, 300, 500].map((x) => ({ x, width: 60 }));
    const placements = placeLineLabels(requests, 620);
    expectClean(requests, placements);
    expect(placements).toEqual([
      { row: 0, side: 'right' },
      { row: 0, side: 'right' },
      { row: 0, side: 'right' },
    ]);
  });

  it('moves a label to the other side of its line when a nearby line would run through it', () => {
    // P50 at 200, the mean just right of it at 215: P50's label goes left, the mean's right.
    const requests = [
      { x: 200, width: labelWidth(9) },
      { x: 215, width: labelWidth(10) },
    ];
    const placements = placeLineLabels(requests, 620);
    expect(placements).toEqual([
      { row: 0, side: 'left' },
      { row: 0, side: 'right' },
    ]);
    expectClean(requests, placements);
  });

  it('stacks a tight cluster of lines into rows, with no overlap and no line through a label', () => {
    const requests = [300, 305, 310, 315, 320, 325].map((x) => ({ x, width: 70 }));
    const placements = placeLineLabels(requests, 620);
    expectClean(requests, placements);
    // A staircase: the rightmost line's label lowest, each label right of its line.
    expect(placements.map((p) => p.row)).toEqual([5, 4, 3, 2, 1, 0]);
  });

  it('keeps a label inside the plot at its edges', () => {
    const placements = placeLineLabels([{ x: 610, width: 60 }, { x: 5, width: 60 }], 620);
    expect(placements[0]!.side).toBe('left');
    expect(placements[1]!.side).toBe('right');
  });
});
