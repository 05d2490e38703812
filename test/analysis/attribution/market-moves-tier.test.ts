import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../../src/scenario/load.js';
import { readMonthlyFile } from '../../../src/actuals/read-monthly-file.js';
import { simulate, type Simulation } from '../../../src/engine/simulate.js';
import { metricColumn } from '../../../src/analysis/columns.js';
import { marketMovesTier } from '../../../src/model/market-moves-tier.js';
import { summarize } from '../../../src/analysis/summarize.js';
import { ROOT, run, writeFiles } from '../../helpers/fixtures.js';

const LOADINGS = ['leads', 'conversion', 'acv', 'renewal', 'contraction', 'expansion'] as const;
const METRICS = ['revenue', 'bookings', 'endingArr'] as const;
const NO_LOADINGS = { leads: 0, conversion: 0, acv: 0, renewal: 0, contraction: 0, expansion: 0 };

/** Every trial of a tier's three metrics equal in two runs. */
function sameTier(a: Simulation, b: Simulation, tier: string): boolean {
  const name = a.plan.tiers.length > 1 ? tier : undefined;
  return METRICS.every((m) => {
    const x = metricColumn(a, m, name);
    const y = metricColumn(b, m, name);
    return x.every((v, i) => Object.is(v, y[i]));
  });
}

describe('which tiers the market moves', () => {
  it('is exactly the tiers whose outcomes differ between a market factor of -2 and +2 on the same draws (every example scenario, each loading alone)', async () => {
    // The truth is read from the simulator, not from the rule: a stress case's fixed factor leaves
    // every stream as it was (common random numbers), so a tier the market cannot move gives the
    // same trials at z = -2 and z = +2, and a tier it moves differs.
    // Each scenario is loaded once; each loading and factor is set on a copy of it, under a hash of
    // its own (the hash keys a run's compiled plan). 20 trials: a tier the market moves differs in
    // its first trial already (its loaded driver shifts every trial's value).
    let moved = 0;
    let unmoved = 0;
    for (const name of ['example', 'downside', 'smb-lead-driven', 'enterprise-rep-driven', 'hybrid-company']) {
      const loaded = await loadScenario(join(ROOT, 'scenarios', `${name}.yaml`));
      for (const loading of LOADINGS) {
        const at = (factor: number) =>
          simulate({ ...loaded, scenario: { ...loaded.scenario, market: { loadings: { ...NO_LOADINGS, [loading]: 0.5 }, factor } }, hash: `${loaded.hash}-${loading}-${factor}` }, { trials: 20, seed: 3, workers: 0 });
        const [low, high] = [await at(-2), await at(2)];
        for (const tier of low.plan.tiers) {
          const same = sameTier(low, high, tier.name);
          expect(marketMovesTier(tier), `${name}, ${loading} loaded, tier ${tier.name}`).toBe(!same);
          if (same) unmoved++;
          else moved++;
        }
      }
    }
    // Both kinds occur (a test of the rule on one side only could not fail on the other).
    expect(moved).toBeGreaterThan(0);
    expect(unmoved).toBeGreaterThan(0);
  });

  it('is false for a tier whose loaded drivers the market cannot move, or that act on nothing, exactly when the simulator says so', async () => {
    // Pinned rates (0 or 1), a volume of 0, leads loaded under a conversion of 0, a conversion loaded
    // over 0 leads beside a varying book (review probe zeroLeads.yaml), a book loaded on renewal that
    // renews after the year (lateBook.yaml). The truth is read from the simulator: same draws at -2 and +2.
    const dir = writeFiles({});
    const yaml = `name: pinned
market:
  loadings: { conversion: 0.5, renewal: 0.5, leads: 0.5 }
tiers:
  - name: Live
    newBusiness:
      leadsPerMonth: 400
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
  - name: NoConversion
    newBusiness:
      leadsPerMonth: 400
      conversion: 0
      acv: 10000
  - name: NoLeads
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
  - name: AllRenew
    existing:
      openingArr: 1000000
      customers: 100
      renewalRate: 1
  - name: BookNoLeads
    existing:
      openingArr: 10000000
      customers: 1000
      renewalRate: { dist: beta, mean: 0.85, sd: 0.05 }
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
  - name: LateBook
    existing:
      openingArr: 10000000
      customers: 1000
      renewalCalendar: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      renewalRate: 0.85
  - name: DueBook
    existing:
      openingArr: 10000000
      customers: 1000
      renewalRate: 0.85
`;
    const at = async (factor: number) => {
      const file = join(dir, `pinned${factor}.yaml`);
      writeFileSync(file, yaml.replace('market:\n', `market:\n  factor: ${factor}\n`));
      return simulate(await loadScenario(file), { trials: 50, seed: 3, workers: 0 });
    };
    const [low, high] = [await at(-2), await at(2)];
    const truth = low.plan.tiers.map((t) => [t.name, !sameTier(low, high, t.name)]);
    // The premise, read from the simulator: Live, DueBook and BookNoLeads (its book, on the renewal loading) move.
    expect(truth).toEqual([['Live', true], ['NoConversion', false], ['NoLeads', false], ['AllRenew', false], ['BookNoLeads', true], ['LateBook', false], ['DueBook', true]]);
    expect(low.plan.tiers.map((t) => [t.name, marketMovesTier(t)])).toEqual(truth);
    // The drivers acting on nothing are not listed as moving with the market (before: 'NoConversion
    // conversion (no year-level uncertainty of its own: moves with the market) 0.0%', 'NoLeads
    // conversion', 'BookNoLeads conversion', 'LateBook renewal rate').
    const summary = summarize(await run(yaml, 2_000, 5));
    expect(summary.sensitivity.drivers.map((d) => d.label).sort()).toEqual(['BookNoLeads renewal rate', 'DueBook renewal rate', 'Live conversion', 'Live leads a month', 'Market']);
  });

  it('is false for the routes that act on nothing: a pipeline file of certain odds, a new-customer expansion without new customers, a conversion of 0 under a stress, an expansion of a book renewing after the year, exactly when the simulator says so', async () => {
    // Review leftovers of the fifteenth session: a pipeline file whose stages are all 0 or 1 (certain
    // odds stay certain under the market, trialRate), a new-customer expansion probability in a tier
    // that wins no customer, and (found beside them) a stress shifting a conversion of 0, which stays
    // 0, all counted as routes. Truth from the simulator: the same draws at market -2 and +2.
    const dir = writeFiles({
      'certain.csv': 'id,tier,amount,stage,close_month\no-1,PipeCertain,50000,signed,3\no-2,PipeCertain,70000,lost,5\no-3,PipeCertain,60000,signed,8\n',
      'open.csv': 'id,tier,amount,stage,close_month\no-1,PipeOpen,50000,signed,3\no-2,PipeOpen,70000,maybe,5\no-3,PipeOpen,60000,maybe,8\n',
      'expansion.csv': 'id,tier,amount,stage,close_month\no-1,ExpFromPipeline,50000,signed,1\no-2,ExpFromPipeline,70000,signed,2\no-3,ExpFromPipeline,60000,signed,2\n',
    });
    const expansion = '    newCustomerExpansion:\n      probability: { dist: beta, mean: 0.3, sd: 0.05 }\n      size: 20000\n      monthsAfterClose: 2\n';
    const yaml = `name: routes
stress: { conversion: 0.1 }
market:
  loadings: { conversion: 0.5, leads: 0.5, expansion: 0.5 }
tiers:
  - name: PipeCertain
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
      openingPipeline: { file: certain.csv, stages: { signed: 1, lost: 0 } }
  - name: PipeOpen
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
      openingPipeline: { file: open.csv, stages: { signed: 1, maybe: 0.5 } }
  - name: ExpNoCustomers
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
${expansion}  - name: ExpFromPipeline
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
      openingPipeline: { file: expansion.csv, stages: { signed: 1 } }
${expansion}  - name: ExpAfterYear
    newBusiness:
      leadsPerMonth: 0
      conversion: 0.05
      acv: 10000
      openingPipeline: { file: expansion.csv, stages: { signed: 1 } }
    newCustomerExpansion:
      probability: { dist: beta, mean: 0.3, sd: 0.05 }
      size: 20000
      monthsAfterClose: 12
  - name: StressedZero
    newBusiness:
      leadsPerMonth: 400
      conversion: 0
      acv: 10000
  - name: LateExpansion
    existing:
      openingArr: 10000000
      customers: 1000
      renewalCalendar: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      renewalRate: 0.85
      expansion: { probability: { dist: beta, mean: 0.2, sd: 0.05 }, size: 0.1 }
`;
    // ExpFromPipeline and ExpAfterYear read the same file: one tier a file, so a copy for the second.
    writeFileSync(join(dir, 'expansion2.csv'), readFileSync(join(dir, 'expansion.csv'), 'utf8').replaceAll('ExpFromPipeline', 'ExpAfterYear'));
    const text = yaml.replace('{ file: expansion.csv, stages: { signed: 1 } }\n    newCustomerExpansion:\n      probability: { dist: beta, mean: 0.3, sd: 0.05 }\n      size: 20000\n      monthsAfterClose: 12', '{ file: expansion2.csv, stages: { signed: 1 } }\n    newCustomerExpansion:\n      probability: { dist: beta, mean: 0.3, sd: 0.05 }\n      size: 20000\n      monthsAfterClose: 12');
    const at = async (factor: number) => {
      const file = join(dir, `routes${factor}.yaml`);
      writeFileSync(file, text.replace('market:\n', `market:\n  factor: ${factor}\n`));
      return simulate(await loadScenario(file), { trials: 50, seed: 3, workers: 0 });
    };
    const [low, high] = [await at(-2), await at(2)];
    const truth = low.plan.tiers.map((t) => [t.name, !sameTier(low, high, t.name)]);
    // The premise, read from the simulator: only the open pipeline and the pipeline's new customers' expansion
    // move; an existing customer expands at renewal only (DOMAIN.md), so a book renewing after the year does not.
    expect(truth).toEqual([['PipeCertain', false], ['PipeOpen', true], ['ExpNoCustomers', false], ['ExpFromPipeline', true], ['ExpAfterYear', false], ['StressedZero', false], ['LateExpansion', false]]);
    expect(low.plan.tiers.map((t) => [t.name, marketMovesTier(t)])).toEqual(truth);
  });

  it('is false for an ACV loading with no deal at the tier\'s ACV and for a new customer\'s expansion that cannot fall in the year, counting the month it is won and its service start, exactly when the simulator says so', async () => {
    // Review of the sixteenth session: the ACV loading counted as a route in a tier whose only deals
    // are a pipeline file's (own amounts) or a group's with an amount, and a new customer's expansion
    // counted when its lag was 11 months or less even if the customers can only be won in months
    // 11-12. Truth from the simulator: the same draws at market -2 and +2 (conversion not loaded, so
    // the file's odds stay as stated).
    const rows = (tier: string, months: number[]) => months.map((m, i) => `o-${i},${tier},${50_000 + i * 1_000},maybe,${m}`).join('\n');
    const files: Record<string, string> = {};
    for (const [tier, months] of [['PipeAcv', [3, 5, 8]], ['ExpLate', [11, 12]], ['ExpEarly', [8, 12]], ['ExpServiceStart', [8, 12]]] as const)
      files[`${tier}.csv`] = `id,tier,amount,stage,close_month\n${rows(tier, [...months])}\n`;
    const dir = writeFiles(files);
    const none = '      leadsPerMonth: 0\n      conversion: 0.05\n      acv: 10000\n';
    const file = (tier: string) => `      openingPipeline: { file: ${tier}.csv, stages: { maybe: 0.5 } }\n`;
    const expansion = '    newCustomerExpansion:\n      probability: { dist: beta, mean: 0.3, sd: 0.05 }\n      size: 20000\n      monthsAfterClose: 3\n';
    const yaml = `name: acv and expansion
market:
  loadings: { acv: 0.5, expansion: 0.5 }
tiers:
  - name: AcvNoDeals
    newBusiness:
${none}  - name: PipeAcv
    newBusiness:
${none}${file('PipeAcv')}  - name: GroupAcv
    newBusiness:
${none}      openingPipeline: { groups: [{ count: 10, winProbability: 0.5, closeMonth: 6 }] }
  - name: GroupOwnAmount
    newBusiness:
${none}      openingPipeline: { groups: [{ count: 10, winProbability: 0.5, closeMonth: 6, amount: 50000 }] }
  - name: LeadsAcv
    newBusiness:
      leadsPerMonth: 100
      conversion: 0.05
      acv: 10000
  - name: EarlierNone
    newBusiness:
      earlierLeads: { count: 0, conversion: 0.3, closeMonth: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
      acv: 10000
  - name: EarlierSome
    newBusiness:
      earlierLeads: { count: 100, conversion: 0.3, closeMonth: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
      acv: 10000
  - name: GroupEmpty
    newBusiness:
${none}      openingPipeline: { groups: [{ count: 0, winProbability: 0.5, closeMonth: 6 }] }
  - name: ExpLate
    newBusiness:
${none}${file('ExpLate')}${expansion}  - name: ExpEarly
    newBusiness:
${none}${file('ExpEarly')}${expansion}  - name: ExpServiceStart
    newBusiness:
${none}      serviceStartLagMonths: 2
${file('ExpServiceStart')}${expansion}`;
    const at = async (factor: number) => {
      const path = join(dir, `acv${factor}.yaml`);
      writeFileSync(path, yaml.replace('market:\n', `market:\n  factor: ${factor}\n`));
      return simulate(await loadScenario(path), { trials: 50, seed: 3, workers: 0 });
    };
    const [low, high] = [await at(-2), await at(2)];
    const truth = low.plan.tiers.map((t) => [t.name, !sameTier(low, high, t.name)]);
    // The premise, read from the simulator: the ACV moves deals priced at it only (leads, a group
    // without an amount); an expansion 3 months after a customer won in month 8 falls in month 11,
    // after one won in month 11 in month 14, and 2 months' service start pushes month 8's to 13.
    expect(truth).toEqual([
      ['AcvNoDeals', false],
      ['PipeAcv', false],
      ['GroupAcv', true],
      ['GroupOwnAmount', false],
      ['LeadsAcv', true],
      ['EarlierNone', false],
      ['EarlierSome', true],
      ['GroupEmpty', false],
      ['ExpLate', false],
      ['ExpEarly', true],
      ['ExpServiceStart', false],
    ]);
    expect(low.plan.tiers.map((t) => [t.name, marketMovesTier(t)])).toEqual(truth);
  });

  it('does not list a tier\'s conversion over 0 leads beside earlier leads, which have a conversion of their own', async () => {
    // The tier's conversion converts its own leads only (new-business-simulator's runSource): beside
    // earlier leads or reps it acts on nothing, and was listed as moving with the market. The premise,
    // from the simulator: the tier's outcomes are the same whatever its conversion (same draws).
    const yaml = (conversion: number) => `name: earlier
market:
  loadings: { conversion: 0.5 }
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: 0
      conversion: ${conversion}
      acv: 10000
      earlierLeads: { count: 400, conversion: 0.3, closeMonth: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
`;
    const [a, b] = [await run(yaml(0.02), 200, 5), await run(yaml(0.2), 200, 5)];
    expect(sameTier(a, b, 'T')).toBe(true);
    const summary = summarize(await run(yaml(0.05), 2_000, 5));
    expect(summary.sensitivity.drivers.map((d) => d.label).sort()).toEqual(['Market', 'T earlier leads conversion']);
  });

  it('counts a re-forecast\'s new customers of the closed months only when their expansion can come after them, exactly when the simulator says so', async () => {
    // 10 closed months; 40 customers won in month 1 (Early) expand 3 months later, in month 4, inside
    // the actuals; those won in month 9 (Late) in month 12, simulated. A pipeline group closing in
    // month 3 is in the actuals (GroupClosed); one closing in month 11 is not. Before: all counted as routes.
    const tier = (t: string, more: string) => `  - name: ${t}\n    newBusiness:\n      leadsPerMonth: 0\n      conversion: 0.05\n      acv: 10000\n${more}`;
    const expansion = '    newCustomerExpansion:\n      probability: { dist: beta, mean: 0.3, sd: 0.05 }\n      size: 20000\n      monthsAfterClose: 3\n';
    const group = (month: number) => `      openingPipeline: { groups: [{ count: 10, winProbability: 0.5, closeMonth: ${month} }] }\n`;
    const yaml = (factor: number) => `name: closed months
market:
  factor: ${factor}
  loadings: { expansion: 0.5, conversion: 0.5 }
tiers:
${tier('Early', expansion)}${tier('Late', expansion)}${tier('GroupClosed', group(3))}${tier('GroupOpen', group(11))}`;
    const tiers = ['Early', 'Late', 'GroupClosed', 'GroupOpen'];
    const lines = ['month,tier,leads,deals,new_arr'];
    for (let m = 1; m <= 10; m++) for (const [t, won] of [['Early', 1], ['Late', 9], ['GroupClosed', 0], ['GroupOpen', 0]] as const) lines.push(`${m},${t},0,${m === won ? 40 : 0},${m === won ? 400_000 : 0}`);
    const dir = writeFiles({ 'actuals.csv': `${lines.join('\n')}\n`, 'low.yaml': yaml(-2), 'high.yaml': yaml(2) });
    const at = async (name: string) => {
      const loaded = await loadScenario(join(dir, `${name}.yaml`));
      const s = loaded.scenario;
      const file = await readMonthlyFile(join(dir, 'actuals.csv'), 'actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers });
      return simulate(loaded, { trials: 30, seed: 3, workers: 0, actuals: { file, months: 10 } });
    };
    const [low, high] = [await at('low'), await at('high')];
    const truth = low.plan.tiers.map((t) => [t.name, !sameTier(low, high, t.name)]);
    expect(truth).toEqual([['Early', false], ['Late', true], ['GroupClosed', false], ['GroupOpen', true]]);
    expect(low.plan.tiers.map((t) => [t.name, marketMovesTier(t)])).toEqual(truth);
  });

  it('leaves the market out altogether when its loadings reach no tier (renewal loaded, no customer book)', async () => {
    const yaml = `name: new only
market:
  loadings:
    renewal: 1.5
tiers:
  - name: New
    newBusiness:
      leadsPerMonth: 2000
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
`;
    const sim = await run(yaml, 2_000, 5);
    expect(sim.plan.tiers.map(marketMovesTier)).toEqual([false]);
    const summary = summarize(sim);
    expect(summary.sensitivity.drivers.map((d) => d.label)).toEqual(['New conversion']);
    expect(summary.badYears.metrics.revenue.drivers.map((d) => d.label)).toEqual(['New conversion']);
  });
});
