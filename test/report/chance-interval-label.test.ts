import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { ROOT } from '../helpers/fixtures.js';
import { runReportScenario, WITH_TARGETS } from './fixture.js';

/**
 * A chance's 95% interval is Wilson's with, at 0 to 3 hits or misses, the exact ends where wider:
 * every output names it so, not "95% Wilson interval" alone (which it was before December 2026,
 * after the exact ends came in).
 */
const NAME = '95% Wilson interval, exact ends at 0 to 3 hits or misses';
/** "Wilson interval" not followed by the exact ends' words: the old, untrue name. */
const UNTRUE = /Wilson interval(?!, exact ends at 0 to 3 hits or misses)/;

describe('a chance’s interval is named truly in every output', () => {
  let summary: Summary;
  let scenario: ReturnType<typeof parseScenario>['scenario'];
  beforeAll(async () => {
    scenario = parseScenario(WITH_TARGETS, 'report-test.yaml').scenario;
    ({ summary } = await runReportScenario(WITH_TARGETS, 200));
  });

  it('report.html: the targets and the monthly plan', () => {
    const html = reportHtml({ summary, scenario, charts: [] });
    expect(html).toContain(`Chance of reaching or beating each target (${NAME})`);
    expect(html).toContain(`in each fiscal month (${NAME})`);
    expect(html).not.toMatch(UNTRUE);
  });

  it('the workbook: the decisions and the monthly plan; summary.json says how', () => {
    const text = JSON.stringify(reportSheets(summary, scenario).map((s) => s.preamble));
    expect(text).toContain(`each, ${NAME})`);
    expect(text).toContain(`plan (${NAME})`);
    expect(text).not.toMatch(UNTRUE);
    expect(summary.monteCarlo.probabilityIntervals).toContain(NAME);
  });

  it('no source file or README writes the old name (the comparison sheets, compare, ...)', () => {
    const files: string[] = [join(ROOT, 'README.md')];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const path = join(dir, f);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(ROOT, 'src'));
    // The fit's logo renewal rate has Wilson's interval itself (src/fit), not a chance of trials.
    const offending = files.filter(
      (f) =>
        !f.includes(join('src', 'fit')) &&
        readFileSync(f, 'utf8')
          .split('\n')
          .some((line) => !line.includes('logo rate') && UNTRUE.test(line)),
    );
    expect(offending).toEqual([]);
  });
});
