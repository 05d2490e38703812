/**
 * The sort that keeps a chart's rows in their given order on a nominal axis (or facet): by the
 * number each row carries in `order`. An explicit sort (an array of labels) would do the same, but
 * vega-lite turns it into an expression quoting every label, and vega cannot run that for labels
 * such as `constructor` or `toString`, or holding U+2028: a tier named so crashed the report. A sort
 * by a numeric field puts no label in any expression.
 */
export const BY_ROW_ORDER = { field: 'order', op: 'min' } as const;
