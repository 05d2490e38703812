/**
 * The commented starter scenario `arrcast init` writes (beside it, the JSON Schema its first line
 * points editors at): the cases the README teaches, every field explained. A lead-driven tier with
 * an opening book (SMB), and a rep-driven tier with hiring and ramp (Enterprise), with inputs
 * given as P10/P50/P90 quantiles. A test checks that it validates and runs.
 */
export const STARTER_SCENARIO = `# yaml-language-server: $schema=./arrcast.schema.json
# (arrcast init wrote arrcast.schema.json beside this file, for completion and checks in your editor)
# An arrcast scenario: one company's next fiscal year. Edit the numbers, then:
#   arrcast validate THIS_FILE      check it (every problem reported with its line)
#   arrcast run THIS_FILE           simulate it; the report goes to reports/<this file's name>/
#   (in a clone of arrcast, without npm link: npm run arrcast -- validate THIS_FILE)
# Money is in the currency below, per year (ARR, ACV). Rates are fractions: 0.03 = 3% (or write 3%).
# Numbers may be written 110k, 1.5M, 2B, 110,000.
# Any driver takes a number (a fixed value) or a distribution, for example:
#   { dist: beta, mean: 0.03, sd: 0.005 }              a rate, uncertain
#   { dist: lognormal, median: 20k, p90: 45k }         a deal size
#   { dist: pert, min: 0.02, mode: 0.04, max: 0.07 }   low / most likely / high
#   { dist: quantiles, quantiles: { p10: 0.85, p50: 0.9, p90: 0.93 }, lower: 0, upper: 1 }
# Percentiles: Px = x% chance of coming in below.

name: My plan
currency: USD
fiscalYearStartMonth: 1 # 1 = the fiscal year starts in January
trials: 100k
seed: 1

# One market factor per trial moves drivers together: a bad year is bad everywhere.
# 0 = independent of the market; 0.2 = a one-sd bad year moves the driver about 20% (volumes) or
# 0.2 on the log-odds scale (rates).
market:
  loadings: { leads: 0.15, conversion: 0.15, acv: 0.05, renewal: 0.25, contraction: 0.2, expansion: 0.2 }

tiers:
  # Lead-driven: marketing leads convert to deals.
  - name: SMB
    existing: # the customer book at the start of the year
      openingArr: 5M
      customers: 500
      renewalCalendar: uniform # or 12 shares of ARR renewing in each fiscal month
      # This year's logo renewal rate as three percentiles you believe (a metalog is fitted):
      # one year in ten below 80%, half below 85%, nine in ten below 89%.
      renewalRate: { dist: quantiles, quantiles: { p10: 0.80, p50: 0.85, p90: 0.89 }, lower: 0, upper: 1 }
      priceUplift: 3% # at renewal
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
      acv: { dist: quantiles, quantiles: { p10: 5k, p50: 9k, p90: 20k }, lower: 0 }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.1, sd: 0.03 }
      size: { dist: lognormal, median: 2500, p90: 7000 }
      monthsAfterClose: 6

  # Rep-driven: account executives source their own deals, so new business is headcount x ramp x
  # productivity; hires join during the year and ramp up.
  - name: Enterprise
    existing:
      openingArr: 12M
      customers: 60
      renewalCalendar: uniform
      renewalRate: { dist: beta, mean: 0.9, sd: 0.03 }
    newBusiness:
      reps:
        start: 8 # fully ramped account executives on day one
        hires: [1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0] # planned hires by start month
        hireSlip:
          probability: 0.3 # three hires in ten start late...
          months: { dist: discrete, values: [1, 2], weights: [0.6, 0.4] } # ...by this much
        attrition: { dist: beta, mean: 0.015, sd: 0.005 } # a month: about 17% a year
        ramp: [0, 0.25, 0.5, 0.75] # share of full productivity by month of tenure; full from month 5
        # Deals a ramped rep sources and closes a month, drawn per rep (the spread across reps).
        sourcedDealsPerMonth: { dist: quantiles, quantiles: { p10: 0.2, p50: 0.4, p90: 0.7 }, lower: 0 }
        capacity: 1 # deals a ramped rep can work a month
      acv: { dist: lognormal, median: 120k, p90: 300k }
`;
