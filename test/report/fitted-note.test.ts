import { describe, expect, it } from 'vitest';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { forecastHash } from '../../src/scenario/forecast-hash.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { runReportScenario } from './fixture.js';

// A scenario `arrcast fit` wrote echoes its fitted values in Assumptions "as the scenario states it",
// as a planner's typed figures are: the provenance was in YAML comments only, which the loader drops.
// fit now writes `fittedFrom`, kept by the loader, and report.html and report.xlsx say the drivers are estimates.
const rows = Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000,930000,${1_000_000 + 1000 * k}`);
const fitted = fittedScenarioText(fitHistory({ history: parseMonthlyFile(`month,tier,due_arr,renewed_arr,ending_arr\n${rows.join('\n')}\n`, 'history.csv', { kind: 'history' }) }));

describe('a fitted scenario is marked as estimates, not typed figures', () => {
  it('fit writes fittedFrom; report.html and report.xlsx carry the note, a typed scenario none', async () => {
    const loaded = parseScenario(fitted, 'fitted.yaml');
    expect(loaded.scenario.fittedFrom).toBe('history.csv (12 months, month 1 to month 12)');
    const { summary } = await runReportScenario(fitted, 50);
    const note = 'Fitted by arrcast fit from history.csv (12 months, month 1 to month 12): its opening ARR and, where the history has them, renewal, contraction and expansion, leads, conversion and deal size are estimates from that history';
    // What fit does not estimate (its own header's "not fitted" list, and the customer count) is named as its placeholders, not as estimates.
    const placeholders = 'its sales cycles, price uplift, the split of contraction and expansion into probability and size, new-customer expansion, the market factor and the customer counts are placeholders arrcast fit writes, not estimates, to be set before planning';
    expect(fitted).toMatch(/# Not in monthly totals, so not fitted: sales cycles .*price uplift, the split of contraction\n# and expansion into probability and size .*\n# new-customer expansion, and the market factor/);
    expect(reportHtml({ summary, scenario: loaded.scenario, charts: [], files: [] })).toContain(placeholders);
    expect(reportHtml({ summary, scenario: loaded.scenario, charts: [], files: [] })).not.toContain('the drivers below are estimates');
    expect(reportHtml({ summary, scenario: loaded.scenario, charts: [], files: [] })).toContain(note);
    const sheet = reportSheets(summary, loaded.scenario).find((s) => s.name === 'Assumptions')!;
    expect(sheet.preamble.some((l) => l.startsWith(note))).toBe(true);
    // Without it (the planner deleted the line once the values were theirs): no note.
    const typed = parseScenario(fitted.replace(/^fittedFrom:.*\n/m, ''), 'typed.yaml');
    expect(typed.scenario.fittedFrom).toBeUndefined();
    expect(reportHtml({ summary, scenario: typed.scenario, charts: [], files: [] })).not.toContain('Fitted by arrcast fit');
    expect(reportSheets(summary, typed.scenario).find((s) => s.name === 'Assumptions')!.preamble).toHaveLength(1);
    // Words about the file, not the law: the forecast is the same one.
    expect(forecastHash({ scenario: loaded.scenario, files: loaded.files ?? {} } as never)).toBe(forecastHash({ scenario: typed.scenario, files: typed.files ?? {} } as never));
  });
});
