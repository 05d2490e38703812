import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { boundedLines, LineTooLongError } from './bounded-lines.js';
import { parse } from 'csv-parse/sync';
import { REPORT_FILES } from './report-files.js';
import { sipCount } from './sipmath.js';
import { storedTrialValue, type TrialStorage } from './stored-trial-value.js';
import { tierKey } from '../model/column-key.js';
import type { Metric } from '../model/components.js';
import { openFailure, readFileBytes } from '../scenario/read-file.js';
import { danglingLinkWords } from '../scenario/dangling-link.js';
import { nameInOtherFormNote } from '../scenario/name-in-other-form.js';
import { nearFileNote } from '../scenario/near-file-name.js';
import { utf16Words } from '../scenario/read-text.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { forecastIdentity, statedForecastHashVersion } from './forecast-identity.js';
import { FORECAST_HASH_VERSION, forecastHash } from '../scenario/forecast-hash.js';
import { hashScenario } from '../scenario/parse.js';
import { scenarioSchema } from '../scenario/scenario-schema.js';
import { monthLagDistribution } from '../scenario/field-schemas.js';
import { lagPmf } from '../model/lag-pmf.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { jsonShapeProblem, MAX_JSON_CONTAINERS, MAX_JSON_DEPTH } from '../scenario/json-shape.js';

/**
 * A report directory is input like any other file: it may be forged, truncated, or hold a FIFO or a
 * link to a device where a file should be. Its files are read the one way arrcast reads a file
 * (scenario/read-file.ts: non-blocking, regular files only, bounded), so nothing blocks, nothing
 * unbounded is read, and a damaged report is a ReportTrialsError (exit 2), never an internal error.
 */
/** Largest summary.json or scenario.json read: a summary of many tiers is a few megabytes. */
export const MAX_REPORT_JSON_BYTES = 64 * 1024 * 1024;
/**
 * Longest line of trials.csv read: a row is a few dozen numbers a tier, the header a few dozen
 * names a tier; 16 million characters is thousands of tiers. A longer line (a forged file of one
 * endless line) is refused when it passes the bound, not held whole in memory.
 */
export const MAX_TRIALS_LINE_CHARS = 16 * 1024 * 1024;
/** Largest sipmath.json read (about 20 bytes a value: 10,000,000 trials of a dozen SIPs is past it; use trials.csv). */
export const MAX_SIPMATH_BYTES = 256 * 1024 * 1024;

/** A report that cannot be scored: no per-trial values, or files that are not arrcast's. The CLI exits 2. */
export class ReportTrialsError extends Error {
  override readonly name = 'ReportTrialsError';
}

/** Who a stored report is: its summary's scenario, trials and tiers. */
export interface ReportHeader {
  /** The directory as given. */
  readonly dir: string;
  readonly scenarioName: string;
  readonly scenarioHash: string;
  readonly currency: string;
  readonly trials: number;
  readonly tiers: readonly string[];
  /** The forecast year's calendar: its first calendar month, and its calendar year when the scenario gave one. */
  readonly fiscalYearStartMonth: number;
  readonly fiscalYear?: number;
  /** The summary's mean of each series it states, by column key (`revenue`, `tier.SMB.revenue`): what the per-trial values must average to. */
  readonly means?: ReadonlyMap<string, number>;
  /** Each tier's opening ARR as the summary states it (the ARR live before month 1), by tier name. */
  readonly openingArr?: ReadonlyMap<string, number>;
  /** The tiers whose new deals go live at signing (no service-start lag in scenario.json): a closed month's new ARR is new business as stated. */
  readonly liveAtSigning?: ReadonlySet<string>;
  /** Each tier's ARR added by a customer book's escalators in each fiscal month (the summary's escalationArr), where it states one. */
  readonly escalationArr?: ReadonlyMap<string, readonly number[]>;
  /**
   * Which forecast it is: its summary's forecastHash (the scenario and its data files' content,
   * without seed, trials, name, description, targets or paths) and, for a re-forecast, the closed
   * months it starts from (asOfMonth and their values). Two reports with one identity forecast the
   * same year from the same law: a report and a copy of it, or the same run made again (with
   * another seed or trial count it differs only by Monte Carlo error): forecast-identity.ts.
   * Undefined when the summary states no hash.
   */
  readonly forecastIdentity?: string;
}

/** What `arrcast score` needs of a stored report: who it is, and the per-trial values of the series it scores. */
export interface ReportTrials extends ReportHeader {
  /** Where the values come from. */
  readonly source: 'trials.csv' | 'sipmath.json';
  /** Per-trial values of `metric` for a tier (or the company, tier undefined); undefined when the file does not hold them. */
  series(tier: string | undefined, metric: Metric): Float64Array | undefined;
  /** `value` as that series' trials hold it (float32 and the digits written, or whole units in an older sipmath.json: stored-trial-value.ts), to compare an outcome with them. */
  stored(tier: string | undefined, metric: Metric, value: number): number;
}

/** The flag that writes per-trial values, for messages. */
export const TRIALS_FLAG = '--outputs default,trials';

/** The summary.json layout this reader knows (analysis/summarize.ts writes it). */
const SUMMARY_VERSION = 1;

/**
 * The column key of a series in trials.csv and sipmath.json: `revenue` for the company, and for a
 * tier `tier.<name>.revenue` (model/column-key.ts), which a run writes only when the scenario has
 * several tiers; with one tier the company's series is the tier's.
 */
function seriesKey(tier: string | undefined, metric: Metric, tiers: readonly string[]): string {
  return tier === undefined || tiers.length === 1 ? metric : tierKey(tier, metric);
}

/**
 * This arrcast's forecastHash of a report whose summary states another version's, or none (an older arrcast's),
 * computed from its scenario.json: so a report written before a version change and one written after
 * are told one forecast or two as two of this version's are. Only where scenario.json holds the whole
 * forecast (no customer book or pipeline file: their data is not in the report) and is the one the
 * summary was written from (its hash is the summary's); undefined otherwise, and the identity stays
 * the stated version's (score then says it cannot tell: forecastIdentityVersion).
 */
function forecastHashAfresh(summary: { scenario?: { hash?: unknown } }, resolved: unknown): string | undefined {
  const version = statedForecastHashVersion(summary);
  if (version === FORECAST_HASH_VERSION || resolved === undefined) return undefined;
  const parsed = scenarioSchema.safeParse(resolved);
  if (!parsed.success || hashScenario(parsed.data) !== summary.scenario?.hash) return undefined;
  const namesFiles = parsed.data.tiers.some((t) => t.existing?.customersFile !== undefined || t.newBusiness?.openingPipeline?.file !== undefined);
  return namesFiles ? undefined : forecastHash({ scenario: parsed.data });
}

/**
 * Read a report directory's summary.json: scenario, trials, tiers. Throws ReportTrialsError for a
 * directory that is not an arrcast report.
 */
export async function readReportHeader(dir: string): Promise<ReportHeader> {
  type Summary = { scenario?: { name?: unknown; hash?: unknown; forecastHash?: unknown; currency?: unknown; fiscalYearStartMonth?: unknown }; trials?: unknown; byTier?: unknown };
  const text = await reportFileText(dir, REPORT_FILES.summary, MAX_REPORT_JSON_BYTES);
  if (text === undefined) {
    // A folder that is not there is not 'not an arrcast report' (a name in another Unicode form is said so).
    if (!(await stat(dir).then(() => true, () => false))) throw new ReportTrialsError(`${dir}: ${danglingLinkWords(dir) ?? `does not exist${nameInOtherFormNote(dir) || nearFileNote(dir)}`}`);
    throw new ReportTrialsError(`${dir} is not an arrcast report: it has no ${REPORT_FILES.summary}`);
  }
  const summary = parseJson(text) as Summary | undefined;
  const tiers = summary?.byTier !== null && typeof summary?.byTier === 'object' ? Object.keys(summary.byTier) : [];
  const trials = typeof summary?.trials === 'number' ? summary.trials : NaN;
  if (summary === undefined || tiers.length === 0 || !Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS || typeof summary.scenario?.name !== 'string')
    throw new ReportTrialsError(`${dir}/${REPORT_FILES.summary} is not an arrcast summary (no scenario, tiers, or trials from 1 to ${MAX_TRIALS.toLocaleString('en-US')})`);
  // The layout read here is summary version 1's: a summary another arrcast wrote (another version,
  // or no tool at all) may hold other figures under the same names, so it is refused, not read as 1's.
  const tool = (summary as { tool?: unknown }).tool;
  const toolName = tool !== null && typeof tool === 'object' ? (tool as { name?: unknown }).name : undefined;
  const version = tool !== null && typeof tool === 'object' ? (tool as { summaryVersion?: unknown }).summaryVersion : undefined;
  if (toolName !== 'arrcast')
    throw new ReportTrialsError(`${dir}/${REPORT_FILES.summary} is not an arrcast summary (it does not name arrcast as its tool): score the report directory of an arrcast run`);
  if (version !== SUMMARY_VERSION)
    throw new ReportTrialsError(
      `${dir}/${REPORT_FILES.summary} is summary version ${JSON.stringify(version) ?? 'none'}; this arrcast reads version ${SUMMARY_VERSION}: re-run the forecast with this arrcast (${TRIALS_FLAG}) to score it`,
    );
  // scenario.json holds the validated scenario: its fiscalYear places dated actuals (optional).
  const scenarioText = await reportFileText(dir, REPORT_FILES.scenario, MAX_REPORT_JSON_BYTES);
  const resolved = scenarioText === undefined ? undefined : (parseJson(scenarioText) as { fiscalYear?: unknown; tiers?: unknown } | undefined);
  const fiscalYear = resolved?.fiscalYear;
  const start = summary.scenario.fiscalYearStartMonth;
  const hash = typeof summary.scenario.hash === 'string' ? summary.scenario.hash : '';
  const identity = forecastIdentity(summary, forecastHashAfresh(summary, resolved));
  return {
    dir,
    means: statedMeans(summary as Record<string, unknown>, tiers),
    ...(identity !== undefined ? { forecastIdentity: identity } : {}),
    openingArr: openingArrs(summary.byTier as Record<string, unknown>, tiers),
    liveAtSigning: liveAtSigning(resolved?.tiers, tiers),
    escalationArr: escalationArrs(summary.byTier as Record<string, unknown>, tiers),
    fiscalYearStartMonth: typeof start === 'number' && Number.isInteger(start) && start >= 1 && start <= 12 ? start : 1,
    ...(typeof fiscalYear === 'number' && Number.isInteger(fiscalYear) ? { fiscalYear } : {}),
    scenarioName: summary.scenario.name,
    scenarioHash: hash,
    currency: typeof summary.scenario.currency === 'string' ? summary.scenario.currency : '',
    trials,
    tiers,
  };
}

const METRICS: readonly Metric[] = ['revenue', 'bookings', 'endingArr'];

/** Each tier's finite `openingArr` in the summary's byTier. */
function openingArrs(byTier: Record<string, unknown>, tiers: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const tier of tiers) {
    const t = Object.hasOwn(byTier, tier) ? byTier[tier] : undefined;
    const v = t !== null && typeof t === 'object' ? (t as { openingArr?: unknown }).openingArr : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) out.set(tier, v);
  }
  return out;
}

/** Each tier's `escalationArr` in the summary's byTier: 12 finite amounts >= 0, else left out. */
function escalationArrs(byTier: Record<string, unknown>, tiers: readonly string[]): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  for (const tier of tiers) {
    const t = Object.hasOwn(byTier, tier) ? byTier[tier] : undefined;
    const v = t !== null && typeof t === 'object' ? (t as { escalationArr?: unknown }).escalationArr : undefined;
    if (Array.isArray(v) && v.length === 12 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) out.set(tier, v as number[]);
  }
  return out;
}

/**
 * The tiers of scenario.json (the validated scenario, defaults filled in) whose new deals go live
 * at signing: no new business, or a serviceStartLagMonths that is 0 in every draw, read as the model
 * reads it (lagPmf: its largest lag of weight above 0 is 0), the one rule re-forecasting uses
 * (actuals/start-state.ts). Written 0, `{ dist: fixed, value: 0 }`, a discrete or empirical of the one
 * value 0, or 0 beside values of weight 0: one law, one forecastHash, one answer (only the first two
 * were read as 0, so two reports of one forecast were scored two ways). A lag the schema refuses
 * (a forged scenario.json) is not taken to be 0.
 *
 * @example liveAtSigning([{ name: 'SMB', newBusiness: { serviceStartLagMonths: { dist: 'empirical', values: [0, 0] } } }], ['SMB']) // => Set { 'SMB' }
 */
export function liveAtSigning(scenarioTiers: unknown, tiers: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(scenarioTiers)) return out;
  for (const t of scenarioTiers) {
    if (t === null || typeof t !== 'object') continue;
    const { name, newBusiness } = t as { name?: unknown; newBusiness?: unknown };
    if (typeof name !== 'string' || !tiers.includes(name)) continue;
    if (newBusiness === undefined || newBusiness === null) {
      out.add(name);
      continue;
    }
    const lag = typeof newBusiness === 'object' ? (newBusiness as { serviceStartLagMonths?: unknown }).serviceStartLagMonths : undefined;
    const read = monthLagDistribution.safeParse(lag ?? 0);
    if (read.success && lagPmf(read.data).max === 0) out.add(name);
  }
  return out;
}

/** The finite means a summary states for the company's metrics and each tier's, by column key; anything else is left out. */
function statedMeans(summary: Record<string, unknown>, tiers: readonly string[]): Map<string, number> {
  const means = new Map<string, number>();
  const meanOf = (record: unknown, metric: Metric): number | undefined => {
    const m = record !== null && typeof record === 'object' && Object.hasOwn(record, metric) ? (record as Record<string, { mean?: unknown } | null>)[metric] : undefined;
    return m !== null && typeof m === 'object' && typeof m.mean === 'number' && Number.isFinite(m.mean) ? m.mean : undefined;
  };
  for (const metric of METRICS) {
    const company = meanOf(summary.metrics, metric);
    if (company !== undefined) means.set(metric, company);
    if (tiers.length < 2) continue;
    const byTier = summary.byTier as Record<string, unknown>;
    for (const tier of tiers) {
      const mean = meanOf(Object.hasOwn(byTier, tier) ? byTier[tier] : undefined, metric);
      if (mean !== undefined) means.set(tierKey(tier, metric), mean);
    }
  }
  return means;
}

/**
 * How `source` stores series `key` (stored-trial-value.ts): the company's metrics to the cent; a
 * tier's figures as float32 with breakdownDecimals' digits, except a tier's revenue in a
 * sipmath.json written before December 2026, in whole units (sipmath.ts). Such a file does not say
 * which writer made it, so a sipmath.json series every value of which is whole is read as whole
 * units: the two writers differ only below 1,000,000, where the newer writes 1 or 2 decimals. A
 * file written since the nineteenth session states each SIP's storage (metadata.arrcastStorage),
 * which is used instead: a tier's revenue whole in every trial was read as whole units.
 */
function trialStorage(source: ReportTrials['source'], key: string, values: ArrayLike<number> | undefined): TrialStorage {
  if ((METRICS as readonly string[]).includes(key)) return 'cents';
  if (source === 'sipmath.json' && values !== undefined && Array.prototype.every.call(values, (v: number) => Number.isInteger(v))) return 'float32-whole';
  return 'float32';
}

/**
 * Half the last digit a file writes a series stored as `storage` to, at most: the most its rounding
 * moves a value, so the mean. trials.csv writes every metric to the cent or coarser only above
 * 100,000 (where 1e-6 of the value covers it: trials-csv.ts), as sipmath.json does since December
 * 2026; a sipmath.json of before then holds a tier's revenue in whole units.
 */
const writtenHalfUnit = (storage: TrialStorage): number => (storage === 'float32-whole' ? 0.5 : 0.005);

/**
 * Refuse per-trial values that are not the summary's: trials.csv or sipmath.json copied in from
 * another run of as many trials would otherwise be scored as this report's forecast. Their mean
 * must be the summary's mean, to 1e-6 of the larger (above float32 columns' rounding) plus half the
 * last digit the file writes (a tier's revenue of 100.123 in every trial is 100.12 in trials.csv).
 */
function checkMeans(base: ReportHeader, storage: (key: string) => TrialStorage, file: string, values: ReadonlyMap<string, Float64Array>): void {
  for (const [key, trials] of values) {
    const stated = base.means?.get(key);
    if (stated === undefined) continue;
    let sum = 0;
    for (const v of trials) sum += v;
    const mean = sum / trials.length;
    if (Math.abs(mean - stated) > 1e-6 * Math.max(1, Math.abs(mean), Math.abs(stated)) + writtenHalfUnit(storage(key)))
      throw new ReportTrialsError(
        `${file} is not this report's: its ${key} averages ${mean.toPrecision(10)} over its ${trials.length.toLocaleString('en-US')} trials, but ${base.dir}/${REPORT_FILES.summary} says ${stated.toPrecision(10)}; put the report's own trials back, or re-run it with ${TRIALS_FLAG}`,
      );
  }
}

/**
 * The per-trial values of the requested series of a report, from trials.csv (every metric of every
 * tier) or, without it, sipmath.json (the company's three metrics and each tier's revenue).
 * `wanted` lists them as [tier or undefined for the company, metric]. Throws ReportTrialsError when
 * the report holds neither file (naming the flag to re-run with) or a file is damaged.
 *
 * Complexity: O(size of the file read).
 */
export async function readReportTrials(base: ReportHeader, wanted: ReadonlyArray<readonly [string | undefined, Metric]>): Promise<ReportTrials> {
  const { dir, tiers, trials } = base;
  const keys = [...new Set(wanted.map(([tier, metric]) => seriesKey(tier, metric, tiers)))];
  const exists = async (name: string) => (await stat(join(dir, name)).catch(() => undefined)) !== undefined;
  let values: Map<string, Float64Array>;
  let source: ReportTrials['source'];
  // How a sipmath.json says its SIPs are stored (since the nineteenth session); guessed for an older file.
  const stated = new Map<string, TrialStorage>();
  // The decimals the file writes an amount to, read from the file: a KWD file written before the fils were kept holds cents.
  const written: WrittenDecimals = { money: OLDEST_MONEY_DECIMALS };
  if (await exists(REPORT_FILES.trials)) {
    values = await readTrialsCsv(join(dir, REPORT_FILES.trials), keys, trials, written);
    source = 'trials.csv';
  } else if (await exists(REPORT_FILES.sipmath)) {
    values = await readSipmath(join(dir, REPORT_FILES.sipmath), keys, trials, sipCount(tiers.length), stated, written);
    source = 'sipmath.json';
  } else
    throw new ReportTrialsError(
      `${dir} holds no per-trial values (neither ${REPORT_FILES.trials} nor ${REPORT_FILES.sipmath}): re-run the forecast with ${TRIALS_FLAG} (or --outputs default,sipmath) to score it`,
    );
  // Each series' storage found once (a whole-units check is a pass over its trials), however many outcomes read it.
  const storages = new Map<string, TrialStorage>();
  const storage = (key: string): TrialStorage => {
    let s = storages.get(key);
    if (s === undefined) storages.set(key, (s = stated.get(key) ?? trialStorage(source, key, values.get(key))));
    return s;
  };
  checkMeans(base, storage, join(dir, source), values);
  return {
    ...base,
    source,
    series: (tier, metric) => values.get(seriesKey(tier, metric, tiers)),
    stored: (tier, metric, value) => storedTrialValue(value, storage(seriesKey(tier, metric, tiers)), written.money),
  };
}

/**
 * The most decimals a report file writes an amount to (stored-trial-value.ts' `money`): the cent,
 * as every file did before December 2026, or the minor unit where it has more (a dinar's fils,
 * writtenMoneyDecimals). Read from the file, not from its currency: an older KWD file holds cents.
 */
interface WrittenDecimals {
  money: number;
}

/** The decimals of an amount in a file that does not say (every file before December 2026, and any currency of 2 or fewer minor digits). */
const OLDEST_MONEY_DECIMALS = 2;

/** The most decimals a report file may state (sipmath.json's metadata.arrcastDecimals): no currency has more than 4 minor digits. */
const MOST_MONEY_DECIMALS = 4;

/** What to do about a report file re-saved as UTF-16. */
const RESAVED_AS_UTF16 = 'arrcast writes its report files as UTF-8; save it as UTF-8, or re-run the forecast';
/** How much of trials.csv's start is looked at for UTF-16 (what looksUtf16 looks at). */
const UTF16_LOOK_BYTES = 65_536;

/** The columns `keys` of trials.csv, streamed line by line; a key missing from the header is left out. */
async function readTrialsCsv(file: string, keys: readonly string[], trials: number, written: WrittenDecimals): Promise<Map<string, Float64Array>> {
  const handle = await openRegular(file);
  try {
    // Re-saved as UTF-16 (Notepad's "Unicode"), it read as 'has more rows than the N trials its summary.json counts'.
    const head = new Uint8Array(UTF16_LOOK_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.byteLength, 0);
    const words = utf16Words(head.subarray(0, bytesRead));
    if (words !== undefined) throw new ReportTrialsError(`${file} ${words}: ${RESAVED_AS_UTF16}`);
    return await readTrialsLines(handle, file, keys, trials, written);
  } catch (err) {
    if (err instanceof LineTooLongError) throw new ReportTrialsError(`${file}: ${err.message}: not a trials.csv arrcast writes`);
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The columns `keys` of trials.csv's lines, and into `written` the most decimals its revenue column
 * is written with (trailing zeros are dropped, so the most over its trials), the cent at least.
 */
async function readTrialsLines(handle: FileHandle, file: string, keys: readonly string[], trials: number, written: WrittenDecimals): Promise<Map<string, Float64Array>> {
  const lines = boundedLines(handle.createReadStream({ encoding: 'utf8', autoClose: false }), MAX_TRIALS_LINE_CHARS);
  const out = new Map<string, Float64Array>();
  let index: Array<[number, Float64Array]> = [];
  // A headline amount's column: its decimals are those the file writes amounts to.
  let moneyAt = -1;
  let row = -1;
  for await (const line of lines) {
    if (row === -1) {
      let header: string[];
      try {
        header = (parse(line) as string[][])[0] ?? [];
      } catch {
        throw new ReportTrialsError(`${file}:1: the header is not a CSV row: not a trials.csv arrcast writes`);
      }
      // Header cells are written through csvField: a tier name starting with = + - @ gets a leading '.
      const names = header.map((h) => (/^'[=+\-@\t\r]/.test(h) ? h.slice(1) : h));
      moneyAt = names.findIndex((n) => (METRICS as readonly string[]).includes(n));
      index = keys.flatMap((k) => {
        const at = names.indexOf(k);
        if (at < 0) return [];
        const values = new Float64Array(trials);
        out.set(k, values);
        return [[at, values] as [number, Float64Array]];
      });
      row = 0;
      continue;
    }
    if (line === '') continue;
    if (row >= trials) throw new ReportTrialsError(`${file} has more rows than the ${trials} trials its summary.json counts`);
    const cells = line.split(',');
    for (const [at, values] of index) {
      const v = Number(cells[at]);
      if (cells[at] === undefined || cells[at] === '' || !Number.isFinite(v)) throw new ReportTrialsError(`${file}:${row + 2}: trial ${row + 1} has no number in column ${at + 1}`);
      values[row] = v;
    }
    const amount = moneyAt < 0 ? undefined : cells[moneyAt];
    const dot = amount === undefined ? -1 : amount.indexOf('.');
    if (dot >= 0 && amount!.length - dot - 1 > written.money) written.money = Math.min(MOST_MONEY_DECIMALS, amount!.length - dot - 1);
    row++;
  }
  if (row !== trials) throw new ReportTrialsError(`${file} has ${Math.max(0, row)} trials but its summary.json counts ${trials}: the report is incomplete`);
  return out;
}

/** Values a sipmath.json holds besides its SIPs' trials: its header, and each SIP's metadata (count, mean, percentiles, ...), with room to spare. */
const SIPMATH_OTHER_VALUES = (sips: number) => 100 + 100 * sips;

/** Storages a sipmath.json may state for a SIP (its metadata's `arrcastStorage`, written since the nineteenth session). */
const STATED_STORAGES: readonly TrialStorage[] = ['cents', 'float32'];

/**
 * The SIPs named `keys` of sipmath.json (of `sips` SIPs of `trials` values), a key without a SIP left
 * out, into `out`; the storage each SIP's metadata states (`arrcastStorage`) into `stated`, when it does.
 */
async function readSipmath(file: string, keys: readonly string[], trials: number, sips: number, stated: Map<string, TrialStorage>, written: WrittenDecimals): Promise<Map<string, Float64Array>> {
  const text = (await readRegular(file, MAX_SIPMATH_BYTES)).toString('utf8');
  // Before JSON.parse: no more values than such a file holds, so the memory it takes follows the trials the summary counts.
  const most = trials * sips + SIPMATH_OTHER_VALUES(sips);
  const shape = jsonShapeProblem(text, MAX_JSON_CONTAINERS, MAX_JSON_DEPTH, most);
  if (shape !== undefined) throw new ReportTrialsError(`${file} ${shape} (${trials.toLocaleString('en-US')} trials, ${sips} SIPs)`);
  const library = parseJson(text) as { sips?: unknown } | undefined;
  if (library === undefined) throw new ReportTrialsError(`${file} is not JSON`);
  const out = new Map<string, Float64Array>();
  for (const sip of (Array.isArray(library.sips) ? library.sips : []) as Array<{ name?: unknown; arguments?: { value?: unknown }; metadata?: { arrcastStorage?: unknown; arrcastDecimals?: unknown } } | null>) {
    if (sip === null || typeof sip !== 'object') continue;
    // Written only where a currency's amounts take more than the cent (sipmath.ts): absent, the cent.
    const decimals = sip.metadata !== null && typeof sip.metadata === 'object' ? sip.metadata.arrcastDecimals : undefined;
    if (decimals !== undefined) {
      if (!Number.isInteger(decimals) || (decimals as number) < OLDEST_MONEY_DECIMALS || (decimals as number) > MOST_MONEY_DECIMALS)
        throw new ReportTrialsError(`${file}: SIP ${String(sip.name)}'s metadata.arrcastDecimals must be a whole number from ${OLDEST_MONEY_DECIMALS} to ${MOST_MONEY_DECIMALS}, got ${JSON.stringify(decimals)?.slice(0, 40) ?? typeof decimals}`);
      written.money = Math.max(written.money, decimals as number);
    }
    if (typeof sip.name !== 'string' || !keys.includes(sip.name)) continue;
    const value = sip.arguments?.value;
    if (!Array.isArray(value) || value.length !== trials || !value.every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw new ReportTrialsError(`${file}: SIP ${sip.name} does not hold ${trials} numbers, one per trial`);
    out.set(sip.name, Float64Array.from(value as number[]));
    const storage = sip.metadata !== null && typeof sip.metadata === 'object' ? sip.metadata.arrcastStorage : undefined;
    if (storage === undefined) continue;
    if (!STATED_STORAGES.includes(storage as TrialStorage))
      throw new ReportTrialsError(`${file}: SIP ${sip.name}'s metadata.arrcastStorage must be ${STATED_STORAGES.map((x) => JSON.stringify(x)).join(' or ')}, got ${JSON.stringify(storage)?.slice(0, 40) ?? typeof storage}`);
    stated.set(sip.name, storage as TrialStorage);
  }
  return out;
}

/**
 * JSON.parse, or undefined for text that is not JSON (the parser's message would quote the file) or
 * that holds too many objects and arrays to be a file arrcast wrote (json-shape.ts: memory).
 */
function parseJson(text: string): unknown {
  if (jsonShapeProblem(text) !== undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The text of `dir/name`, undefined when there is nothing by that name; a ReportTrialsError when it is not a regular file of at most `maxBytes`. */
async function reportFileText(dir: string, name: string, maxBytes: number): Promise<string | undefined> {
  const path = join(dir, name);
  const there = await stat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' || err.code === 'ENOTDIR' ? false : true),
  );
  return there ? (await readRegular(path, maxBytes)).toString('utf8') : undefined;
}

/** The bytes of a regular file of at most `maxBytes` (read-file.ts), as a ReportTrialsError otherwise. */
async function readRegular(path: string, maxBytes: number): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFileBytes(path, path, {
      maxBytes,
      noun: 'a report file',
      tooLarge: (size, more) => `is ${more}${size.toLocaleString('en-US')} bytes, more than a report file of arrcast's (at most ${maxBytes.toLocaleString('en-US')})`,
    });
  } catch (err) {
    if (err instanceof ScenarioError) throw new ReportTrialsError(err.message);
    throw err;
  }
  // Re-saved as UTF-16 (Notepad's "Unicode"), a report's JSON read as 'not JSON'.
  const words = utf16Words(bytes);
  if (words !== undefined) throw new ReportTrialsError(`${path} ${words}: ${RESAVED_AS_UTF16}`);
  return bytes;
}

/** A handle on a regular file, opened non-blocking (a FIFO or device is refused, never waited on). */
async function openRegular(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw new ReportTrialsError(`${path} ${openFailure(err, { noun: 'a report file' }, path)}`);
  }
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile() !== true) {
    await handle.close().catch(() => undefined);
    throw new ReportTrialsError(`${path} is not a regular file: a report's ${REPORT_FILES.trials} is one`);
  }
  return handle;
}
