import { percentColumn } from './format.js';

/** A component's part of the bad years' shortfall, as the bad-years outputs hold it. */
interface ShortfallShare {
  readonly shortfall: number;
  readonly share: number;
}

/**
 * The one writing of a component's share of one metric's bad-years shortfall, for the terminal's
 * table, report.html's, the bad-years chart's labels and the paragraph: the column of that metric's
 * components that fall short (percentColumn), so each reads alike everywhere. The terminal wrote
 * "0.0%" and "100.0%" (its column's one decimal) where report.html and the chart wrote "-0.0036%" and
 * "100.0%" (formatShare's own rule, cell by cell) for a new business carrying -20.4M of a 571B shortfall.
 *
 * @example badYearsShare([{ shortfall: -20.4e6, share: -0.000036 }, { shortfall: 571e9, share: 1.000036 }])(-0.000036) // => '-0.004%'
 */
export function badYearsShare(components: readonly ShortfallShare[]): (share: number) => string {
  return percentColumn(components.filter((c) => c.shortfall !== 0).map((c) => c.share));
}
