/** The scenario the --precision tests grow: one tier with a book and new business, its revenue spread by year-level draws. */
export const PRECISION_YAML = `
name: precision
tiers:
  - name: T
    existing: { openingArr: 2000000, customers: 200, renewalRate: { dist: beta, mean: 0.9, sd: 0.03 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: 100 }, conversion: { dist: beta, mean: 0.05, sd: 0.01 }, acv: { dist: lognormal, median: 10000, p90: 25000 } }
`;
