import { z } from 'zod';
import { isOneLine, oneLineError } from './one-line.js';
import { MAX_SEED_CHARS, MAX_TIERS, MAX_TRIALS } from './limits.js';

const SEED_LENGTH = `must be 1 to ${MAX_SEED_CHARS} characters`;
import { targetsSchema } from './targets-schema.js';
import { MAX_MAGNITUDE } from './distribution-schema.js';
import { stressSchema } from './stress-schema.js';
import { renewalAdjustmentsSchema } from './renewal-adjustments-schema.js';
import { repsSchema } from './reps-schema.js';
import { earlierLeadsSchema, leadSourceName, leadSourceSchema } from './lead-sources-schema.js';
import { openingPipelineSchema } from './pipeline-schema.js';
import { contractTermsSchema } from './contract-terms-schema.js';
import { humanNumber } from './human-number-schema.js';
import {
  amountWithYearLevel,
  monthLagDistribution,
  monthlyProfile,
  priceUpliftDistribution,
  rateDistribution,
  renewalRateDistribution,
  seasonalityProfile,
  shareDistribution,
  shareWithYearLevel,
  volumeWithYearLevel,
} from './field-schemas.js';
import { quoteText } from './display-text.js';
import { unknownTierWords } from './unknown-tier.js';
import { lookForm, lookKey, nameKey, readAlikeWhy } from './name-key.js';
import { clashMessage, targetLabelClash } from './target-labels.js';
import type { MetricTarget } from './targets-schema.js';
import { indefiniteArticle } from './indefinite-article.js';
import { CURRENCY_CODE_SOURCE, currencyCodeError } from './currency-code.js';

/**
 * The scenario format: the single source of truth for validation, for the TypeScript types
 * (`z.infer`) and for the JSON Schema that editors read (`arrcast schema`).
 */

const loading = humanNumber(
  z
    .number()
    .finite()
    .min(-3, { error: 'a loading must be between -3 and 3' })
    .max(3, { error: 'a loading must be between -3 and 3' }),
);

/**
 * How strongly each driver moves with the market factor Z ~ N(0, 1) drawn once per trial.
 * Positive = the driver improves in a good year (and worsens in a bad one). Volumes and sizes move
 * multiplicatively, x exp(b Z - b^2/2) (mean kept); rates move on the log-odds scale, logit(p) + b Z;
 * contraction moves the other way (a good year contracts less).
 */
export const marketLoadingsSchema = z
  .strictObject({
    leads: loading.default(0).describe('Lead volume, multiplicative.'),
    conversion: loading.default(0).describe('Lead-to-deal conversion, log-odds.'),
    acv: loading.default(0).describe('Contract value of new deals, multiplicative.'),
    renewal: loading.default(0).describe('Renewal rate, log-odds.'),
    contraction: loading.default(0).describe('Contraction probability, log-odds, moving against the market.'),
    expansion: loading.default(0).describe('Expansion probability of existing and new customers, log-odds.'),
  })
  .describe('Loadings of each driver on the shared market factor (0 = independent of the market).');

/** Most extreme fixed market factor: |Z| = 6 is a one-in-a-billion year; beyond is a typo. */
const MAX_FACTOR = 6;

export const marketSchema = z
  .strictObject({
    loadings: marketLoadingsSchema.prefault({}),
    factor: humanNumber(
      z
        .number()
        .finite()
        .min(-MAX_FACTOR, { error: `a market factor must be between -${MAX_FACTOR} and ${MAX_FACTOR} (it is in standard deviations)` })
        .max(MAX_FACTOR, { error: `a market factor must be between -${MAX_FACTOR} and ${MAX_FACTOR} (it is in standard deviations)` }),
      'units',
    )
      .optional()
      .describe(
        'Stress: fix the market factor Z in every trial instead of drawing it, e.g. -1.28 for a one-in-ten bad year (-2.33: one in a hundred). All drivers move together through their loadings; everything else stays random.',
      ),
  })
  .superRefine((m, ctx) => {
    if (m.factor !== undefined && m.factor !== 0 && Object.values(m.loadings).every((b) => b === 0))
      ctx.addIssue({
        code: 'custom',
        message: 'a fixed market factor moves nothing while every loading is 0; set market.loadings (e.g. renewal: 0.3)',
        path: ['factor'],
      });
  })
  .describe(
    'A shared market factor Z ~ N(0,1), one per trial, that moves the drivers of every tier together so bad years are bad everywhere.',
  );

const renewalCalendar = z
  .union([z.literal('uniform'), monthlyProfile])
  .describe(
    "Share of opening ARR whose contract renews in each fiscal month (12 values summing to at most 1; the rest renews after this year), or 'uniform' (1/12 each: an annual book).",
  );

export const existingBookSchema = z
  .strictObject({
    openingArr: humanNumber(
      z
        .number()
        .finite()
        .nonnegative({ error: 'must be >= 0' })
        .max(MAX_MAGNITUDE, { error: 'must be at most 1e15' }),
      'amount',
    )
      .optional()
      .describe('ARR live at the start of the year (currency). With customersFile: the sum of the file.'),
    customers: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole number' })
        .nonnegative({ error: 'must be >= 0' })
        .max(1e9, { error: 'must be at most 1e9' }),
    )
      .optional()
      .describe('Customers live at the start of the year. With customersFile: the rows of the file.'),
    renewalCalendar: renewalCalendar.optional(),
    customersFile: z
      .string()
      .trim()
      .min(1, { error: 'must name a file' })
      .optional()
      .describe(
        'CSV of the customers, one row each (path relative to this scenario file): id, tier, arr, next_renewal (fiscal month or date), term_months (1 = monthly-billed, 12..60), renewals_completed, health (0..1), escalator. Replaces openingArr, customers and renewalCalendar.',
      ),
    renewalAdjustments: renewalAdjustmentsSchema.optional(),
    renewalRate: renewalRateDistribution
      .optional()
      .describe(
        "This year's logo renewal rate: the chance a customer due renews (drawn once per trial; each customer due renews or not). With customersFile: the rate of a reference customer (see renewalAdjustments), and for monthly-billed customers the chance of staying the whole year. Give this or dollarRenewalRate.",
      ),
    dollarRenewalRate: renewalRateDistribution
      .optional()
      .describe(
        "Instead of renewalRate: this year's dollar renewal rate, the share of the ARR due that renews (customers weighted by ARR; before contraction, uplift and expansion, which are stated apart). For a book of aggregates, and a customersFile without renewalAdjustments, it is the same number as the logo rate. With renewalAdjustments it must be a number: the tier's base rate is solved so that the expected ARR renewed / ARR due of the customers due this year equals it.",
      ),
    priceUplift: priceUpliftDistribution
      .default(0)
      .describe('Contractual price increase applied at renewal, as a share of ARR (e.g. 0.05), drawn once per trial.'),
    contraction: z
      .strictObject({
        probability: rateDistribution.describe("Chance a renewing customer contracts (this year's rate)."),
        size: shareDistribution.describe("Share of the customer's ARR lost, drawn per contracting customer."),
      })
      .optional()
      .describe('Down-sell at renewal, apart from full churn.'),
    expansion: z
      .strictObject({
        probability: rateDistribution.describe("Chance a renewing customer that does not contract expands (this year's rate)."),
        size: shareWithYearLevel.describe(
          "ARR added, as a share of the customer's ARR (e.g. 0.3), drawn per expanding customer. A lognormal's median may be a distribution of this year's median, drawn once per trial.",
        ),
      })
      .optional()
      .describe('Upsell and cross-sell on customers who stay, booked at their renewal.'),
  })
  // Cross-field checks run even when a field has a type error elsewhere (`when`), so every problem
  // is reported at once; they read the raw values defensively.
  .superRefine(
    (b, ctx) => {
      // `when` runs this even when the book is not a mapping at all (`existing:` left empty is null; a
      // list, `- openingArr: 5M`, was told 'give openingArr and customers' beside its own 'expected object').
      if (b === null || typeof b !== 'object' || Array.isArray(b)) return;
      if (b.renewalRate !== undefined && b.dollarRenewalRate !== undefined)
        ctx.addIssue({ code: 'custom', message: 'give renewalRate (logo) or dollarRenewalRate, not both', path: ['dollarRenewalRate'] });
      else if (b.renewalRate === undefined && b.dollarRenewalRate === undefined)
        ctx.addIssue({ code: 'custom', message: 'give renewalRate (logo renewal) or dollarRenewalRate', path: ['renewalRate'] });
      const dollar = b.dollarRenewalRate as unknown;
      if (b.customersFile !== undefined && b.renewalAdjustments !== undefined && dollar !== undefined && typeof dollar !== 'number' && (dollar as { dist?: unknown } | null)?.dist !== 'fixed')
        ctx.addIssue({
          code: 'custom',
          message: "with renewalAdjustments, dollarRenewalRate must be a number: the tier's base rate is solved from it customer by customer; for an uncertain rate give renewalRate (the reference customer's logo rate) as a distribution",
          path: ['dollarRenewalRate'],
        });
      if (b.customersFile !== undefined) {
        for (const key of ['openingArr', 'customers', 'renewalCalendar'] as const)
          if (b[key] !== undefined)
            ctx.addIssue({ code: 'custom', message: `${key} comes from customersFile: give one or the other`, path: [key] });
      } else {
        if (b.openingArr === undefined) ctx.addIssue({ code: 'custom', message: 'give openingArr and customers, or customersFile', path: ['openingArr'] });
        if (b.customers === undefined) ctx.addIssue({ code: 'custom', message: 'give openingArr and customers, or customersFile', path: ['customers'] });
        if (b.renewalAdjustments !== undefined)
          ctx.addIssue({ code: 'custom', message: 'renewalAdjustments need per-customer data: give customersFile', path: ['renewalAdjustments'] });
      }
      if (typeof b.openingArr === 'number' && b.openingArr > 0 && b.customers === 0)
        ctx.addIssue({ code: 'custom', message: 'an opening ARR above 0 needs at least one customer', path: ['customers'] });
      if (Array.isArray(b.renewalCalendar) && b.renewalCalendar.every((x) => typeof x === 'number')) {
        const total = b.renewalCalendar.reduce((a, x) => a + x, 0);
        if (total > 1 + 1e-9)
          ctx.addIssue({
            code: 'custom',
            message: `renewal shares add up to ${total.toFixed(4)}; they must add up to at most 1 (the share of ARR renewing this year)`,
            path: ['renewalCalendar'],
          });
      }
    },
    { when: () => true },
  )
  .describe('The customer book live at the start of the year: as aggregates, or customer by customer from a file.');

export const newBusinessSchema = z
  .strictObject({
    leadsPerMonth: volumeWithYearLevel
      .optional()
      .describe(
        "Qualified leads in an average month. poisson/negativeBinomial: the count itself (mean scaled by seasonality and market), and its mean may be a distribution of this year's mean, drawn once per trial (two layers: 'about 2,500 a month, 2,000 to 3,000 this year'); any other distribution: drawn each month, scaled, and rounded to whole leads.",
      ),
    seasonality: seasonalityProfile
      .optional()
      .describe('Relative lead volume by fiscal month; rescaled to average 1, so leadsPerMonth stays the average month.'),
    conversion: rateDistribution
      .optional()
      .describe("This year's lead-to-deal conversion rate (drawn once per trial; each lead converts or not)."),
    leadSources: z
      .array(leadSourceSchema)
      .min(1, { error: 'give at least one lead source' })
      .max(20, { error: 'at most 20 lead sources' })
      .optional()
      .describe('Leads split by grade and/or channel, each with its own volume and conversion (instead of leadsPerMonth and conversion).'),
    earlierLeads: earlierLeadsSchema.optional(),
    openingPipeline: openingPipelineSchema.optional(),
    reps: repsSchema.optional(),
    salesCycleMonths: monthLagDistribution
      .default(0)
      .describe(
        "Months from lead to closed deal, per deal. Leads of the months before the year close in it too (unless earlierLeads or openingPipeline state what is open at the start).",
      ),
    acv: amountWithYearLevel.describe(
      "Annual contract value of each new deal (currency), drawn per deal. A lognormal's median may be a distribution of this year's median, drawn once per trial (each deal keeps the spread from the median to p90).",
    ),
    terms: contractTermsSchema.optional(),
    serviceStartLagMonths: monthLagDistribution
      .default(0)
      .describe(
        'Months from signing to service start, per deal. Bookings count at signing; revenue and ARR from service start (a deal starting after year end adds bookings only).',
      ),
  })
  .superRefine(
    (n, ctx) => {
      // `when` runs this even when the value is not a mapping (`newBusiness:` left empty is null).
      if (n === null || typeof n !== 'object' || Array.isArray(n)) return;
      const single = n.leadsPerMonth !== undefined || n.conversion !== undefined;
      if (single && n.leadSources !== undefined)
        ctx.addIssue({ code: 'custom', message: 'give leadsPerMonth and conversion, or leadSources, not both', path: ['leadSources'] });
      if (n.leadsPerMonth !== undefined && n.conversion === undefined)
        ctx.addIssue({ code: 'custom', message: 'leadsPerMonth needs a conversion rate', path: ['conversion'] });
      if (n.conversion !== undefined && n.leadsPerMonth === undefined)
        ctx.addIssue({ code: 'custom', message: 'conversion needs leadsPerMonth', path: ['leadsPerMonth'] });
      const sourced = (n.reps as { sourcedDealsPerMonth?: unknown } | undefined)?.sourcedDealsPerMonth !== undefined;
      if (!single && n.leadSources === undefined && !sourced && n.earlierLeads === undefined && n.openingPipeline === undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'new business needs a source of deals: leadsPerMonth and conversion, leadSources, reps.sourcedDealsPerMonth, earlierLeads or openingPipeline',
        });
      if (Array.isArray(n.leadSources)) {
        // By how they read (lookForm): "Café" with é and with e + a combining accent, or a name with a
        // zero-width space in it, read the same in every output.
        const seen = new Map<string, { index: number; name: string }>();
        n.leadSources.forEach((src: unknown, i: number) => {
          if (src === null || typeof src !== 'object') return;
          const name = leadSourceName(src as { grade?: string; channel?: string });
          if (name === '') return;
          const first = seen.get(lookForm(name));
          if (first !== undefined)
            ctx.addIssue({
              code: 'custom',
              message: `lead source ${quoteText(name)} is listed twice (also leadSources[${first.index}])${first.name === name ? '' : `, written with other Unicode characters that read the same (${readAlikeWhy(first.name, name)})`}`,
              path: ['leadSources', i],
            });
          else seen.set(lookForm(name), { index: i, name });
        });
      }
    },
    { when: () => true },
  )
  .describe(
    'New customers: from marketing leads (lead-driven), reps sourcing their own deals (rep-driven), or both (hybrid), plus what is open at the start of the year.',
  );

export const newCustomerExpansionSchema = z
  .strictObject({
    probability: rateDistribution.describe("Chance a new customer expands (this year's rate)."),
    size: amountWithYearLevel.describe(
      "ARR added by each expanding new customer (currency), drawn per customer. A lognormal's median may be a distribution of this year's median, drawn once per trial.",
    ),
    monthsAfterClose: monthLagDistribution
      .default(6)
      .describe("Months from the new customer's service start (its signing, without a serviceStartLagMonths) to the expansion; expansions falling after year end are not counted."),
  })
  .describe('New customers buying more within the year.');

/** Words the outputs use for the whole company, not to be a tier's name (in any case, as they read: lookKey). */
const COMPANY_WORDS = new Set(['all', 'total', 'all tiers']);

export const tierSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: 'a tier needs a name' })
      // Any name works, "__proto__" and "constructor" included: records keyed by tier names are own keys (own-key.ts).
      .max(60, { error: 'a tier name has at most 60 characters' })
      .refine(isOneLine, oneLineError)
      // But the words the outputs use for the whole company: percentiles.csv's tier `all`, report.html's
      // and report.xlsx's `All tiers`, and score's outcomes `total`; a tier so named would be read as
      // the company (or beside it, twice).
      .refine((name) => !COMPANY_WORDS.has(lookKey(name)), {
        error: (iss) => `${quoteText(String(iss.input))} names the whole company in arrcast's outputs (percentiles.csv's tier "all", report.html's and report.xlsx's "All tiers", score's outcomes "total"): give the tier another name`,
      }),
    existing: existingBookSchema.optional(),
    newBusiness: newBusinessSchema.optional(),
    newCustomerExpansion: newCustomerExpansionSchema.optional(),
    stress: stressSchema.optional().describe("Stress of this tier's drivers, combined with the scenario's `stress` (relative changes multiply, shifts add)."),
  })
  .describe('A customer tier (segment), e.g. SMB, mid-market, enterprise.');


/** What a tier needs for each of its own stresses to shift something: a stress on a part it lacks is a mistake. */
const STRESS_NEEDS: Record<string, { readonly has: (t: Partial<Tier>) => boolean; readonly what: string }> = {
  leads: {
    has: (t) => !!t.newBusiness?.leadsPerMonth || !!t.newBusiness?.leadSources || t.newBusiness?.reps?.sourcedDealsPerMonth !== undefined,
    what: 'leads or rep-sourced deals in newBusiness',
  },
  acv: { has: (t) => !!t.newBusiness, what: 'newBusiness' },
  conversion: { has: (t) => !!t.newBusiness?.conversion || !!t.newBusiness?.leadSources || !!t.newBusiness?.earlierLeads || !!t.newBusiness?.openingPipeline, what: 'a conversion rate in newBusiness' },
  renewal: { has: (t) => !!t.existing, what: 'an existing book' },
  contraction: { has: (t) => !!t.existing?.contraction, what: 'existing.contraction' },
  expansion: { has: (t) => !!t.existing?.expansion || !!t.newCustomerExpansion, what: 'existing.expansion or newCustomerExpansion' },
};

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
    extends: z
      .string()
      .optional()
      .describe(
        'Path of a base scenario (relative to this file) that this one overrides: mappings merge, scalars and lists replace, tiers merge by name (remove: true drops one). Resolved when the file is loaded.',
      ),
    name: z.string().trim().min(1, { error: 'a scenario needs a name' }).refine(isOneLine, oneLineError),
    description: z.string().optional(),
    fittedFrom: z
      .string()
      .trim()
      .min(1)
      .refine(isOneLine, oneLineError)
      .optional()
      .describe(
        'What `arrcast fit` fitted this scenario from (its files and months), written by fit: the report says its drivers are estimates from that history, not figures a planner typed. Delete it once the values are your own.',
      ),
    currency: z
      .string()
      .regex(new RegExp(`^${CURRENCY_CODE_SOURCE}$`), { error: (issue) => currencyCodeError(issue.input) })
      .default('USD'),
    fiscalYearStartMonth: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole month number' })
        .min(1, { error: 'must be a month number from 1 (January) to 12' })
        .max(12, { error: 'must be a month number from 1 (January) to 12' }),
      'month',
    )
      .default(1)
      .describe('Calendar month the fiscal year starts in (1 = January).'),
    fiscalYear: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole year' })
        .min(1990, { error: 'must be a year from 1990 to 2100' })
        .max(2100, { error: 'must be a year from 1990 to 2100' }),
    )
      .optional()
      .describe('Calendar year the fiscal year starts in (e.g. 2027); needed when files give dates rather than fiscal months.'),
    trials: humanNumber(
      z
        .number()
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be at least 1' })
        .max(MAX_TRIALS, { error: `must be at most ${MAX_TRIALS.toLocaleString('en-US')}` }),
    )
      .default(100_000)
      .describe('Simulated fiscal years (overridden by --trials).'),
    seed: z
      .union([
        // A longer number is not the number written (a double holds 2^53 exactly at most): said so.
        z.number().int({ error: (iss) => (iss.code === 'too_big' ? `a seed written as a number must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1); write a longer one in quotes` : undefined) }).nonnegative(),
        z.string().min(1, { error: SEED_LENGTH }).max(MAX_SEED_CHARS, { error: SEED_LENGTH }),
      ])
      .default(1)
      .describe('Seed of every random stream (overridden by --seed).'),
    market: marketSchema.prefault({}),
    targets: targetsSchema.optional(),
    stress: stressSchema.optional(),
    tiers: z
      .array(tierSchema)
      .min(1, { error: 'a scenario needs at least one tier' })
      .max(MAX_TIERS, { error: `at most ${MAX_TIERS} tiers` }),
  })
  .superRefine(
    (s, ctx) => {
      if (!Array.isArray(s.tiers)) return;
      const seen = new Map<string, number>();
      // Names that read alike: the same letters in another case, or in another Unicode form ("Café"
      // as é or as e + combining acute, NFC and NFD; a zero-width space or fullwidth letters: lookKey),
      // which every table, CSV and chart shows alike.
      const alike = new Map<string, { index: number; name: string }>();
      // Tiers' names as a target finds them (nameKey).
      const named = new Set<string>();
      // ...and as they are written, for the one a misspelt target most likely means.
      const tierNames: string[] = [];
      s.tiers.forEach((t: unknown, i: number) => {
        if (t === null || typeof t !== 'object') return;
        const tier = t as Partial<Tier>;
        if (typeof tier.name === 'string') {
          const key = tier.name.trim().toLowerCase();
          const look = lookKey(tier.name);
          named.add(nameKey(tier.name));
          tierNames.push(tier.name);
          if (alike.has(look)) {
            const first = alike.get(look)!;
            ctx.addIssue({
              code: 'custom',
              message: `tier name ${quoteText(tier.name)} is used twice (also tiers[${first.index}])${seen.has(key) ? '' : `, written with other Unicode characters that read the same (${readAlikeWhy(first.name, tier.name)})`}`,
              path: ['tiers', i, 'name'],
            });
          } else alike.set(look, { index: i, name: tier.name });
          if (!seen.has(key)) seen.set(key, i);
        }
        if (!tier.existing && !tier.newBusiness)
          ctx.addIssue({ code: 'custom', message: 'a tier needs an existing book, new business, or both', path: ['tiers', i] });
        if (tier.newCustomerExpansion && !tier.newBusiness)
          ctx.addIssue({ code: 'custom', message: 'newCustomerExpansion needs newBusiness in the same tier', path: ['tiers', i, 'newCustomerExpansion'] });
        const stress = tier.stress as Record<string, unknown> | null | undefined;
        if (stress !== null && typeof stress === 'object')
          for (const key of Object.keys(stress)) {
            const needs = STRESS_NEEDS[key];
            if (needs && !needs.has(tier))
              ctx.addIssue({ code: 'custom', message: `${indefiniteArticle(key)} ${key} stress needs ${needs.what} in this tier: there is nothing to shift`, path: ['tiers', i, 'stress', key] });
          }
      });
      const targets = (s as { targets?: { metrics?: unknown } }).targets?.metrics;
      if (Array.isArray(targets)) {
        targets.forEach((t: unknown, i: number) => {
          const name = (t as { tier?: unknown } | null)?.tier;
          if (typeof name === 'string' && !named.has(nameKey(name)))
            ctx.addIssue({ code: 'custom', message: unknownTierWords(name, tierNames), path: ['targets', 'metrics', i, 'tier'] });
        });
        // Two different targets under one label: outputs (and a re-forecast's plan) would swap their numbers.
        const clash = targets.every(isMetricTarget) ? targetLabelClash(targets) : undefined;
        if (clash)
          ctx.addIssue({
            code: 'custom',
            message: clashMessage(clash, (i) => `targets.metrics[${i}]`),
            path: ['targets', 'metrics', clash.index, ...(targets[clash.index]!.label !== undefined ? ['label'] : [])],
          });
      }
    },
    { when: () => true },
  )
  .describe('An arrcast scenario: one company, its customer tiers and the drivers of its next fiscal year.');

/** A target as parsed (the refinement above may also see targets whose own parse failed). */
function isMetricTarget(t: unknown): t is MetricTarget {
  if (t === null || typeof t !== 'object') return false;
  const { metric, value, tier, label } = t as Record<string, unknown>;
  return (metric === 'revenue' || metric === 'bookings' || metric === 'endingArr') && typeof value === 'number' && Number.isFinite(value) && (tier === undefined || typeof tier === 'string') && (label === undefined || typeof label === 'string');
}

/** A scenario as written (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Tier = Scenario['tiers'][number];
export type ExistingBook = NonNullable<Tier['existing']>;
export type NewBusiness = NonNullable<Tier['newBusiness']>;
export type NewCustomerExpansion = NonNullable<Tier['newCustomerExpansion']>;
export type RepsPlanInput = NonNullable<NewBusiness['reps']>;
export type MarketLoadings = Scenario['market']['loadings'];
