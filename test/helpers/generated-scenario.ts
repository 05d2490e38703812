import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import type { LoadedScenario } from '../../src/scenario/parse.js';

/**
 * A seeded generator of valid scenarios, for checking properties that must hold for every scenario
 * (determinism across workers, shards and runs) beyond the examples: random tiers with aggregate or
 * file books, lead-driven, graded, rep-driven and pipeline new business, lag distributions, contract
 * terms, stresses, market loadings, year-level layers, discrete and empirical drivers, and tier names
 * that are odd but legal. Sizes are kept small so that a chunk runs in milliseconds.
 *
 * The same `seed` gives the same scenario text and files. Its own small PRNG (mulberry32), so that
 * the scenarios do not move when the engine's random numbers do.
 */
export interface GeneratedScenario {
  readonly seed: number;
  /** The scenario as JSON text (a valid scenario file). */
  readonly text: string;
  /** Data files the scenario names, by file name (relative to the scenario). */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * The generated scenarios test/engine/generated-determinism.test.ts runs: three that hold every
 * mechanism between them (the same file checks that they do).
 */
export const TESTED_SCENARIOS: readonly number[] = [20, 27, 31];

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Odd but legal tier names: unicode, punctuation, a CSV's specials, JavaScript's own keys, digits, 60 characters. */
const ODD_NAMES = [
  'SMB',
  'Café (EU)',
  '__proto__',
  'constructor',
  'a,b "quoted"',
  '日本',
  '42',
  'x'.repeat(60),
  'Ent-erprise/Mid',
  'tier.with.dots',
  '<script>',
  'hasOwnProperty',
  'Über;semi',
  'toString',
];

class Gen {
  constructor(private readonly r: Rng) {}
  u(): number {
    return this.r();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  round(x: number, digits = 4): number {
    return Number(x.toFixed(digits));
  }
  /** A rate around `mid` (0 < mid < 1): fixed, beta, pert, uniform, discrete, empirical, bounded normal or quantiles. */
  rate(mid: number): unknown {
    const lo = this.round(mid * 0.6);
    const hi = this.round(Math.min(0.99, mid * 1.4));
    switch (this.int(0, 8)) {
      case 0:
        return this.round(mid);
      case 1:
        return { dist: 'beta', mean: this.round(mid), sd: this.round(Math.min(mid * 0.15, 0.05), 5) };
      case 2:
        return { dist: 'pert', min: lo, mode: this.round(mid), max: hi };
      case 3:
        return { dist: 'uniform', min: lo, max: hi };
      case 4:
        return { dist: 'discrete', values: [lo, this.round(mid), hi], weights: [1, 2, 1] };
      case 5:
        return { dist: 'empirical', values: [lo, this.round(mid), hi, this.round(Math.min(0.99, mid * 1.1))] };
      case 6:
        return { dist: 'normal', mean: this.round(mid), sd: this.round(mid * 0.1, 5), min: 0, max: 1 };
      case 7:
        return { dist: 'triangular', min: lo, mode: this.round(mid), max: hi };
      default:
        return { dist: 'quantiles', quantiles: { p10: lo, p50: this.round(mid), p90: hi }, lower: 0, upper: 1 };
    }
  }
  /** An amount around `median`, perhaps with a year-level median. */
  amount(median: number, yearLevel = true): unknown {
    const m = Math.round(median);
    switch (this.int(0, 6)) {
      case 0:
        return m;
      case 1:
        return { dist: 'lognormal', median: m, p90: Math.round(m * 2.2) };
      case 2:
        return yearLevel
          ? { dist: 'lognormal', median: { dist: 'pert', min: Math.round(m * 0.8), mode: m, max: Math.round(m * 1.3) }, p90: Math.round(m * 2) }
          : { dist: 'lognormal', mean: m, sd: Math.round(m * 0.5) };
      case 3:
        return { dist: 'triangular', min: Math.round(m * 0.3), mode: m, max: m * 3 };
      case 4:
        return { dist: 'discrete', values: [Math.round(m / 2), m, m * 2], weights: [0.3, 0.5, 0.2] };
      case 5:
        return { dist: 'lognormal', p10: Math.round(m * 0.5), p90: Math.round(m * 2) };
      default:
        return { dist: 'quantiles', quantiles: { p10: Math.round(m * 0.5), p50: m, p90: m * 2 }, lower: 0 };
    }
  }
  /** Leads a month around `mean`: Poisson or negative binomial (perhaps with a year-level mean), or drawn and rounded. */
  leads(mean: number): unknown {
    switch (this.int(0, 5)) {
      case 0:
        return { dist: 'poisson', mean };
      case 1:
        return { dist: 'negativeBinomial', mean, dispersion: this.int(5, 50) };
      case 2:
        return { dist: 'poisson', mean: { dist: 'lognormal', p10: Math.round(mean * 0.8), p90: Math.round(mean * 1.2) } };
      case 3:
        return { dist: 'negativeBinomial', mean: { dist: 'pert', min: Math.round(mean * 0.7), mode: mean + 1, max: Math.round(mean * 1.2) + 2 }, dispersion: 20 };
      case 4:
        return mean;
      default:
        return { dist: 'triangular', min: Math.round(mean * 0.5), mode: mean, max: Math.round(mean * 1.5) };
    }
  }
  /** A lag of whole months from `lo`: fixed, discrete or empirical. */
  lag(lo: number, hi: number): unknown {
    switch (this.int(0, 3)) {
      case 0:
        return this.int(lo, hi);
      case 1: {
        const values = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
        return { dist: 'discrete', values, weights: values.map(() => this.int(1, 5)) };
      }
      case 2:
        return { dist: 'empirical', values: [lo, hi, lo, this.int(lo, hi)] };
      default:
        return { dist: 'fixed', value: hi };
    }
  }
  /** A date (YYYY-MM) `k` months (0..11) into a fiscal year starting in calendar month `start` of `year`. */
  date(year: number, start: number, k: number): string {
    const m = start - 1 + k;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  }
  profile(): number[] {
    return Array.from({ length: 12 }, () => this.round(0.6 + this.u() * 0.8, 3));
  }
}

/** Generate scenario number `seed` (see GeneratedScenario). */
export function generateScenario(seed: number): GeneratedScenario {
  const g = new Gen(mulberry32(seed * 2654435761 + 17));
  const files: Record<string, string> = {};
  const loadings: Record<string, number> = {};
  for (const k of ['leads', 'conversion', 'acv', 'renewal', 'contraction', 'expansion']) if (g.chance(0.6)) loadings[k] = g.round(g.u() * 0.6 - 0.1, 2);
  const market: Record<string, unknown> = { loadings };
  if (g.chance(0.2) && Object.values(loadings).some((b) => b !== 0)) market.factor = g.round(g.u() * 4 - 2, 2);
  const nTiers = g.int(1, 4);
  const names: string[] = [];
  while (names.length < nTiers) {
    const n = g.chance(0.7) ? g.pick(ODD_NAMES) : `T${g.int(0, 99)}`;
    if (!names.some((x) => x.toLowerCase() === n.toLowerCase())) names.push(n);
  }
  const fiscalYear = 2027;
  const start = g.int(1, 12);
  const bookRows: string[] = [];
  const pipelineRows: string[] = [];
  const tiers = names.map((name, t) => tierOf(g, name, t, bookRows, pipelineRows, (k) => g.date(fiscalYear, start, k)));
  if (bookRows.length > 0) files['book.csv'] = ['id,tier,arr,next_renewal,term_months,renewals_completed,health,escalator', ...bookRows].join('\n') + '\n';
  if (pipelineRows.length > 0) files['pipeline.csv'] = ['id,tier,amount,stage,close_month', ...pipelineRows].join('\n') + '\n';
  const scenario: Record<string, unknown> = {
    name: `Generated ${seed}`,
    fiscalYearStartMonth: start,
    fiscalYear,
    trials: 1000,
    seed: g.chance(0.5) ? g.int(0, 1e6) : `s-${g.int(0, 999)}`,
    market,
    tiers,
  };
  if (g.chance(0.3)) scenario.stress = { leads: g.round(g.u() * 0.4 - 0.2, 2), renewal: g.round(g.u() * 0.06 - 0.03, 3) };
  return { seed, text: JSON.stringify(scenario, null, 1), files };
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tierOf(g: Gen, name: string, t: number, bookRows: string[], pipelineRows: string[], date: (k: number) => string): Record<string, unknown> {
  const tier: Record<string, unknown> = { name };
  const kind = g.int(0, 2); // 0: book only, 1: new business only, 2: both
  if (kind !== 1) {
    const existing: Record<string, unknown> = {};
    if (g.chance(0.35)) {
      existing.customersFile = 'book.csv';
      const n = g.int(1, 40);
      for (let i = 0; i < n; i++) {
        const term = g.pick(['12', '12', '24', '36', 'monthly', '1']);
        const months = term === 'monthly' || term === '1' ? 1 : Number(term);
        const renewal = months === 1 ? '' : g.chance(0.3) ? date(g.int(0, 11)) : String(g.int(1, months));
        const escalator = term === '24' || term === '36' ? String(g.pick([0, 0.03, 0.05])) : '';
        const health = g.chance(0.5) ? String(g.round(g.u(), 2)) : '';
        bookRows.push([`c${t}-${i}`, csvField(name), String(g.int(1, 200) * 1000), renewal, term, String(g.int(0, 5)), health, escalator].join(','));
      }
      if (g.chance(0.5)) existing.renewalAdjustments = { perArrDoubling: g.round(g.u() * 0.4, 2), firstRenewal: -0.4, health: 1 };
    } else {
      const customers = g.int(0, 300);
      existing.openingArr = customers === 0 ? 0 : customers * g.int(5, 80) * 1000;
      existing.customers = customers;
      if (g.chance(0.5)) {
        const cal = Array.from({ length: 12 }, () => (g.chance(0.3) ? 0 : g.round(g.u() * 0.08, 3)));
        existing.renewalCalendar = cal;
      }
    }
    const rate = g.round(0.7 + g.u() * 0.25, 3);
    if (g.chance(0.15) && !existing.renewalAdjustments) existing.dollarRenewalRate = g.rate(rate);
    else if (g.chance(0.15) && existing.renewalAdjustments) existing.dollarRenewalRate = rate;
    else existing.renewalRate = g.rate(rate);
    if (g.chance(0.5)) existing.priceUplift = g.chance(0.5) ? g.round(g.u() * 0.06, 3) : { dist: 'pert', min: 0.01, mode: 0.03, max: 0.06 };
    if (g.chance(0.5)) existing.contraction = { probability: g.rate(0.08), size: g.pick([{ dist: 'beta', mean: 0.25, sd: 0.1 }, 0.2, { dist: 'uniform', min: 0.1, max: 0.4 }]) };
    if (g.chance(0.6))
      existing.expansion = {
        probability: g.rate(0.12),
        size: g.pick([{ dist: 'lognormal', median: 0.25, p90: 0.6 }, 0.3, { dist: 'lognormal', median: { dist: 'pert', min: 0.2, mode: 0.25, max: 0.35 }, p90: 0.6 }]),
      };
    tier.existing = existing;
  }
  if (kind !== 0) {
    const nb: Record<string, unknown> = {};
    let sources = 0;
    if (g.chance(0.55)) {
      nb.leadsPerMonth = g.leads(g.int(0, 400));
      nb.conversion = g.rate(g.round(0.02 + g.u() * 0.08, 3));
      sources++;
    } else if (g.chance(0.5)) {
      const labels = [['A'], ['B', 'inbound'], ['C', 'partner'], [undefined, 'events']] as const;
      const n = g.int(1, 3);
      nb.leadSources = labels.slice(0, n).map(([grade, channel]) => ({
        ...(grade ? { grade } : {}),
        ...(channel ? { channel } : {}),
        leadsPerMonth: g.leads(g.int(10, 300)),
        conversion: g.rate(g.round(0.02 + g.u() * 0.08, 3)),
        ...(g.chance(0.3) ? { seasonality: g.profile() } : {}),
      }));
      sources++;
    }
    if (g.chance(0.4)) nb.seasonality = g.profile();
    if (g.chance(0.35) || sources === 0) {
      const reps: Record<string, unknown> = {
        start: g.int(0, 12),
        hires: Array.from({ length: 12 }, () => (g.chance(0.2) ? g.int(1, 2) : 0)),
        capacity: g.pick([g.int(2, 8), { dist: 'pert', min: 2, mode: 4, max: 6 }]),
        overflow: g.pick(['lost', 'carry']),
      };
      if (g.chance(0.5)) reps.ramp = [0.1, 0.4, 0.8].slice(0, g.int(0, 3));
      if (g.chance(0.5)) reps.attrition = g.rate(0.02);
      if (g.chance(0.4)) reps.hireSlip = { probability: g.rate(0.2), months: g.lag(1, 3) };
      if (g.chance(0.7) || sources === 0) {
        reps.sourcedDealsPerMonth = g.pick([
          { dist: 'lognormal', mean: 0.6, sd: 0.3 },
          0.5,
          { dist: 'lognormal', median: { dist: 'pert', min: 0.3, mode: 0.4, max: 0.6 }, p90: 0.9 },
        ]);
        sources++;
      }
      nb.reps = reps;
    }
    if (g.chance(0.25)) nb.earlierLeads = { count: g.int(0, 400), conversion: g.rate(0.03), closeMonth: g.profile() };
    if (g.chance(0.3)) {
      if (g.chance(0.5)) {
        nb.openingPipeline = {
          groups: Array.from({ length: g.int(1, 3) }, () => ({
            count: g.int(0, 20),
            winProbability: g.rate(g.round(0.2 + g.u() * 0.5, 2)),
            closeMonth: g.int(1, 12),
            ...(g.chance(0.5) ? { amount: g.amount(50_000, false) } : {}),
          })),
        };
      } else {
        nb.openingPipeline = { file: 'pipeline.csv', stages: { discovery: 0.1, commit: 0.8, Proposal: 0.4 } };
        const n = g.int(1, 15);
        for (let i = 0; i < n; i++)
          pipelineRows.push([`o${t}-${i}`, csvField(name), String(g.int(5, 300) * 1000), g.pick(['discovery', 'commit', 'proposal']), g.chance(0.2) ? date(g.int(0, 11)) : String(g.int(1, 12))].join(','));
      }
    }
    if (g.chance(0.6)) nb.salesCycleMonths = g.lag(0, g.int(0, 4));
    nb.acv = g.amount(g.int(5, 200) * 1000);
    if (g.chance(0.35))
      nb.terms = g.pick([
        [{ months: 12, share: 1 }],
        [
          { months: 12, share: 0.6 },
          { months: 36, share: 0.4, escalator: 0.05 },
        ],
        [
          { months: 24, share: 0.5, escalator: 0.03 },
          { months: 12, share: 0.25 },
          { months: 48, share: 0.25 },
        ],
      ]);
    if (g.chance(0.3)) nb.serviceStartLagMonths = g.lag(0, 2);
    tier.newBusiness = nb;
    if (g.chance(0.4)) tier.newCustomerExpansion = { probability: g.rate(0.15), size: g.amount(5000), ...(g.chance(0.6) ? { monthsAfterClose: g.lag(1, 8) } : {}) };
  }
  if (g.chance(0.25)) {
    const stress: Record<string, number> = {};
    if (tier.newBusiness) stress.acv = g.round(g.u() * 0.4 - 0.2, 2);
    if (tier.existing) stress.renewal = g.round(g.u() * 0.06 - 0.03, 3);
    tier.stress = stress;
  }
  return tier;
}

/** Write a generated scenario and its files into a folder of its own under `root`; returns the scenario's path. */
export function writeGenerated(root: string, generated: GeneratedScenario): string {
  const dir = join(root, `generated-${generated.seed}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(generated.files)) writeFileSync(join(dir, name), text);
  const path = join(dir, 'scenario.json');
  writeFileSync(path, generated.text);
  return path;
}

/** Write and load a generated scenario (see writeGenerated). */
export async function loadGenerated(dir: string, generated: GeneratedScenario): Promise<{ path: string; loaded: LoadedScenario }> {
  const path = writeGenerated(dir, generated);
  return { path, loaded: await loadScenario(path) };
}
