import { beforeAll, describe, expect, it } from 'vitest';
import { forecastIdentity, parseOutcomes, parseScenario, readReportHeader, simulate, summarize, type ScoredReport, type Summary } from '../../src/index.js';
import { fixtureText } from '../helpers/fixtures.js';

/**
 * parseOutcomes from the library: a row for every report is refused when two reports are one
 * forecast, which it can tell only from each report's forecastIdentity; the library exports what
 * gives it (forecastIdentity of a summary, readReportHeader of a report directory).
 */
const plan = fixtureText('minimal.yaml');
const summaryOf = async (text: string, seed: number): Promise<Summary> => summarize(await simulate(parseScenario(text, 'plan.yaml'), { trials: 20, workers: 0, seed }));
let first: Summary;
let again: Summary;
let other: Summary;
beforeAll(async () => {
  first = await summaryOf(plan, 1);
  // The same scenario drawn again with another seed, and written with another name and description.
  again = await summaryOf(plan.replace(/^name: .*$/m, 'name: Again\ndescription: run again'), 8);
  // Another forecast: the book renews at another rate.
  other = await summaryOf(plan.replace('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }', 'renewalRate: 0.5'), 1);
});

const reportOf = (dir: string, summary: Summary): ScoredReport => ({ dir, tiers: Object.keys(summary.byTier), forecastIdentity: forecastIdentity(summary)! });

describe('forecastIdentity and parseOutcomes, from the library', () => {
  it('is one for a run made again (another seed, name, description), and for its summary.json as parsed; another for another forecast', () => {
    expect(plan).toContain('renewalRate: { dist: beta, mean: 0.9, sd: 0.02 }');
    expect(first.scenario.hash).not.toBe(again.scenario.hash);
    expect(forecastIdentity(again)).toBe(forecastIdentity(first));
    expect(forecastIdentity(JSON.parse(JSON.stringify(first)))).toBe(forecastIdentity(first));
    expect(forecastIdentity(other)).not.toBe(forecastIdentity(first));
    expect(forecastIdentity({})).toBeUndefined();
  });

  it('refuses a row for every report when two reports given with their forecastIdentity are one forecast; scores two forecasts', () => {
    const csv = 'tier,metric,value\ntotal,revenue,1000\n';
    expect(() => parseOutcomes(csv, 'o.csv', [reportOf('a', first), reportOf('b', again)])).toThrow('"a" and "b" are one forecast');
    expect(parseOutcomes(csv, 'o.csv', [reportOf('a', first), reportOf('c', other)]).map((o) => o.report)).toEqual([0, 1]);
  });

  it('exports readReportHeader, which gives a report directory as parseOutcomes reads it', () => {
    expect(typeof readReportHeader).toBe('function');
  });
});
