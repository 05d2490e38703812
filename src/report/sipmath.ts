import { open } from 'node:fs/promises';
import type { Stat } from '../analysis/describe.js';
import type { Summary } from '../analysis/summarize.js';
import { METRIC_LABELS, METRICS } from '../model/components.js';
import { AsciiBuffer } from './ascii-buffer.js';
import { tierKey } from '../model/column-key.js';
import { forecastKindWords } from './forecast-kind-words.js';
import { breakdownDecimals } from './trials-csv.js';
import { writtenMoneyDecimals } from './money.js';

/**
 * sipmath.json: the per-trial results as a SIPmath 3.0 library (ProbabilityManagement.org's open
 * standard for sharing Monte Carlo trials), the structure PySIPmath's `PySIP3library` writes and
 * its `chanceCalc` reads:
 *
 * - top level: `objectType` "sipModel", `libraryType` "SIPmath_3_0", `name`, `provenance`,
 *   `version` (of this library), `globalVariables` (none here), `U01` and `sips`;
 * - `U01.rng`: one generator, `{ name: "index", function: "Index", arguments: { counter: "PM_Index" } }`:
 *   trial PM_Index (1-based) of every SIP is read at the same index, which is what keeps the
 *   trials' joint behaviour (revenue and ARR of the same simulated year stay together);
 * - each SIP: `name`, `ref: { source: "rng", name: "index" }`, `function` "SIP_Array",
 *   `arguments: { type: "array", value: [one number per trial] }`, and `metadata` (count, mean,
 *   std, min, P1..P99, max, units, description).
 *
 * The values are the simulated ones, not a metalog fit of them. There is no `dateCreated`: the
 * file is byte-identical for the same scenario, seed and trial count, like summary.json.
 */

/** A SIP to write: the per-trial column, and how to describe it. */
export interface SipSpec {
  readonly name: string;
  readonly values: ArrayLike<number>;
  /** Decimals each value is written with. */
  readonly decimals: (value: number) => number;
  /**
   * How its values are stored, written in its metadata as `arrcastStorage` (stored-trial-value.ts):
   * 'cents' (float64 to the minor unit, the cent at least) or 'float32' (breakdownDecimals' digits), so that a reader need not
   * guess it from the values (a tier's revenue whole in every trial read as an older file's whole units).
   */
  readonly storage: 'cents' | 'float32';
  readonly stat: Stat;
  readonly description: string;
}

/** The per-trial columns the library reads. */
export interface SipColumns {
  column(key: string): ArrayLike<number> | undefined;
}

/** Whether a run of `tiers` tiers has a SIP of each tier's revenue (only with several: with one, it is the company's). */
const tierSips = (tiers: number): boolean => tiers > 1;

/** How many SIPs sipSpecs gives a run of `tiers` tiers: the three metrics, and each tier's revenue when there are several. */
export const sipCount = (tiers: number): number => METRICS.length + (tierSips(tiers) ? tiers : 0);

/** The keys of the per-trial columns sipSpecs reads of a run of these tiers (by name): the three metrics, then each tier's revenue when there are several. */
export function sipColumnKeys(tiers: readonly string[]): string[] {
  return [...METRICS, ...(tierSips(tiers.length) ? tiers.map((name) => tierKey(name, 'revenue')) : [])];
}

/**
 * The SIPs of a run: revenue, bookings and ending ARR (float64, to the currency's minor unit, the cent
 * at least: writtenMoneyDecimals), then each tier's revenue when there are several tiers (float32: the
 * 7 significant digits it holds, to that at most, as trials.csv writes it). In whole units, a tier's revenue of 103.33 read 103, and a SIP's values
 * averaged otherwise than its metadata's mean.
 */
export function sipSpecs(summary: Summary, columns: SipColumns): SipSpec[] {
  const need = (key: string) => {
    const c = columns.column(key);
    if (!c) throw new Error(`no per-trial values for ${key}`);
    return c;
  };
  const cur = summary.scenario.currency;
  const money = writtenMoneyDecimals(cur);
  // A re-forecast's SIPs are of this fiscal year, from its closed months (they read 'next fiscal year').
  const kind = forecastKindWords(summary);
  const sips: SipSpec[] = METRICS.map((m) => ({
    name: m,
    values: need(m),
    decimals: () => money,
    storage: 'cents',
    stat: summary.metrics[m],
    description: `${METRIC_LABELS[m]} of ${kind.closed ? `${kind.year}, re-forecast from ${kind.closed}` : `the ${kind.year}`}, ${cur}`,
  }));
  const tiers = Object.entries(summary.byTier);
  if (tierSips(tiers.length))
    for (const [name, t] of tiers)
      sips.push({
        name: tierKey(name, 'revenue'),
        values: need(tierKey(name, 'revenue')),
        decimals: (v) => breakdownDecimals(v, money),
        storage: 'float32',
        stat: t.revenue,
        description: `Recognized revenue of tier ${name}, ${cur}`,
      });
  return sips;
}

/** The metadata of a SIP, with PySIPmath's key names (count, mean, std, min, P.., max). */
function metadata(s: SipSpec, count: number, currency: string): Record<string, number | string> {
  // The std of a single trial is not estimable: left out (a reader expects a number), not a 0 that reads as no spread.
  const meta: Record<string, number | string> = { count, mean: s.stat.mean, ...(s.stat.sd === null ? {} : { std: s.stat.sd }), min: s.stat.min };
  for (const [k, v] of Object.entries(s.stat.percentiles)) meta[k.toUpperCase()] = v;
  meta.max = s.stat.max;
  meta.units = currency;
  meta.description = s.description;
  meta.arrcastStorage = s.storage;
  // The decimals its amounts are written to, where a currency's minor unit takes more than the cent
  // (a dinar's fils): a reader cannot tell them from an older file's cents otherwise. Absent, the cent (every file before).
  const money = writtenMoneyDecimals(currency);
  if (money > 2) meta.arrcastDecimals = money;
  return meta;
}

/** The library without its SIPs' values: everything but the long arrays. */
export function sipmathHeader(summary: Summary): Record<string, unknown> {
  return {
    objectType: 'sipModel',
    libraryType: 'SIPmath_3_0',
    name: `${summary.scenario.name} (arrcast)`,
    provenance: `arrcast: scenario "${summary.scenario.name}" (sha256 ${summary.scenario.hash}), seed ${summary.seed}, ${summary.trials} trials; ${summary.percentileConvention}`,
    version: '1',
    globalVariables: [],
    U01: { rng: [{ name: 'index', function: 'Index', arguments: { counter: 'PM_Index' } }] },
  };
}

const VALUES_PER_WRITE = 20_000;

/**
 * Write sipmath.json. Streams the value arrays through one reused byte buffer, so a million
 * trials never sit in memory as one string.
 *
 * @example await writeSipmath(join(dir, 'sipmath.json'), summary, sim.store)
 * Complexity: O(trials x SIPs).
 */
export async function writeSipmath(file: string, summary: Summary, columns: SipColumns): Promise<void> {
  const sips = sipSpecs(summary, columns);
  const header = JSON.stringify(sipmathHeader(summary), null, 2);
  const handle = await open(file, 'w');
  try {
    const buffer = new AsciiBuffer();
    const flush = async () => {
      const bytes = buffer.view();
      for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
      buffer.clear();
    };
    const text = async (s: string) => {
      await flush();
      await handle.write(Buffer.from(s, 'utf8'));
    };
    // The header object, reopened to append "sips".
    await text(`${header.slice(0, header.lastIndexOf('}')).trimEnd()},\n  "sips": [\n`);
    for (let k = 0; k < sips.length; k++) {
      const s = sips[k]!;
      const n = s.values.length;
      const head = { name: s.name, ref: { source: 'rng', name: 'index' }, function: 'SIP_Array' };
      await text(`    ${JSON.stringify(head).slice(0, -1)},"arguments":{"type":"array","value":[`);
      for (let i = 0; i < n; i++) {
        const v = s.values[i]!;
        // JSON has no NaN, and a SIP reader expects a number for every trial.
        if (!Number.isFinite(v)) throw new Error(`sipmath.json: ${s.name} has no finite value in trial ${i + 1}`);
        if (i > 0) buffer.byte(44);
        buffer.fixed(v, s.decimals(v));
        if (i % VALUES_PER_WRITE === VALUES_PER_WRITE - 1) await flush();
      }
      await text(`]},"metadata":${JSON.stringify(metadata(s, n, summary.scenario.currency))}}${k < sips.length - 1 ? ',' : ''}\n`);
    }
    await text('  ]\n}\n');
  } finally {
    await handle.close();
  }
}
