/**
 * The sort that keeps a chart's rows in their given order on a nominal axis (or facet): by the
 * number each row carries in `order`. An explicit sort (an array of labels) would do the same, but
 * vega-lite turns it into an expression quoting every label, and vega cannot run that for labels
 * such as `constructor` or `toString`, or holding U+2028: a tier named so crashed the report. A sort
 * by a numeric field puts no label in any expression.
 */
export const BY_ROW_ORDER = { field: 'order', op: 'min' } as const;

/** Appended to a label already on the axis: zero width, so the row reads the same. */
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * The labels of a nominal axis's rows made distinct, so every row keeps its own band: a nominal
 * axis has one band per distinct value, and two rows with the same text (two drivers both called
 * "EMEA Inbound conversion": tier "EMEA" with lead source "Inbound", and tier "EMEA Inbound") were
 * drawn on one band, one row's marks over the other's and a row missing. A label met before gets
 * zero-width spaces until it is new; labels that are already distinct are returned unchanged.
 *
 * @example distinctLabels(['A conversion', 'A conversion']) // => ['A conversion', 'A conversion\u200B']
 * Complexity: O(total length), O(n * k) for k repeats of one label.
 */
export function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((label) => {
    let key = label;
    while (seen.has(key)) key += ZERO_WIDTH_SPACE;
    seen.add(key);
    return key;
  });
}
