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
export const BOOKINGS_NOTE = `${BOOKINGS_RENEWALS_NOTE.slice(0, -1)}; the new ARR line is bookings as teams that count new business only define them.`;

/** The label of the new-ARR line under bookings: bookings' own new-business component. */
export const NEW_ARR_LABEL = 'of which new ARR (new customers)';
