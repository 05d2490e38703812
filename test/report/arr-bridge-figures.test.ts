import { describe, expect, it } from 'vitest';
import { bridgeSteps } from '../../src/report/charts/arr-bridge.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runReportScenario, TWO_TIERS } from './fixture.js';

// The ARR bridge wrote every bar in one unit at one decimal (fixedMoney): the example's ending ARR read
// "$144.5M" on the chart above the headline row's "$145M", and its contraction "-$1.4M" beside the
// component table's "-$1.43M". Each bar now reads as the table row of the same mean does.
describe("the ARR bridge's labels are the tables' figures", () => {
  it('opening ARR as the header, each step as its component row, ending ARR as the headline row', async () => {
    const { summary } = await runReportScenario(TWO_TIERS, 500);
    const html = reportHtml({ summary, scenario: parseScenario(TWO_TIERS, 'plan.yaml').scenario, charts: [], files: [] });
    /** The Mean cell of the row `label` in the first table after `after`. */
    const mean = (label: string, after: string) => {
      const rest = html.slice(html.indexOf(after));
      return new RegExp(`<th scope="row"[^>]*>${label}</th><td class="num">([^<]*)</td>`).exec(rest)![1]!;
    };
    const steps = bridgeSteps(summary, '$');
    const text = (label: string) => steps.find((s) => s.label === label)!.text;
    expect(html).toContain(`<dt>Opening ARR</dt><dd>${text('Opening ARR')}</dd>`);
    expect(text('Ending ARR')).toBe(mean('Ending ARR', '<caption>Next fiscal year'));
    // The by-component table's Ending ARR group: its rows' means.
    const components = html.slice(html.indexOf('<caption>Each metric by component'));
    const group = components.slice(components.indexOf('<th colspan="5" scope="rowgroup">Ending ARR</th>'));
    for (const label of ['New business', 'Churn', 'Contraction']) expect(text(label).replace(/^\+/, ''), label).toBe(new RegExp(`<th scope="row"[^>]*>${label}</th><td class="num">([^<]*)</td>`).exec(group)![1]);
  });
});
