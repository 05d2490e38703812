import { columnPercent } from './format.js';

/**
 * The one writing of a component's share of one metric's bad-years shortfall, for the terminal's
 * table, report.html's, the bad-years chart's labels and the paragraph: a share in a column
 * (columnPercent), so each reads alike everywhere. The terminal wrote "0.0%" and "100.0%" where
 * report.html and the chart wrote "-0.0036%" and "100.0%" (formatShare's own rule, cell by cell) for a
 * new business carrying -20.4M of a 571B shortfall; all now write ">-0.1%" and "<100.1%".
 *
 * @example badYearsShare(-0.000036) // => '>-0.1%'
 */
export function badYearsShare(share: number): string {
  return columnPercent(share);
}
