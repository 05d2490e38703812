import type { Stat } from '../../analysis/describe.js';
import { escapeHtml } from './escape.js';
import type { RowMoney } from '../interval-format.js';

/** The statistics every table shows, in this order. */
export const TABLE_STATS = ['mean', 'p10', 'p50', 'p90'] as const;
const HEADS: Record<(typeof TABLE_STATS)[number], string> = { mean: 'Mean', p10: 'P10', p50: 'P50', p90: 'P90' };

/** A table row: a label and a Stat written with `fmt`; `indent` for rows under a group heading. */
export interface StatRow {
  readonly label: string;
  readonly stat: Stat;
  readonly fmt: RowMoney;
  readonly indent?: boolean;
}

/** A heading row spanning the table, for a group of rows ("Recognized revenue"). */
export interface GroupRow {
  readonly group: string;
}

const cells = (s: Stat, fmt: RowMoney) =>
  TABLE_STATS.map((k) => `<td class="num">${escapeHtml(fmt(k === 'mean' ? s.mean : s.percentiles[k], k))}</td>`).join('');

/**
 * A table of statistics: first column the label, then Mean, P10, P50, P90. Labels are escaped;
 * the caption (plain text) is escaped too.
 *
 * @example statTable('Headline', 'Metric', [{ label: 'Revenue', stat, fmt }])
 * Complexity: O(rows).
 */
export function statTable(caption: string, firstHead: string, rows: ReadonlyArray<StatRow | GroupRow>, className = ''): string {
  const body = rows
    .map((r) =>
      'group' in r
        ? `<tr class="group"><th colspan="${TABLE_STATS.length + 1}" scope="rowgroup">${escapeHtml(r.group)}</th></tr>`
        : `<tr><th scope="row"${r.indent ? ' class="indent"' : ''}>${escapeHtml(r.label)}</th>${cells(r.stat, r.fmt)}</tr>`,
    )
    .join('\n');
  const head = `<tr><th scope="col">${escapeHtml(firstHead)}</th>${TABLE_STATS.map((k) => `<th scope="col" class="num">${HEADS[k]}</th>`).join('')}</tr>`;
  return `<table${className ? ` class="${className}"` : ''}>
<caption>${escapeHtml(caption)}</caption>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>`;
}

/** A two-column table of label and text, every cell escaped. */
export function textTable(caption: string, heads: readonly [string, string], rows: ReadonlyArray<readonly [string, string]>, className = ''): string {
  return `<table${className ? ` class="${className}"` : ''}>
<caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">${escapeHtml(heads[0])}</th><th scope="col">${escapeHtml(heads[1])}</th></tr></thead>
<tbody>
${rows.map(([a, b]) => `<tr><th scope="row">${escapeHtml(a)}</th><td>${escapeHtml(b)}</td></tr>`).join('\n')}
</tbody>
</table>`;
}

/**
 * A table of text cells with a header row: the first cell of each row is its heading (th), the
 * others data cells, right-aligned from column `numericFrom` on. Every cell and the caption are escaped.
 *
 * @example gridTable('Targets', ['Target', 'P(reach)'], [['revenue >= 12M', '61.0%']])
 * Complexity: O(cells).
 */
export function gridTable(caption: string, heads: readonly string[], rows: ReadonlyArray<readonly string[]>, numericFrom = 1, className = ''): string {
  const cls = (i: number) => (i >= numericFrom ? ' class="num"' : '');
  return `<table${className ? ` class="${className}"` : ''}>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${heads.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${cls(i)}>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}
