import { PLAUSIBLE_RENEWAL } from '../scenario/plausible-renewal.js';
import { toFixedDecimal, toPrecisionDecimal } from '../math/decimal-round.js';
import { centralValue } from '../scenario/central-value.js';
import type { DistributionSpec } from '../scenario/distribution-schema.js';
import { filePlace, formatPath } from '../scenario/scenario-error.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import type { LoadedScenario } from '../scenario/parse.js';
import { splitYearLevel } from '../scenario/year-level.js';
import type { YearLevelSpec } from '../scenario/year-level-schema.js';
import type { Simulation } from '../engine/simulate.js';
import type { Summary } from './summarize.js';
import { actualsWarnings } from './actuals-plausibility.js';
import { unplannedNewBusinessWarnings } from './actuals-unplanned-new-business.js';
import { futureMonthsWarnings } from './actuals-future-months.js';
import { farFromPlanWarnings } from './actuals-far-from-plan.js';
import { leftOutTierWarnings } from './actuals-tier-left-out.js';
import { moreDueThanCalendarWarnings } from './actuals-more-due-than-calendar.js';
import { customersDue } from '../model/renewal-schedule.js';
import { piledUpBetas } from './beta-piled-up.js';
import { warmStartBeforeLaunchWarnings } from './warm-start-before-launch.js';
import { seasonalityRescaledWarnings } from './seasonality-rescaled.js';

/**
 * Plausibility warnings: a scenario that is valid but implies something a planner would
 * double-check (`conversion: 0.25` meant as 2.5% wins more new customers than the whole book).
 * They never fail a run. Thresholds (see README, "Plausibility warnings"):
 *
 * - conversion-high: a stated lead-to-deal conversion (central value) above 20%. DOMAIN.md's
 *   reference: lead to customer 1-3%, opportunity to won 10-30%.
 * - acv-low / acv-high: a new deal's stated ACV (central value), or the opening book's average ARR
 *   per customer, below 500 or above 5,000,000 a year. DOMAIN.md's reference bands run from under
 *   12k (SMB) to 100-250k (enterprise).
 * - renewal-low / renewal-high: a stated renewal rate (logo or dollar; central value) below 50% or
 *   above 99%. DOMAIN.md's reference: GRR about 90-93% by ACV band, SMB 70-80% (Bessemer).
 * - attrition-high: a rep's stated attrition (a month's rate; central value) above 5% a month, which
 *   loses 46% of the reps in a year (1 - 0.95^12): `attrition: 17%` meant as a year's figure loses 89%.
 * - new-customers-above-book: a tier's median new customers won exceed its opening customers.
 * - new-business-above-opening-arr: a tier's new ARR signed (mean of the year) exceeds the
 *   company's opening ARR.
 * - nrr-high: a tier's median net revenue retention above 150% (DOMAIN.md: median public NRR about
 *   120%, 111% in a stress year).
 * - actuals-arr-unexplained: a re-forecast's closed month whose ending_arr moves by more than 10% of
 *   the ARR live when it began (plus its new ARR) beyond what its stated flows explain (actuals-plausibility.ts).
 * - actuals-far-from-plan: a re-forecast whose closed months put the market factor or a learned
 *   driver where the plan gives less than 1 in 10,000 of its years (actuals-far-from-plan.ts).
 * - actuals-new-business-unplanned: a re-forecast's tier without new business in the scenario whose
 *   closed months sign some (actuals-unplanned-new-business.ts).
 * - actuals-month-in-future: an actuals file's closed months dated after today's month, given the
 *   caller's clock (actuals-future-months.ts).
 * - actuals-tier-left-out: an actuals file's tier that the scenario does not have, every figure of it
 *   0, left out by the reader (actuals-tier-left-out.ts).
 * - actuals-more-due-than-calendar: a re-forecast's aggregate book whose closed months' due_arr bring
 *   more than half of it up beyond its calendar, read as renewals coming up early; a book on terms
 *   under a year is so misread (actuals-more-due-than-calendar.ts).
 * - score-not-scored: `score` of a year's monthly actuals file that cannot give some figures: rows
 *   for some of a report's tiers but not all (the company total not scored), or some of bookings'
 *   columns but not all (bookings not scored) (scoring/not-scored.ts).
 * - renewal-calendar-rounded: a book of aggregates whose whole customers due this year (the
 *   calendar's shares times `customers`, rounded) carry an ARR more than 5% away from the ARR the
 *   shares state (10 customers and shares adding up to 0.25: 3 due, 30% of the ARR, not 25%).
 * - decimal-comma-list: a list written inside [ ] whose commas read as decimal commas (`ramp: [0, 0,1, 1]`
 *   is read as [0, 0, 1, 1]), valid as read (scenario/misread-lists.ts).
 * - percent-mix: a distribution that writes some values with % and a percent-like one without it
 *   (`{ dist: normal, mean: 90%, sd: 2, min: 0, max: 1 }`, sd 200 points), valid as read: it runs as
 *   it did before the check (scenario/percent-mix.ts); one the schema refuses is refused with the %.
 * - beta-piled-up: a beta stated by mean and sd whose sd, valid, is so wide that alpha or beta is below
 *   1: its draws pile up at 0% (100%), far from the mean (`mean: 3%, sd: 4%`: median 1.46%) (beta-piled-up.ts).
 * - warm-start-before-launch: a seasonality of weight 0 in the year's first months (a launch) whose
 *   warm start still closes the previous year's leads in the year, read from its last months' weights
 *   (warm-start-before-launch.ts).
 * - seasonality-rescaled: a seasonality with months of weight 0 whose weights, as written, do not
 *   average 1: rescaled, the months above 0 bring 12 / n times leadsPerMonth (seasonality-rescaled.ts).
 */
export const WARNING_CODES = [
  'conversion-high',
  'acv-low',
  'acv-high',
  'renewal-low',
  'renewal-high',
  'attrition-high',
  'new-customers-above-book',
  'new-business-above-opening-arr',
  'nrr-high',
  'actuals-arr-unexplained',
  'actuals-far-from-plan',
  'actuals-new-business-unplanned',
  'actuals-month-in-future',
  'actuals-tier-left-out',
  'actuals-more-due-than-calendar',
  'score-not-scored',
  'renewal-calendar-rounded',
  'decimal-comma-list',
  'percent-mix',
  'beta-piled-up',
  'warm-start-before-launch',
  'seasonality-rescaled',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** The thresholds the warnings use. */
export const PLAUSIBLE = {
  conversionMax: 0.2,
  acvMin: 500,
  acvMax: 5_000_000,
  renewalMin: PLAUSIBLE_RENEWAL.min,
  renewalMax: 0.99,
  attritionMax: 0.05,
  nrrMax: 1.5,
  /** Largest relative gap between the whole customers' ARR due and the calendar's. */
  calendarRounding: 0.05,
} as const;

/** One warning, as data: what (code, message) and where (path, and the file position once located). */
export interface PlausibilityWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** Path to the field to check, e.g. ['tiers', 0, 'newBusiness', 'conversion']. */
  readonly path: ReadonlyArray<string | number>;
  /** The file the line refers to (the scenario, or a base it extends). */
  readonly file?: string;
  /** The file's real path, when its name as written reaches it only through a link and `..` (filePlace). */
  readonly realFile?: string;
  /** 1-based line and column of the field, when it could be located. */
  readonly line?: number;
  readonly column?: number;
}

/**
 * A share as a percent with three significant digits: 0.25 -> '25%', 0.025 -> '2.5%'; more when
 * three would round a rate below 100% up to it (0.9996 -> '99.96%', not '100%').
 */
function pct(x: number): string {
  const short = toPrecisionDecimal(x * 100, 3);
  return `${short === 100 && x !== 1 ? toPrecisionDecimal(x * 100, 6) : short}%`;
}
/** A whole count: 5658 -> '5,658'. */
const count = (x: number) => (Number(toFixedDecimal(x, 0)) + 0).toLocaleString('en-US');
/** Money, compact: 84123456 -> '84.1M', 12000 -> '12k', 250 -> '250'; 999990000 -> '1B', not '1,000M'. */
function money(x: number): string {
  const a = Math.abs(x);
  const short = (v: number, unit: string) => `${toPrecisionDecimal(v, 3).toLocaleString('en-US')}${unit}`;
  // The unit is picked after rounding to three digits, so 999.99M, which rounds to 1,000M, is 1B.
  const at = (size: number) => toPrecisionDecimal(a / size, 3) >= 1;
  if (at(1e12)) return short(x / 1e12, 'T');
  if (at(1e9)) return short(x / 1e9, 'B');
  if (at(1e6)) return short(x / 1e6, 'M');
  if (a >= 1e4) return short(x / 1e3, 'k');
  return count(x);
}
/** Moving the decimal exponent, so 0.25 / 10 is 0.025, not 0.025000000000000001. */
const shift = (x: number, places: number) => Number(`${x}e-${places}`);

const central = (spec: unknown): number | undefined => {
  try {
    const v = centralValue(spec as DistributionSpec);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
};
const centralAmount = (spec: unknown): number | undefined => {
  try {
    const v = splitYearLevel(spec as YearLevelSpec).plan;
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A conversion above PLAUSIBLE.conversionMax, with the fractions a place or two smaller it may have
 * meant (0.25 for 0.025); not for one written as a percent (`45%`): that is taken as the percent it
 * says, not re-scaled to 4.5%.
 */
function conversionWarning(value: unknown, path: Array<string | number>, percent: boolean): PlausibilityWarning[] {
  const c = central(value);
  if (c === undefined || !(c > PLAUSIBLE.conversionMax)) return [];
  const meant = percent ? '' : `; did you mean ${shift(c, 1)} (${pct(shift(c, 1))}) or ${shift(c, 2)} (${pct(shift(c, 2))})?`;
  return [
    {
      code: 'conversion-high',
      message: `${pct(c)} conversion is above ${pct(PLAUSIBLE.conversionMax)}${meant}${percent ? ':' : ''} ${percent ? 'lead' : 'Lead'} to customer is usually 1-3% (opportunity to won 10-30%)`,
      path,
    },
  ];
}

function acvWarning(value: number | undefined, path: Array<string | number>, what: string): PlausibilityWarning[] {
  if (value === undefined) return [];
  if (value < PLAUSIBLE.acvMin)
    return [{ code: 'acv-low', message: `${what} of ${money(value)} a year is below ${money(PLAUSIBLE.acvMin)}; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year`, path }];
  if (value > PLAUSIBLE.acvMax)
    return [{ code: 'acv-high', message: `${what} of ${money(value)} a year is above ${money(PLAUSIBLE.acvMax)}; SaaS contracts are usually from a few thousand (SMB) to a few hundred thousand (enterprise) a year`, path }];
  return [];
}

function renewalWarning(value: unknown, path: Array<string | number>, what: string): PlausibilityWarning[] {
  const r = central(value);
  if (r === undefined) return [];
  const usual = 'renewal is usually 70-95% (GRR about 90-93% by contract size, 70-80% for SMB)';
  if (r < PLAUSIBLE.renewalMin) return [{ code: 'renewal-low', message: `${what} of ${pct(r)} is below ${pct(PLAUSIBLE.renewalMin)}; ${usual}`, path }];
  if (r > PLAUSIBLE.renewalMax) return [{ code: 'renewal-high', message: `${what} of ${pct(r)} is above ${pct(PLAUSIBLE.renewalMax)}; ${usual}`, path }];
  return [];
}

/**
 * A rep's monthly attrition above PLAUSIBLE.attritionMax: the share of the reps it loses in a year,
 * 1 - (1 - m)^12, and the month's rate the same figure means as a year's (1 - (1 - y)^(1/12)).
 */
function attritionWarning(value: unknown, path: Array<string | number>): PlausibilityWarning[] {
  const m = central(value);
  if (m === undefined || !(m > PLAUSIBLE.attritionMax) || !(m < 1)) return [];
  const year = 1 - (1 - m) ** 12;
  const month = 1 - (1 - m) ** (1 / 12);
  return [
    {
      code: 'attrition-high',
      message: `attrition of ${pct(m)} a month loses ${pct(year)} of the reps in a year; it is a month's rate: if ${pct(m)} is a year's, write ${toPrecisionDecimal(month, 3)} (${pct(month)}) a month`,
      path,
    },
  ];
}

/**
 * A book of aggregates renews whole customers at the average ARR (model/renewal-schedule.ts): the
 * warning when that moves the ARR due this year more than PLAUSIBLE.calendarRounding from the shares'.
 */
function calendarWarning(e: NonNullable<Scenario['tiers'][number]['existing']>, path: Array<string | number>): PlausibilityWarning[] {
  if (e.customersFile !== undefined || !(e.customers! > 0) || !Array.isArray(e.renewalCalendar)) return [];
  const share = e.renewalCalendar.reduce((a, x) => a + x, 0);
  const stated = e.customers! * share;
  if (!(stated > 0)) return [];
  const due = customersDue(e).reduce((a, x) => a + x, 0);
  if (!(Math.abs(due - stated) > PLAUSIBLE.calendarRounding * stated)) return [];
  return [
    {
      code: 'renewal-calendar-rounded',
      message: `the shares renew ${pct(share)} of the opening ARR this year, ${toPrecisionDecimal(stated, 3)} of ${count(e.customers!)} customers; arrcast renews whole customers at the average ARR, ${count(due)} (${pct(due / e.customers!)} of the ARR): give customers and shares whose products are whole numbers, or a customersFile`,
      path,
    },
  ];
}

/**
 * The warnings the scenario as stated gives, without a run: conversion, ACV (of new deals, and
 * the opening book's average), renewal rates outside common SaaS ranges, a rep attrition that
 * reads as a year's figure, a book's renewal calendar that whole customers move, and a launch within
 * the year that the warm start opens with the previous year's leads (deals landing after a
 * re-forecast's `closedMonths` only). Paths only; locate them with `locateWarnings`.
 *
 * @example scenarioWarnings(parseScenario(text).scenario).map((w) => w.code) // => ['conversion-high']
 * Complexity: O(tiers x lead sources).
 */
export function scenarioWarnings(scenario: Scenario, writtenAsPercent: (path: ReadonlyArray<string | number>) => boolean = () => false, closedMonths = 0): PlausibilityWarning[] {
  const conversion = (value: unknown, path: Array<string | number>) => conversionWarning(value, path, writtenAsPercent(path));
  const out: PlausibilityWarning[] = [];
  scenario.tiers.forEach((tier, i) => {
    const e = tier.existing;
    if (e) {
      if (e.customersFile === undefined && e.openingArr !== undefined && e.customers !== undefined && e.customers > 0 && e.openingArr > 0)
        out.push(...acvWarning(e.openingArr / e.customers, ['tiers', i, 'existing', 'openingArr'], `the opening book's average ARR per customer (${money(e.openingArr)} / ${count(e.customers)} customers)`));
      if (e.renewalRate !== undefined) out.push(...renewalWarning(e.renewalRate, ['tiers', i, 'existing', 'renewalRate'], 'a renewal rate'));
      if (e.dollarRenewalRate !== undefined) out.push(...renewalWarning(e.dollarRenewalRate, ['tiers', i, 'existing', 'dollarRenewalRate'], 'a dollar renewal rate'));
      out.push(...calendarWarning(e, ['tiers', i, 'existing', 'renewalCalendar']));
    }
    const n = tier.newBusiness;
    if (n) {
      if (n.conversion !== undefined) out.push(...conversion(n.conversion, ['tiers', i, 'newBusiness', 'conversion']));
      n.leadSources?.forEach((s, j) => out.push(...conversion(s.conversion, ['tiers', i, 'newBusiness', 'leadSources', j, 'conversion'])));
      out.push(...acvWarning(centralAmount(n.acv), ['tiers', i, 'newBusiness', 'acv'], 'an ACV'));
      if (n.reps?.attrition !== undefined) out.push(...attritionWarning(n.reps.attrition, ['tiers', i, 'newBusiness', 'reps', 'attrition']));
    }
  });
  for (const b of piledUpBetas(scenario)) out.push({ code: 'beta-piled-up', message: b.message, path: b.path });
  return [...out, ...warmStartBeforeLaunchWarnings(scenario, closedMonths), ...seasonalityRescaledWarnings(scenario, closedMonths)];
}

/**
 * The warnings of how the scenario's files are written, placed in them already: each [ ] list whose
 * commas read as decimal commas (LoadedScenario.misreadLists), and each number a distribution writes
 * without % beside values with % (LoadedScenario.percentMixes).
 * Complexity: O(such lists and numbers).
 */
export function writtenWarnings(loaded: LoadedScenario): PlausibilityWarning[] {
  return [
    ...(loaded.percentMixes ?? []).map((m) => writtenWarning('percent-mix', m, loaded.source)),
    ...(loaded.misreadLists ?? []).map((m) => writtenWarning('decimal-comma-list', m, loaded.source)),
  ];
}

/** One written warning, placed where its file writes it (a base's too), with that file's real path when it differs. */
function writtenWarning(code: WarningCode, m: NonNullable<LoadedScenario['misreadLists']>[number], scenarioSource: string): PlausibilityWarning {
  return {
    code,
    message: m.message,
    path: m.path,
    file: m.source ?? scenarioSource,
    ...(m.line !== undefined ? { line: m.line, column: m.column ?? 1 } : {}),
    ...(m.realSource !== undefined ? { realFile: m.realSource } : {}),
  };
}

/** What a run adds to the scenario for `runWarnings`: each tier's opening customers (from a file too), by tier index. */
export interface RunFacts {
  readonly openingCustomers: readonly number[];
}

/**
 * The warnings a run's results give: a tier whose median new customers exceed its opening book,
 * whose new ARR signed exceeds the company's opening ARR, or whose median NRR is above 150%.
 *
 * Complexity: O(tiers).
 */
export function runWarnings(scenario: Scenario, summary: Summary, facts: RunFacts): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  scenario.tiers.forEach((tier, i) => {
    const t = summary.byTier[tier.name];
    if (!t) return;
    const won = t.customersWon?.percentiles.p50;
    const book = facts.openingCustomers[i] ?? 0;
    if (tier.newBusiness && won !== undefined && book > 0 && won > book)
      out.push({
        code: 'new-customers-above-book',
        message: `the median year wins ${count(won)} new ${tier.name} customers, more than the ${count(book)} of its opening book; check leads and conversion`,
        path: ['tiers', i, 'newBusiness'],
      });
    const newArr = t.componentMeans.bookings.newBusiness;
    if (tier.newBusiness && newArr !== undefined && summary.openingArr > 0 && newArr > summary.openingArr)
      out.push({
        code: 'new-business-above-opening-arr',
        message: `${tier.name} signs ${money(newArr)} of new ARR in an average year, more than the company's opening ARR of ${money(summary.openingArr)}; check leads, conversion and ACV`,
        path: ['tiers', i, 'newBusiness'],
      });
    const nrr = t.nrr?.percentiles.p50;
    if (nrr !== undefined && nrr > PLAUSIBLE.nrrMax)
      out.push({
        code: 'nrr-high',
        message: `${tier.name}'s median net revenue retention is ${pct(nrr)}, above ${pct(PLAUSIBLE.nrrMax)}; median public SaaS NRR is about 110-120%`,
        path: tier.existing?.expansion ? ['tiers', i, 'existing', 'expansion'] : ['tiers', i, 'existing'],
      });
  });
  return out;
}

/**
 * Every warning for a scenario and, when given, a run's summary: the stated ones, then the run's.
 * `closedMonths`: a re-forecast's, whose earlier months the actuals hold (warm-start-before-launch).
 * Complexity: O(tiers x lead sources).
 */
export function plausibilityWarnings(scenario: Scenario, run?: { readonly summary: Summary; readonly facts: RunFacts }, writtenAsPercent?: (path: ReadonlyArray<string | number>) => boolean, closedMonths = 0): PlausibilityWarning[] {
  return [...scenarioWarnings(scenario, writtenAsPercent, closedMonths), ...(run ? runWarnings(scenario, run.summary, run.facts) : [])];
}

/**
 * Every warning of a run, located in its files: what the CLI prints and writes into summary.json
 * (before --no-warn). The opening customers come from the run's plan (a customer file's rows too).
 * `locate` and `written` (writtenWarnings) default to the run's scenario; a merge's, read again from its file.
 *
 * @example simulationWarnings(sim, summarize(sim)).map(formatWarning).join('\n')
 * Complexity: O(tiers x lead sources).
 */
export function simulationWarnings(sim: Simulation, summary: Summary, locate: Locate | undefined = sim.loaded.locate, written: readonly PlausibilityWarning[] = writtenWarnings(sim.loaded), today?: Date): PlausibilityWarning[] {
  const facts = { openingCustomers: sim.plan.tiers.map((t) => t.existing?.customers ?? 0) };
  // The actuals' warnings are placed in their file already (row and cell), not in the scenario.
  return [...written, ...locateWarnings(plausibilityWarnings(sim.loaded.scenario, { summary, facts }, sim.loaded.writtenAsPercent, sim.reforecast?.input.months ?? 0), sim.loaded.source, locate), ...actualsWarnings(sim.reforecast), ...unplannedNewBusinessWarnings(sim.reforecast), ...futureMonthsWarnings(sim.reforecast?.input, today), ...leftOutTierWarnings(sim.reforecast?.input), ...moreDueThanCalendarWarnings(sim.reforecast), ...farFromPlanWarnings(sim)];
}

/** Where the value at a path is written (`LoadedScenario.locate`). */
export type Locate = (path: ReadonlyArray<string | number>) => { readonly line?: number; readonly column?: number; readonly source?: string; readonly realSource?: string };

/**
 * Give each warning its file, line and column: `locate` is the loaded scenario's (see
 * `LoadedScenario.locate`), `source` the file when a base did not write the field.
 */
export function locateWarnings(
  warnings: readonly PlausibilityWarning[],
  source: string,
  locate?: Locate,
): PlausibilityWarning[] {
  return warnings.map((w) => {
    const at = locate?.(w.path);
    // realFile last: summary.json writes the keys in this order, as the README lists them.
    return { ...w, file: at?.source ?? source, ...(at?.line !== undefined ? { line: at.line, column: at.column ?? 1 } : {}), ...(at?.realSource !== undefined ? { realFile: at.realSource } : {}) };
  });
}

/** The warnings left once `silenced` codes are taken out ('all' takes out every one). */
export function silenceWarnings(warnings: readonly PlausibilityWarning[], silenced: readonly string[]): PlausibilityWarning[] {
  if (silenced.includes('all')) return [];
  return warnings.filter((w) => !silenced.includes(w.code));
}

/** `arrcast: warning [conversion-high] scenarios/x.yaml:12:17 tiers[0].newBusiness.conversion: 25% conversion is ...` */
export function formatWarning(w: PlausibilityWarning): string {
  const where = w.file === undefined ? '' : `${filePlace(w.file, w.line, w.column, w.realFile)} `;
  const path = formatPath(w.path);
  return `arrcast: warning [${w.code}] ${where}${path ? `${path}: ` : ''}${w.message}`;
}
