import { describe, expect, it } from 'vitest';
import { readMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { summarize } from '../../src/analysis/summarize.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { COMPONENT_LABELS, METRIC_COMPONENTS, METRIC_LABELS, METRICS } from '../../src/model/components.js';
import { ROOT } from '../helpers/fixtures.js';

// The terminal's component rows were written by their row's formatter (20.43M 19.52M 20.40M 21.37M in
// a re-forecast of the example) and report.html's by formatCurrency's three digits ($20.4M $19.5M $20.4M
// $21.4M): one row formatter now writes both (statRowMoney).
describe('a component row reads alike in the terminal and report.html', () => {
  it('every component of every metric of a re-forecast: Mean, P10, P50 and P90', async () => {
    const loaded = await loadScenario(`${ROOT}scenarios/example.yaml`);
    const s = loaded.scenario;
    const file = await readMonthlyFile(`${ROOT}scenarios/example-actuals.csv`, 'example-actuals.csv', { kind: 'actuals', calendar: { year: s.fiscalYear, startMonth: s.fiscalYearStartMonth }, tiers: s.tiers.map((t) => t.name) });
    const sim = await simulate(loaded, { trials: 2_000, seed: 1, workers: 0, actuals: { file, months: 5 } });
    const summary = summarize(sim);
    const lines = summaryTable(summary).split('\n');
    const html = reportHtml({ summary, scenario: s, charts: [], files: [] });
    const components = html.slice(html.indexOf('<caption>Each metric by component'));
    let finer = 0;
    for (const m of METRICS) {
      const head = lines.findIndex((l) => l.startsWith(`${METRIC_LABELS[m]} (`));
      const block = lines.slice(head, lines.indexOf('', head));
      const group = components.slice(components.indexOf(`scope="rowgroup">${METRIC_LABELS[m]}</th>`));
      for (const c of METRIC_COMPONENTS[m]) {
        if (summary.byComponent[m][c] === undefined) continue;
        const label = COMPONENT_LABELS[c];
        // The terminal's Mean, P5, P10, P25, P50, P75, P90, P95: Mean, P10, P50 and P90 are report.html's columns.
        const cells = block.find((l) => l.trim().startsWith(`${label}  `))!.trim().split(/\s{2,}/);
        const terminal = [cells[1], cells[3], cells[5], cells[7]];
        const row = new RegExp(`<th scope="row"[^>]*>${label.replace(/[()]/g, '\\$&')}</th>((?:<td class="num">[^<]*</td>){4})`).exec(group)![1]!;
        const page = [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((x) => x[1]!.replace('$', ''));
        expect(terminal, `${m} ${label}`).toEqual(page);
        if (terminal.some((t) => /\d\.\d{2}M$/.test(t!) && /^\d\d/.test(t!))) finer++;
      }
    }
    // The case that read two ways: rows that take four digits (20.43M), not only three.
    expect(finer).toBeGreaterThan(0);
  });
});
