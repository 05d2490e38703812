import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Simulation } from '../../src/engine/simulate.js';
import type { Summary } from '../../src/analysis/summarize.js';
import { PERCENTILES } from '../../src/analysis/describe.js';
import { METRIC_COMPONENTS, METRICS } from '../../src/model/components.js';
import { percentilesCsv } from '../../src/report/percentiles-csv.js';
import { monthlyCsv } from '../../src/report/monthly-csv.js';
import { sipCount, writeSipmath } from '../../src/report/sipmath.js';
import { runReportScenario, TRIALS, TWO_TIERS } from './fixture.js';
import { csvRecords } from '../helpers/csv-records.js';

let sim: Simulation;
let summary: Summary;

beforeAll(async () => {
  ({ sim, summary } = await runReportScenario());
});

const parseCsv = csvRecords;

const records = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

describe('percentiles.csv', () => {
  const rows = () => records(percentilesCsv(summary));
  const value = (metric: string, tier: string, component: string, statistic: string) => {
    const found = rows().filter((r) => r.metric === metric && r.tier === tier && r.component === component && r.statistic === statistic);
    expect(found, `${metric} ${tier} ${component} ${statistic}`).toHaveLength(1);
    return Number(found[0]!.value);
  };

  it('is long format: metric, tier, component, statistic, value', () => {
    const [header] = parseCsv(percentilesCsv(summary));
    expect(header).toEqual(['metric', 'tier', 'component', 'statistic', 'value']);
    for (const r of rows()) expect(Number.isFinite(Number(r.value)), JSON.stringify(r)).toBe(true);
  });

  it('matches the summary for every metric, overall, by tier and by component, to the cent', () => {
    // Money is written rounded to the cent: within half a cent of the summary (plus the last bits of a
    // binary 0.005), whatever the draws (a figure ending in .625 is written .63).
    const cent = (written: number, exact: number) => expect(Math.abs(written - exact), `${written} for ${exact}`).toBeLessThanOrEqual(0.005 + 1e-6);
    for (const m of METRICS) {
      const s = summary.metrics[m];
      cent(value(m, 'all', 'total', 'mean'), s.mean);
      cent(value(m, 'all', 'total', 'sd'), s.sd!);
      for (const p of PERCENTILES) cent(value(m, 'all', 'total', `p${p}`), s.percentiles[`p${p}`]);
      for (const [tier, t] of Object.entries(summary.byTier)) {
        cent(value(m, tier, 'total', 'p50'), t[m].percentiles.p50);
        for (const c of METRIC_COMPONENTS[m]) cent(value(m, tier, c, 'mean'), t.componentMeans[m][c]!);
      }
      for (const c of METRIC_COMPONENTS[m]) cent(value(m, 'all', c, 'p90'), summary.byComponent[m][c]!.percentiles.p90);
    }
  });

  it('has retention and customer counts', () => {
    expect(value('grr', 'all', 'total', 'p10')).toBeCloseTo(summary.retention!.grr.percentiles.p10, 6);
    expect(value('nrr', 'Enterprise', 'total', 'mean')).toBeCloseTo(summary.byTier.Enterprise!.nrr!.mean, 6);
    expect(value('customersWon', 'SMB', 'total', 'mean')).toBeCloseTo(summary.byTier.SMB!.customersWon!.mean, 2);
    expect(value('leads', 'SMB', 'total', 'p50')).toBeCloseTo(summary.byTier.SMB!.leads!.percentiles.p50, 2);
  });

  it('quotes a tier name with a comma or a quote', async () => {
    const { summary: s } = await runReportScenario(TWO_TIERS.replace('  - name: SMB', `  - name: 'Small, "biz"'`), 200);
    const text = percentilesCsv(s);
    expect(text).toContain('revenue,"Small, ""biz""",total,mean,');
    expect(records(text).filter((r) => r.tier === 'Small, "biz"').length).toBeGreaterThan(10);
  });
});

describe('monthly.csv', () => {
  it('has month, label, metric, mean and P5..P95 of MRR and cumulative revenue for every month', () => {
    const text = monthlyCsv(summary);
    const [header] = parseCsv(text);
    expect(header).toEqual(['month', 'label', 'metric', 'mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95']);
    const rows = records(text);
    expect(rows).toHaveLength(24);
    const at = (month: number, metric: string) => rows.find((r) => r.month === String(month) && r.metric === metric)!;
    expect(at(3, 'mrr').label).toBe('Apr');
    expect(Number(at(3, 'mrr').p10)).toBeCloseTo(summary.monthly[2]!.mrr.percentiles.p10, 2);
    expect(Number(at(12, 'cumulativeRevenue').p50)).toBeCloseTo(summary.monthly[11]!.cumulativeRevenue.percentiles.p50, 2);
    expect(Number(at(12, 'cumulativeRevenue').mean)).toBeCloseTo(summary.metrics.revenue.mean, -1);
    for (const r of rows) for (const k of ['mean', 'p5', 'p95']) expect(Number.isFinite(Number(r[k])), `${r.month} ${k}`).toBe(true);
  });
});

/** What a SIPmath 3.0 library holds, as its published JSON schema and PySIPmath describe it. */
interface SipLibrary {
  objectType: string;
  libraryType: string;
  name: string;
  provenance: string;
  version: string;
  globalVariables: unknown[];
  U01: { rng: Array<{ name: string; function: string; arguments: Record<string, unknown> }> };
  sips: Array<{
    name: string;
    ref: { source: string; name: string };
    function: string;
    arguments: { type: string; value: number[] };
    metadata: Record<string, number | string>;
  }>;
}

describe('sipmath.json, a SIPmath 3.0 library', () => {
  let lib: SipLibrary;
  let text: string;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-sip-')), 'sipmath.json');
    await writeSipmath(file, summary, sim.store);
    text = readFileSync(file, 'utf8');
    lib = JSON.parse(text);
  });

  it('has the library fields of the standard: objectType, libraryType, name, provenance, version, globalVariables, U01, sips', () => {
    expect(lib.objectType).toBe('sipModel');
    expect(lib.libraryType).toBe('SIPmath_3_0');
    expect(typeof lib.name).toBe('string');
    expect(lib.name.length).toBeGreaterThan(0);
    expect(lib.provenance).toContain(summary.scenario.hash);
    expect(lib.provenance).toContain(`seed ${summary.seed}`);
    expect(typeof lib.version).toBe('string');
    expect(Array.isArray(lib.globalVariables)).toBe(true);
    expect(Array.isArray(lib.sips)).toBe(true);
  });

  it('declares its generator in U01.rng with name, function and arguments: the PM_Index counter itself', () => {
    expect(Array.isArray(lib.U01.rng)).toBe(true);
    for (const rng of lib.U01.rng) {
      expect(typeof rng.name).toBe('string');
      expect(typeof rng.function).toBe('string');
      expect(typeof rng.arguments).toBe('object');
    }
    expect(lib.U01.rng).toEqual([{ name: 'index', function: 'Index', arguments: { counter: 'PM_Index' } }]);
  });

  it('has one SIP_Array per metric and per tier, each referring to a declared generator, with one value per trial', () => {
    const rngNames = new Set(lib.U01.rng.map((r) => r.name));
    expect(lib.sips.map((s) => s.name)).toEqual(['revenue', 'bookings', 'endingArr', 'tier.SMB.revenue', 'tier.Enterprise.revenue']);
    // What score's reader bounds a sipmath.json's values by (read-report-trials.ts): the SIPs written.
    expect(sipCount(Object.keys(summary.byTier).length)).toBe(lib.sips.length);
    expect([1, 2, 3].map(sipCount)).toEqual([3, 5, 6]);
    for (const sip of lib.sips) {
      expect(Object.keys(sip).sort()).toEqual(['arguments', 'function', 'metadata', 'name', 'ref']);
      expect(sip.ref.source).toBe('rng');
      expect(rngNames.has(sip.ref.name)).toBe(true);
      expect(sip.function).toBe('SIP_Array');
      expect(sip.arguments.type).toBe('array');
      expect(sip.arguments.value).toHaveLength(TRIALS);
      expect(sip.arguments.value.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
      expect(sip.metadata.count).toBe(TRIALS);
      expect(typeof sip.metadata.description).toBe('string');
      expect(sip.metadata.units).toBe('USD');
    }
  });

  it('holds the simulated trials themselves, in trial order, so metrics of the same year stay together', () => {
    const sip = (name: string) => lib.sips.find((s) => s.name === name)!.arguments.value;
    const revenue = sip('revenue');
    const column = sim.store.column('revenue')!;
    // Each check below is one assertion over the trials (the trials that break it, none), not an expect() a trial.
    const offColumn: string[] = [];
    for (let i = 0; i < TRIALS; i++) if (!(Math.abs(revenue[i]! - column[i]!) <= 0.005 + 1e-9 * column[i]!)) offColumn.push(`trial ${i}: ${revenue[i]} vs ${column[i]}`);
    expect(offColumn).toEqual([]);
    // Trial PM_Index of the tiers adds up to trial PM_Index of the total (tiers in whole units, float32).
    const smb = sip('tier.SMB.revenue');
    const ent = sip('tier.Enterprise.revenue');
    const offTotal: string[] = [];
    for (let i = 0; i < TRIALS; i++) if (!(Math.abs(smb[i]! + ent[i]! - revenue[i]!) <= 2 + 1e-6 * revenue[i]!)) offTotal.push(`trial ${i}: ${smb[i]} + ${ent[i]} vs ${revenue[i]}`);
    expect(offTotal).toEqual([]);
    const mean = revenue.reduce((a, b) => a + b, 0) / TRIALS;
    expect(mean).toBeCloseTo(summary.metrics.revenue.mean, 2);
  });

  it('carries the summary statistics as metadata', () => {
    const m = lib.sips[0]!.metadata;
    expect(m.mean).toBe(summary.metrics.revenue.mean);
    expect(m.std).toBe(summary.metrics.revenue.sd);
    expect(m.P10).toBe(summary.metrics.revenue.percentiles.p10);
    expect(m.P90).toBe(summary.metrics.revenue.percentiles.p90);
    expect(m.min).toBe(summary.metrics.revenue.min);
    expect(m.max).toBe(summary.metrics.revenue.max);
  });

  it('is byte-identical when written again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'arrcast-sip-')), 'sipmath.json');
    await writeSipmath(file, summary, sim.store);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
