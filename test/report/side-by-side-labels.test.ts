import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { compareDecisions } from '../../src/analysis/compare-decisions.js';
import { compareDecisionRows } from '../../src/report/compare-decision-rows.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { escapeHtml } from '../../src/report/html/escape.js';

/**
 * A board member reads the plan beside its downside in report.html's stress table (`run --with-stress`)
 * and in comparison.html (`compare`): the same budget, 1-in-10 year and worst-10% mean carry the same
 * label in both. Before, the stress table wrote "Recognized revenue 1-in-10 year (P10)", "Recognized
 * revenue mean of the worst 10%" and "Recognized revenue: Budget at 80% confidence" where compare wrote
 * "Recognized revenue: 1-in-10 year (P10)", "...: mean of the worst 10%" and "...: budget at 80% confidence".
 */
const yaml = (name: string, leads: number) => `
name: ${name}
seed: 1
tiers:
  - name: SMB
    existing: { openingArr: 50000000, customers: 2000, renewalRate: { dist: beta, mean: 0.9, sd: 0.01 } }
    newBusiness: { leadsPerMonth: { dist: poisson, mean: ${leads} }, conversion: 0.05, acv: { dist: lognormal, median: 10000, p90: 20000 } }
`;

describe("the plan beside its stress case reads with compare's labels", () => {
  it('every budget, 1-in-10 year and worst-10% row of compare is a row of the stress table, by the same label', async () => {
    const sims = [];
    for (const [name, leads] of [['Plan', 400], ['Downside', 300]] as const) sims.push(await simulate(parseScenario(yaml(name, leads), `${leads}.yaml`), { trials: 200, workers: 0, seed: 1 }));
    const [plan, stress] = sims.map((s) => summarize(s));
    const compareLabels = compareDecisionRows(compareSimulations(sims), compareDecisions(sims), '$')
      .map((row) => row[0]!)
      .filter((label) => !label.startsWith('P('));
    expect(compareLabels).toHaveLength(9);
    const table = /<table class="stress">([\s\S]*?)<\/table>/.exec(downsideSection(plan!, [{ source: 'downside.yaml', summary: stress! }]))![1]!;
    const stressLabels = [...table.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]!);
    for (const label of compareLabels) expect(stressLabels, label).toContain(escapeHtml(label));
  });
});
