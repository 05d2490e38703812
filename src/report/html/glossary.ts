import { escapeHtml } from './escape.js';
import { NEW_ARR_LABEL } from '../bookings-note.js';

/** Each term the report uses, and what it means here. */
export const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  ['Recognized revenue', 'Revenue earned in the fiscal year: each month, the ARR live that month divided by 12, added up over the twelve months. A deal signed in month m counts for (13 - m) / 12 of its ARR.'],
  ['Bookings', `Contract value signed in the year: new deals, expansions, price uplifts and the renewed ARR itself. Bookings here include renewals, so they can equal or exceed ending ARR; many teams count new ACV only: that is the "${NEW_ARR_LABEL}" line.`],
  [NEW_ARR_LABEL, 'ARR added by new customers won in the year (new business). This is what a team that defines bookings as new only calls bookings. Its percentiles are its own, not parts of the bookings figures beside them: its P5 is not the new ARR of the P5 bookings year.'],
  ['Ending ARR', 'Annual recurring revenue live on the last day of the year: the opening book, plus new business and expansion, minus contraction and churn.'],
  ['Opening ARR', 'ARR live on the first day of the year, from the customers already signed.'],
  ['Px (percentile)', 'The value with an x% chance of coming in below it. P50 is the median; P10 is the figure the year falls short of one time in ten (a 1-in-10 bad year); P90 is beaten one time in ten.'],
  ['P10–P90 range', 'Where the year lands 80% of the time.'],
  ['Budget at c confidence', 'The value reached or beaten in a share c of simulated years: at 80% confidence, the P20.'],
  ['Expected shortfall', 'The mean of the worst 10% (or 5%) of simulated years: what a bad year looks like on average, beyond the 1-in-10 (or 1-in-20) line.'],
  ['95% interval', 'The Monte Carlo error of a figure: with more simulated years the figure would land in this interval 95% of the time. It measures the simulation, not the business.'],
  ['Share of variance', "How much of the year-to-year swing in revenue one driver's own uncertainty explains (first-order variance share). The market is the factor shared by every tier."],
  ['GRR / NRR', 'Gross and net revenue retention of the customers live at the start of the year: ARR kept after churn and contraction (GRR), and after expansion and uplift too (NRR).'],
  ['Common random numbers', 'Scenarios compared on the same seed and trial count, so trial i of each sees the same luck and the differences are the scenarios\u2019, not noise.'],
];

/**
 * The glossary of comparison.html: the terms it uses. It shows no new ARR line, opening ARR, variance
 * shares or retention, so their entries are left out and bookings point at report.html's line (its
 * glossary sent the reader to a "New ARR" line the page does not have).
 */
export const COMPARISON_GLOSSARY: ReadonlyArray<readonly [string, string]> = GLOSSARY.filter(([t]) => ![NEW_ARR_LABEL, 'Opening ARR', 'Share of variance', 'GRR / NRR'].includes(t)).map(([t, d]) => [
  t,
  t === 'Bookings' ? d.replace(`that is the "${NEW_ARR_LABEL}" line`, `each scenario\u2019s report.html shows them as its "${NEW_ARR_LABEL}" line`) : d,
]);

/** The glossary at the end of report.html (or of comparison.html, given COMPARISON_GLOSSARY), as a definition list. */
export function glossarySection(entries: ReadonlyArray<readonly [string, string]> = GLOSSARY): string {
  return `<section id="glossary">
<h2>Glossary</h2>
<dl class="glossary">
${entries.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('\n')}
</dl>
</section>`;
}
