/**
 * The commented starter scenario `arrcast init` writes: one tier with an existing book and
 * lead-driven new business, every field explained. A test checks that it validates and runs.
 */
export const STARTER_SCENARIO = `# yaml-language-server: $schema=./arrcast.schema.json
# (for completion and checks in your editor: arrcast schema > arrcast.schema.json)
# An arrcast scenario: one company's next fiscal year. Edit the numbers, then:
#   arrcast validate THIS_FILE      check it (every problem reported with its line)
#   arrcast run THIS_FILE --out reports/my-plan
# Money is in the currency below, per year (ARR, ACV). Rates are fractions: 0.03 = 3%.
# Any driver takes a number (a fixed value) or a distribution, for example:
#   { dist: beta, mean: 0.03, sd: 0.005 }              a rate, uncertain
#   { dist: lognormal, median: 20000, p90: 45000 }     a deal size
#   { dist: pert, min: 0.02, mode: 0.04, max: 0.07 }   low / most likely / high
#   { dist: quantiles, quantiles: { p10: 0.85, p50: 0.9, p90: 0.93 }, lower: 0, upper: 1 }
# Percentiles: Px = x% chance of coming in below.

name: My plan
currency: USD
fiscalYearStartMonth: 1 # 1 = the fiscal year starts in January
trials: 100000
seed: 1

# One market factor per trial moves drivers together: a bad year is bad everywhere.
# 0 = independent of the market; 0.2 = a one-sd bad year moves the driver about 20% (volumes) or
# 0.2 on the log-odds scale (rates).
market:
  loadings: { leads: 0.15, conversion: 0.15, acv: 0.05, renewal: 0.25, contraction: 0.2, expansion: 0.2 }

tiers:
  - name: SMB
    existing: # the customer book at the start of the year
      openingArr: 5000000
      customers: 500
      renewalCalendar: uniform # or 12 shares of ARR renewing in each fiscal month
      renewalRate: { dist: beta, mean: 0.85, sd: 0.03 } # logo renewal rate this year
      priceUplift: 0.03 # at renewal
      contraction:
        probability: { dist: beta, mean: 0.08, sd: 0.02 }
        size: { dist: beta, mean: 0.2, sd: 0.08 } # share of ARR lost
      expansion:
        probability: { dist: beta, mean: 0.12, sd: 0.03 }
        size: { dist: lognormal, median: 0.25, p90: 0.6 } # share of ARR added
    newBusiness: # deals from marketing leads
      leadsPerMonth: { dist: poisson, mean: 800 }
      seasonality: [0.9, 0.9, 1, 1, 1, 0.9, 0.85, 0.9, 1.05, 1.1, 1.15, 1.25]
      conversion: { dist: beta, mean: 0.025, sd: 0.004 } # lead to closed deal
      salesCycleMonths: { dist: discrete, values: [0, 1, 2], weights: [0.5, 0.35, 0.15] }
      acv: { dist: lognormal, median: 9000, p90: 20000 }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.1, sd: 0.03 }
      size: { dist: lognormal, median: 2500, p90: 7000 }
      monthsAfterClose: 6
`;
