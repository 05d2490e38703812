import { checkSignal } from '../engine/simulate.js';
import { valueKind } from '../scenario/option-keys.js';
import { resolveOutputs } from './outputs.js';
import { ArgumentError } from '../scenario/argument-error.js';

/** A refused option of writeReport: an ArgumentError (a TypeError, as before; the CLI exits with 2 on it). */
const optionRefused = (message: string) => ArgumentError.withMessage('writeReport', ['options'], message);

/**
 * writeReport's options, each checked before anything is read or written (as piscina checks its
 * own): a value of the wrong kind is an ArgumentError (a TypeError) naming the option (`writeReport: onStep must be a
 * function ...`), the `signal` a RunOptionError as simulate's and mergeParts' (engine/simulate.ts
 * checkSignal, one check for the three), `outputs` an OutputsError (outputs.ts). Before December
 * 2026 `onStep: 5` or a stress case's summary without its figures failed mid-write with
 * JavaScript's own "is not a function" or "Cannot read properties of undefined", an AbortController
 * given as the signal was never looked at (the write could not be stopped), and `marks: 5` was
 * drawn as no marks.
 */
export function checkReportOptions(options: Readonly<Record<string, unknown>>): void {
  const at = (name: string) => `writeReport: ${name}`;
  const must = (name: string, ok: boolean, what: string) => {
    if (!ok) throw optionRefused(`${at(name)} must be ${what} (got ${valueKind(options[name])})`);
  };
  const absentOr = (name: string, type: 'function' | 'string' | 'boolean', what: string) =>
    must(name, options[name] === undefined || typeof options[name] === type, what);
  checkSignal(options.signal);
  absentOr('onStep', 'function', "a function, called after each file with its name and with 'renaming' before the rename");
  absentOr('recheck', 'function', 'a function, called just before the report is moved into place');
  absentOr('renderChart', 'function', 'a function from a Vega-Lite spec to { svg, warnings }');
  absentOr('scenarioFile', 'string', "a string, the scenario file's path");
  absentOr('releaseTrials', 'boolean', 'true or false');
  absentOr('parentSwept', 'boolean', 'true or false');
  const csv = options.trialsCsv;
  must('trialsCsv', csv === undefined || (isObject(csv) && typeof (csv as { moveInto?: unknown }).moveInto === 'function'), 'trials.csv as the run streamed it ({ moveInto(target) })');
  resolveOutputs(options.outputs as never);
  checkMarks(options.marks);
  checkStressCases(options.stress);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `marks` (charts/revenue-distribution.ts RevenueMarks): { target?: number, budget?: { value, confidence, interval? } }. */
function checkMarks(marks: unknown): void {
  if (marks === undefined) return;
  const what = 'the revenue chart\'s marks ({ target?: number, budget?: { value, confidence, interval? } })';
  if (!isObject(marks)) throw optionRefused(`writeReport: marks must be ${what} (got ${valueKind(marks)})`);
  for (const key of Object.keys(marks))
    if (key !== 'target' && key !== 'budget') throw optionRefused(`writeReport: marks.${key} is not a mark; marks are target and budget`);
  const { target, budget } = marks;
  if (target !== undefined && !isFiniteNumber(target)) throw optionRefused(`writeReport: marks.target must be a finite number, the revenue target (got ${valueKind(target)})`);
  if (budget === undefined) return;
  if (!isObject(budget)) throw optionRefused(`writeReport: marks.budget must be { value, confidence, interval? } (got ${valueKind(budget)})`);
  if (!isFiniteNumber(budget.value)) throw optionRefused(`writeReport: marks.budget.value must be a finite number (got ${valueKind(budget.value)})`);
  if (!isFiniteNumber(budget.confidence) || budget.confidence <= 0 || budget.confidence >= 1)
    throw optionRefused(`writeReport: marks.budget.confidence must be a share between 0 and 1 (got ${isFiniteNumber(budget.confidence) ? budget.confidence : valueKind(budget.confidence)})`);
  const interval = budget.interval;
  if (interval !== undefined && interval !== null && !(Array.isArray(interval) && interval.length === 2 && interval.every(isFiniteNumber)))
    throw optionRefused(`writeReport: marks.budget.interval must be two finite numbers, null or absent (got ${valueKind(interval)})`);
}

/** The figures report.html's stress table reads of each stress case's summary (html/downside-section.ts), by path. */
const METRICS = ['revenue', 'bookings', 'endingArr'] as const;
const STRESS_FIGURES: ReadonlyArray<readonly string[]> = [
  ['scenario', 'name'],
  ['trials'],
  ...METRICS.flatMap((m) => [
    ['metrics', m, 'percentiles', 'p50'],
    ['decisions', 'downside', m, 'p10', 'value'],
    ['decisions', 'downside', m, 'worst10Mean'],
    ['decisions', 'budgets', 'metrics', m, 'value'],
  ]),
];

/**
 * `stress`: a list of stress cases, each `{ source, summary, marketFactor? }` (a file path, its
 * run's summary with the figures the stress table reads, a finite factor). `[{ source, summary: {
 * scenario: {} } }]` passed a check of the summary's `scenario` alone and failed in the table.
 */
function checkStressCases(stress: unknown): void {
  if (stress === undefined) return;
  if (!Array.isArray(stress)) throw optionRefused(`writeReport: stress must be a list of stress cases ({ source, summary, marketFactor? }), got ${valueKind(stress)}`);
  stress.forEach((c: unknown, i) => {
    const at = `writeReport: stress[${i}]`;
    if (!isObject(c)) throw optionRefused(`${at} must be a stress case ({ source, summary, marketFactor? }), got ${valueKind(c)}`);
    const { source, summary, marketFactor } = c;
    if (typeof source !== 'string') throw optionRefused(`${at}.source must be a string, the stress scenario file's path (got ${valueKind(source)})`);
    if (!isObject(summary)) throw optionRefused(`${at}.summary must be the summary of the stress scenario's run (summarize's), got ${valueKind(summary)}`);
    for (const path of STRESS_FIGURES) {
      const value = path.reduce<unknown>((v, key) => (isObject(v) && Object.hasOwn(v, key) ? v[key] : undefined), summary);
      const ok = path[path.length - 1] === 'name' ? typeof value === 'string' : typeof value === 'number';
      if (!ok) throw optionRefused(`${at}.summary.${path.join('.')} must be ${path[path.length - 1] === 'name' ? 'a string' : 'a number'}, as summarize writes it (got ${valueKind(value)}): pass summarize() of the stress scenario's run`);
    }
    if (!isObject(summary.byTier)) throw optionRefused(`${at}.summary.byTier must be an object, as summarize writes it (got ${valueKind(summary.byTier)})`);
    const decisions = summary.decisions as Record<string, unknown>;
    if (!Array.isArray(decisions.targets)) throw optionRefused(`${at}.summary.decisions.targets must be a list, as summarize writes it (got ${valueKind(decisions.targets)})`);
    if (marketFactor !== undefined && !isFiniteNumber(marketFactor))
      throw optionRefused(`${at}.marketFactor must be a finite number, the market factor the stress scenario fixes, or absent (got ${typeof marketFactor === 'number' ? marketFactor : valueKind(marketFactor)})`);
  });
}
