/**
 * What the terminal and report.xlsx write after a driver the attribution lists with no share of its
 * own: its value does not change from year to year but through the market. "Year-level" says which
 * uncertainty is meant: an ACV stated as a distribution is drawn per deal, and that deal-to-deal
 * spread averages out over a year's deals (README, "Two layers for every driver a planner states");
 * "no uncertainty of its own" beside an ACV given as P10/P50/P90 read as if the input were ignored.
 */
export const NO_OWN_UNCERTAINTY = '(no year-level uncertainty of its own: moves with the market)';
