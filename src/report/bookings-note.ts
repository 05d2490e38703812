/**
 * Why bookings can equal ending ARR, where bookings are shown beside it without a new-ARR line
 * (the tables `arrcast compare` prints): many teams count new ACV only as bookings, and bookings
 * that include renewals, equal to ending ARR in every column, read like a bug.
 */
export const BOOKINGS_RENEWALS_NOTE = 'Bookings count every contract signed in the year, renewals included, so they can match ending ARR.';

/**
 * Why bookings can equal ending ARR, and what the new-ARR line is, where the headline figures are
 * shown with that line (report.html's headline, report.xlsx's Summary sheet, the tables `arrcast
 * run` and `merge` print).
 */
export const BOOKINGS_NOTE = `${BOOKINGS_RENEWALS_NOTE.slice(0, -1)}; new ARR signed is new customers' contracts alone (bookings as teams that count new business only define them), each column its own percentile, not a part of the bookings figure above it.`;

/**
 * The label of the new-ARR line under bookings: bookings' own new-business component. Not "of
 * which": each column is that line's own percentile (its P5 is not the P5 bookings year's), so it
 * is no part of the bookings figure above it. Short: the terminal's headline table keeps the width
 * "Recognized revenue" gives its first column (it went from 82 to 98 columns, wrapping at 80).
 */
export const NEW_ARR_LABEL = 'New ARR signed';
