import type { Metric } from '../model/components.js';
import { quoteText } from '../scenario/display-text.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/scenario-error.js';
import { jsonShapeProblem } from '../scenario/json-shape.js';

/** The summary.json layout a plan is read in (analysis/summarize.ts writes it). */
const PLAN_SUMMARY_VERSION = 1;

/**
 * --plan: a previous run's summary.json, read as input like any other file. A report directory may
 * be forged, of another company, or not a run's report at all (a comparison's): everything a
 * re-forecast takes from it is checked here, and only what was checked is kept, so nothing of the
 * file but finite numbers in range reaches summary.json, the page or the charts.
 *
 * Checked: it is JSON of an arrcast run (tool, scenario); its scenario name, currency and fiscal
 * year start are the scenario's, and its fiscal year too when both state one (a plan in another
 * currency or calendar, or last year's, compares nothing), and its budgets' confidence the
 * re-forecast's (another confidence is another percentile): planIdentityIssues, which summarize's
 * `plan` (the library's) is checked by as well; `monthly` is the 12
 * fiscal months in order, each with finite P10 <= P90 of MRR and cumulative revenue; the three
 * budgets are finite; each target is a label with a probability in [0, 1]. Every problem at once.
 */

/** One month of the plan's bands, as the fan chart draws it. */
export interface PlanMonth {
  readonly month: number;
  readonly label: string;
  readonly mrr: { readonly percentiles: { readonly p10: number; readonly p90: number } };
  readonly cumulativeRevenue: { readonly percentiles: { readonly p10: number; readonly p90: number } };
}

/** What a re-forecast reads of a plan's summary (a full Summary has this shape too). */
export interface PlanSummaryInput {
  readonly path: string;
  readonly summary: {
    /** Whose plan it is, and of which year (summarize refuses a plan whose scenario is not the re-forecast's: planIdentityIssues). */
    readonly scenario: { readonly name: string; readonly currency: string; readonly fiscalYearStartMonth: number; readonly fiscalYear?: number };
    readonly monthly: readonly PlanMonth[];
    /** The plan run's trial count, when its summary says it: the error of its P(target). */
    readonly trials?: number;
    readonly decisions: {
      /** The confidence of its budgets: the re-forecast's, as they are shown in its row. */
      readonly confidence: number;
      readonly budgets: { readonly metrics: Readonly<Record<Metric, { readonly value: number }>> };
      readonly targets: ReadonlyArray<PlanTarget>;
    };
  };
}

/**
 * A target of the plan: its label and probability, and what it tested (metric, value, tier) when
 * the summary says so, as every run's does: a label alone does not say that the re-forecast's
 * target of that label is the same target (the scenario's `label: Goal` may have moved from 120M to 110M).
 */
export interface PlanTarget {
  readonly label: string;
  readonly probability: { readonly value: number };
  /**
   * True when the plan's summary marks the target `certain` (TargetResult.certain: its metric was the
   * same in every trial). Kept as read; the plan's chance beside now's is written from the plan's
   * trial count either way (reforecast-section.ts atPlanChance: a plan is simulated, never a closed year).
   */
  readonly certain?: boolean;
  readonly metric?: Metric;
  readonly value?: number;
  readonly tier?: string;
}

/** The scenario the plan must match. */
export interface PlanIdentity {
  /** The scenario's name: a plan of another scenario (another company, or a stress case) is not its plan. */
  readonly name: string;
  readonly currency: string;
  readonly fiscalYearStartMonth: number;
  /** The fiscal year the scenario states (`fiscalYear:`), if it does: a plan stating another year is another year's plan. */
  readonly fiscalYear?: number;
  /** The re-forecast's budget confidence: the plan's budgets, shown beside its own, must be at the same one. */
  readonly confidence: number;
}

/** Most targets read from a plan (a scenario has a handful; a forged file may hold millions). */
export const MAX_PLAN_TARGETS = 1000;
/** Longest target label kept. */
const MAX_LABEL_CHARS = 200;

type Json = unknown;

/** A share as a percent, to 12 significant digits: 0.8 => '80%', 0.655 => '65.5%'. */
const percent = (x: number) => `${Number((x * 100).toPrecision(12))}%`;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Record<string, Json>, key: string): Json => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/**
 * Check and keep what a re-forecast reads of a plan's summary.json `text` (read from `path`).
 * Throws ScenarioError naming `path` with every problem (JSON paths, no line: a summary is written
 * by arrcast, not by hand).
 *
 * @example parsePlanSummary('{}', 'plan/summary.json', { name: 'FY plan', currency: 'USD', fiscalYearStartMonth: 1, confidence: 0.8 }) // throws: not a run's summary
 * Complexity: O(size of the text).
 */
export function parsePlanSummary(text: string, path: string, identity: PlanIdentity): PlanSummaryInput {
  const issues: ScenarioIssue[] = [];
  const fail = (at: readonly (string | number)[], message: string) => void issues.push({ path: [...at], message });
  let data: Json;
  const shape = jsonShapeProblem(text);
  if (shape !== undefined) throw new ScenarioError(path, [{ path: [], message: `${shape}: --plan names the report directory of a previous arrcast run, whose summary.json is read` }]);
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch {
    throw new ScenarioError(path, [{ path: [], message: "is not JSON: --plan names the report directory of a previous arrcast run, whose summary.json is read" }]);
  }
  const tool = isObject(data) ? own(data, 'tool') : undefined;
  if (!isObject(data) || !isObject(tool) || own(tool, 'name') !== 'arrcast' || !isObject(own(data, 'scenario')))
    throw new ScenarioError(path, [{ path: [], message: "is not an arrcast run's summary (no tool and scenario): --plan names the report directory of a previous arrcast run" }]);
  const scenario = own(data, 'scenario') as Record<string, Json>;
  // The figures read below are summary version 1's (summarize.ts writes it): another version may hold
  // other figures under the same names, so it is refused, as score refuses it, not read as 1's.
  const version = own(tool, 'summaryVersion');
  if (version !== PLAN_SUMMARY_VERSION)
    throw new ScenarioError(path, [
      { path: ['tool', 'summaryVersion'], message: `${version === undefined ? 'names no summary version' : `is summary version ${describe(version)}`}; this arrcast reads version ${PLAN_SUMMARY_VERSION}: re-run the plan with this arrcast and give its report to --plan` },
    ]);
  // A re-forecast's summary holds its own bands (the closed months as they came, the rest learned
  // from them), not the plan's: shown as "at plan", they would set a re-forecast beside itself.
  const reforecast = own(data, 'reforecast');
  if (reforecast !== undefined) {
    const asOf = isObject(reforecast) ? own(reforecast, 'asOfMonth') : undefined;
    throw new ScenarioError(path, [
      {
        path: ['reforecast'],
        message: `is a re-forecast's summary${typeof asOf === 'number' ? ` (from ${asOf} closed month${asOf === 1 ? '' : 's'} of actuals)` : ''}, not a plan's: --plan names the report of the plan's own run (arrcast run without --actuals)`,
      },
    ]);
  }

  const given = own(data, 'decisions');
  const identityIssues = planIdentityIssues(scenario, isObject(given) ? own(given, 'confidence') : undefined, identity);
  // The scenario's issues here; the confidence's with the decisions' below, as a summary without decisions is told once.
  for (const issue of identityIssues) if (issue.path[0] === 'scenario') fail(issue.path, issue.message);

  // The first builds (22 November 2026, before d07e548) wrote summary version 1 without decisions:
  // say so once, not as five missing budgets and targets. After the checks above, so that an old
  // plan of another scenario or company is told that too.
  const noDecisions = own(data, 'decisions');
  if (noDecisions === undefined || noDecisions === null)
    throw new ScenarioError(path, [
      ...issues,
      {
        path: ['decisions'],
        message: `${noDecisions === null ? 'null, so no budgets or targets' : 'absent'}, as in the summaries of arrcast before budgets and targets (November 2026), which --plan sets beside the re-forecast's: re-run the plan with this arrcast and give its report to --plan`,
      },
    ]);

  const finite = (v: Json, at: readonly (string | number)[], what: string): number => {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    fail(at, `${what} must be a finite number, got ${describe(v)}`);
    return NaN;
  };

  const monthly: PlanMonth[] = [];
  const rawMonthly = own(data, 'monthly');
  if (!Array.isArray(rawMonthly) || rawMonthly.length !== 12) fail(['monthly'], `must list the 12 months of the fiscal year, got ${describe(rawMonthly)}`);
  else
    rawMonthly.forEach((m: Json, i) => {
      if (!isObject(m)) return fail(['monthly', i], `must be a month's bands, got ${describe(m)}`);
      if (own(m, 'month') !== i + 1) fail(['monthly', i, 'month'], `must be ${i + 1} (the months in order), got ${describe(own(m, 'month'))}`);
      const band = (key: 'mrr' | 'cumulativeRevenue') => {
        const s = own(m, key);
        const p = isObject(s) ? own(s, 'percentiles') : undefined;
        if (!isObject(p)) {
          fail(['monthly', i, key], `must hold percentiles, got ${describe(s)}`);
          return { percentiles: { p10: NaN, p90: NaN } };
        }
        const p10 = finite(own(p, 'p10'), ['monthly', i, key, 'percentiles', 'p10'], 'P10');
        const p90 = finite(own(p, 'p90'), ['monthly', i, key, 'percentiles', 'p90'], 'P90');
        if (p10 > p90) fail(['monthly', i, key, 'percentiles'], `P10 ${p10} is above P90 ${p90}`);
        return { percentiles: { p10, p90 } };
      };
      const label = own(m, 'label');
      monthly.push({ month: i + 1, label: typeof label === 'string' ? label.slice(0, 16) : String(i + 1), mrr: band('mrr'), cumulativeRevenue: band('cumulativeRevenue') });
    });

  const decisions = own(data, 'decisions');
  for (const issue of identityIssues) if (issue.path[0] !== 'scenario') fail(issue.path, issue.message);
  const budgets = isObject(decisions) ? own(decisions, 'budgets') : undefined;
  const metrics = isObject(budgets) ? own(budgets, 'metrics') : undefined;
  const budget = {} as Record<Metric, { value: number }>;
  for (const metric of ['revenue', 'bookings', 'endingArr'] as const) {
    const b = isObject(metrics) ? own(metrics, metric) : undefined;
    budget[metric] = { value: finite(isObject(b) ? own(b, 'value') : undefined, ['decisions', 'budgets', 'metrics', metric, 'value'], 'a budget') };
  }
  const targets: PlanTarget[] = [];
  const rawTargets = isObject(decisions) ? own(decisions, 'targets') : undefined;
  if (!Array.isArray(rawTargets) || rawTargets.length > MAX_PLAN_TARGETS) fail(['decisions', 'targets'], `must be a list of at most ${MAX_PLAN_TARGETS} targets, got ${describe(rawTargets)}`);
  else
    rawTargets.forEach((t: Json, i) => {
      const label = isObject(t) ? own(t, 'label') : undefined;
      const prob = isObject(t) ? own(t, 'probability') : undefined;
      if (typeof label !== 'string' || label.length > MAX_LABEL_CHARS) fail(['decisions', 'targets', i, 'label'], `must be a target's label of at most ${MAX_LABEL_CHARS} characters, got ${describe(label)}`);
      const p = finite(isObject(prob) ? own(prob, 'value') : undefined, ['decisions', 'targets', i, 'probability', 'value'], 'a probability');
      if (p < 0 || p > 1) fail(['decisions', 'targets', i, 'probability', 'value'], `a probability must be within [0, 1], got ${p}`);
      if (typeof label !== 'string') return;
      // What the target tested, kept only as a whole and when well-formed (a summary without it matches by label).
      const metric = own(t as Record<string, Json>, 'metric');
      const value = own(t as Record<string, Json>, 'value');
      const tier = own(t as Record<string, Json>, 'tier');
      const tested =
        (metric === 'revenue' || metric === 'bookings' || metric === 'endingArr') && typeof value === 'number' && Number.isFinite(value) && (tier === undefined || (typeof tier === 'string' && tier.length <= MAX_LABEL_CHARS))
          ? { metric, value, ...(tier === undefined ? {} : { tier }) }
          : {};
      // An earlier summary says nothing of certainty: its 0 or 1 is then an estimate, as nearly every plan's is.
      const certain = isObject(t) && own(t, 'certain') === true;
      targets.push({ label, probability: { value: p }, ...(certain ? { certain } : {}), ...tested });
    });

  // Every run's summary has its trial count; kept only when it is one (a hand-made summary without it
  // loses the hedge of a chance of 0 or 1 at plan, nothing else).
  const trials = own(data, 'trials');
  const planTrials = Number.isSafeInteger(trials) && (trials as number) > 0 ? { trials: trials as number } : {};
  if (issues.length > 0) throw new ScenarioError(path, issues);
  const year = own(scenario, 'fiscalYear');
  const whose = { name: identity.name, currency: identity.currency, fiscalYearStartMonth: identity.fiscalYearStartMonth, ...(typeof year === 'number' ? { fiscalYear: year } : {}) };
  return { path, summary: { scenario: whose, monthly, ...planTrials, decisions: { confidence: identity.confidence, budgets: { metrics: budget }, targets } } };
}

/** A way a plan is not its re-forecast's: where in the plan's summary, and what (in --plan's words). */
export interface PlanIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/**
 * How a plan's summary is not of the re-forecast's scenario, calendar and confidence, whoever gives
 * it: --plan's summary.json (parsePlanSummary) and the library's `summarize(reSim, { plan })`, which
 * set a plan in euros, of another start month or confidence, beside the re-forecast under its own
 * currency sign, months and "80% confidence" (a euro P50 read "$120M"). `scenario` and `confidence`
 * are the plan summary's `scenario` and `decisions.confidence`, as read (anything). The fiscal year is
 * compared only when both state one: a summary written before December 2026 records none, and a
 * scenario that states none is taken to be of the plan's year. Empty when it is the re-forecast's plan.
 *
 * @example planIdentityIssues({ name: 'p', currency: 'EUR', fiscalYearStartMonth: 1 }, 0.8, { name: 'p', currency: 'USD', fiscalYearStartMonth: 1, confidence: 0.8 })[0]!.path // => ['scenario', 'currency']
 * Complexity: O(1).
 */
export function planIdentityIssues(scenario: Json, confidence: Json, identity: PlanIdentity): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const fail = (path: ReadonlyArray<string | number>, message: string) => void issues.push({ path, message });
  const given = isObject(scenario) ? scenario : {};
  const name = own(given, 'name');
  if (name !== identity.name)
    fail(['scenario', 'name'], `the plan is of scenario ${typeof name === 'string' ? quoteText(name) : '(no name)'}, the re-forecast of ${quoteText(identity.name)}: --plan names the report of a run of the same scenario`);
  const currency = own(given, 'currency');
  if (currency !== identity.currency)
    fail(['scenario', 'currency'], `the plan is in ${typeof currency === 'string' ? quoteText(currency) : 'no currency'}, the scenario in ${quoteText(identity.currency)}: a re-forecast compares with a plan of the same company`);
  const start = own(given, 'fiscalYearStartMonth');
  if (start !== identity.fiscalYearStartMonth)
    fail(['scenario', 'fiscalYearStartMonth'], `the plan's fiscal year starts in month ${typeof start === 'number' ? start : '(none)'}, the scenario's in month ${identity.fiscalYearStartMonth}: its months are not the re-forecast's`);
  // Last year's plan (FY2026 beside an FY2027 re-forecast) has the months and currency of this year's: only the stated years tell them apart.
  const year = own(given, 'fiscalYear');
  if (year !== undefined && !Number.isInteger(year)) fail(['scenario', 'fiscalYear'], `must be the fiscal year the plan's scenario states, a whole number, or absent; got ${describe(year)}`);
  else if (year !== undefined && identity.fiscalYear !== undefined && year !== identity.fiscalYear)
    fail(['scenario', 'fiscalYear'], `the plan is of FY${year as number}, the re-forecast of FY${identity.fiscalYear}: --plan names the report of this year's plan`);
  // A budget at another confidence is another percentile: shown in a row that names the re-forecast's confidence, it would not be the plan's budget at it.
  if (confidence !== identity.confidence)
    fail(
      ['decisions', 'confidence'],
      typeof confidence === 'number' && confidence > 0 && confidence < 1
        ? `the plan's budgets are at ${percent(confidence)} confidence, the re-forecast's at ${percent(identity.confidence)}: give --confidence ${percent(confidence)} to set them side by side`
        : `must be the confidence of the plan's budgets, between 0 and 1, got ${describe(confidence)}`,
    );
  return issues;
}

/** A short, safe description of a JSON value for a message. */
function describe(v: Json): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'string') return `the text ${quoteText(v)}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
