import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/analysis/summarize.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runReportScenario, WITH_TARGETS } from './fixture.js';

// report.xlsx wrote what must be true in the terminal's figures ("P50 now 118.8M") on its Attribution
// sheet, under its Summary sheet's paragraph in report.html's ("most likely about $119M (P50)"): one
// figure read two ways in one workbook.
describe("report.xlsx's what must be true reads as its own paragraph and report.html", () => {
  let summary: Summary;
  let sheets: ReturnType<typeof reportSheets>;
  let html: string;
  beforeAll(async () => {
    ({ summary } = await runReportScenario(WITH_TARGETS, 1000));
    const scenario = parseScenario(WITH_TARGETS, 'report-test.yaml').scenario;
    sheets = reportSheets(summary, scenario);
    html = reportHtml({ summary, scenario, charts: [], files: [] });
  });

  it('the Attribution sheet holds report.html\'s lines, and their P50 is the paragraph\'s', () => {
    const lines = sheets.find((x) => x.name === 'Attribution')!.preamble.filter((l) => l.includes('to be the median outcome'));
    expect(lines.length).toBeGreaterThan(0);
    const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const htmlLines = [...html.matchAll(/<li>([^<]*to be the median outcome[^<]*)<\/li>/g)].map((m) => unescape(m[1]!));
    expect(lines).toEqual(htmlLines);
    const paragraph = sheets.find((x) => x.name === 'Summary')!.preamble.find((l) => l.includes('(P50)'))!;
    const p50 = /most likely about (\S+) \(P50\)/.exec(paragraph)![1];
    expect(p50).toMatch(/^\$\d/);
    // The company-wide revenue target's line (the first target): its P50 is the paragraph's.
    const revenueLine = lines.find((l) => l.startsWith(`For ${summary.decisions.targets[0]!.label} `))!;
    expect(revenueLine).toContain(`(P50 now ${p50})`);
  });
});
