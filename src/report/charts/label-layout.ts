/** A label for a vertical line: the line's x and the label's width, in pixels. */
export interface LabelRequest {
  readonly x: number;
  readonly width: number;
}

/** Where a label goes: its row above the plot (0 = nearest) and its side of the line. */
export interface LabelPlacement {
  readonly row: number;
  readonly side: 'left' | 'right';
}

type Side = LabelPlacement['side'];

/** Width of a label of `chars` characters in 11 px bold sans-serif, a little generous. */
export const labelWidth = (chars: number) => chars * 6.6 + 2;

const GAP = 4;
const PADDING = 6;

const boxOf = (r: LabelRequest, side: Side): [number, number] => (side === 'right' ? [r.x + GAP, r.x + GAP + r.width] : [r.x - GAP - r.width, r.x - GAP]);

/** Does line x run through the box [x0, x1] (with a little margin)? */
const through = (x: number, [x0, x1]: readonly [number, number]) => x >= x0 - 2 && x <= x1 + 2;

/**
 * How many rules a layout breaks: two labels of a row overlapping, or a line running through a
 * label lower than its own (a line runs from its label's row down to the plot).
 */
export function layoutViolations(requests: readonly LabelRequest[], placements: readonly LabelPlacement[]): number {
  let bad = 0;
  for (let i = 0; i < requests.length; i++)
    for (let j = 0; j < requests.length; j++) {
      if (i === j) continue;
      const a = boxOf(requests[i]!, placements[i]!.side);
      const b = boxOf(requests[j]!, placements[j]!.side);
      if (i < j && placements[i]!.row === placements[j]!.row && a[0] < b[1] + PADDING && b[0] < a[1] + PADDING) bad++;
      if (placements[j]!.row > placements[i]!.row && through(requests[j]!.x, a)) bad++;
    }
  return bad;
}

/**
 * One greedy pass: labels in `order` each take the lowest row (and the first side of `sides`
 * that works) where they break no rule with the labels placed so far and stay within the plot.
 * With `strict`, a box that no other line passes by at all is preferred to a lower one.
 */
function greedy(requests: readonly LabelRequest[], order: readonly number[], sides: readonly Side[], plotWidth: number, strict: boolean): LabelPlacement[] {
  const placed: Array<{ row: number; box: [number, number]; line: number }> = [];
  const result: LabelPlacement[] = new Array<LabelPlacement>(requests.length);
  const fits = (row: number, box: [number, number], line: number) =>
    placed.every(
      (p) =>
        !(p.row === row && box[0] < p.box[1] + PADDING && p.box[0] < box[1] + PADDING) &&
        !(p.row > row && through(p.line, box)) &&
        !(p.row < row && through(line, p.box)),
    );
  const clear = (self: number, box: [number, number]) => requests.every((o, j) => j === self || !through(o.x, box));
  const top = requests.length;
  for (const i of order) {
    const r = requests[i]!;
    let chosen: { row: number; side: Side; box: [number, number] } | undefined;
    // A label that fits inside the plot nowhere takes a row from `top` up where it overlaps no other
    // (they all took row `top`, over each other: a narrow plot's long budget label over P10's).
    for (const strictPass of strict ? [true, false] : [false])
      for (let row = 0; !chosen && row <= 2 * top; row++)
        for (const side of sides) {
          const box = boxOf(r, side);
          const inside = box[0] >= 0 && box[1] <= plotWidth;
          if ((inside || row >= top) && (!strictPass || clear(i, box)) && fits(row, box, r.x)) {
            chosen = { row, side, box };
            break;
          }
        }
    const c = chosen ?? { row: top, side: sides[0]!, box: boxOf(r, sides[0]!) };
    placed.push({ row: c.row, box: c.box, line: r.x });
    result[i] = { row: c.row, side: c.side };
  }
  return result;
}

/**
 * Place the labels of vertical lines in rows above a plot so that no two labels of a row overlap
 * and no line runs through a label lower than its own. First, greedily in the order given (most
 * important first: it gets the lowest row), preferring right of the line and boxes no other line
 * passes by; if that breaks a rule (a tight cluster of lines), as a staircase: every label right
 * of its line, the rightmost lowest (or all left, the leftmost lowest), which untangles any cluster
 * that fits in the plot.
 * Boxes stay within [0, plotWidth] when they can.
 *
 * @example placeLineLabels([{ x: 200, width: 60 }, { x: 215, width: 60 }], 620) // P50's label left of its line, the mean's right
 * Complexity: O(labels^3), for a handful of labels.
 */
export function placeLineLabels(requests: readonly LabelRequest[], plotWidth: number): LabelPlacement[] {
  const given = requests.map((_, i) => i);
  const byX = [...given].sort((a, b) => requests[a]!.x - requests[b]!.x);
  const attempts = [
    () => greedy(requests, given, ['right', 'left'], plotWidth, true),
    () => greedy(requests, [...byX].reverse(), ['right'], plotWidth, false),
    () => greedy(requests, byX, ['left'], plotWidth, false),
  ];
  let best: { placements: LabelPlacement[]; bad: number } | undefined;
  for (const attempt of attempts) {
    const placements = attempt();
    const bad = layoutViolations(requests, placements);
    if (bad === 0) return placements;
    if (!best || bad < best.bad) best = { placements, bad };
  }
  return best!.placements;
}
