import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summarize.js';
import { summaryTable } from '../../src/report/summary-table.js';
import { downsideSection } from '../../src/report/html/downside-section.js';
import { reportSheets } from '../../src/report/xlsx/workbook.js';
import { tornadoSpec } from '../../src/report/charts/tornado.js';
import { chartContext } from '../../src/report/charts/chart-context.js';
import { answerOf } from '../../src/studio/answer.js';
import { run } from '../helpers/fixtures.js';

/**
 * Shares of independent inputs add up to at most 100% (Var(E[Y | X1]) + Var(E[Y | X2]) <= Var(Y)),
 * but from a few dozen trials each is estimated with a wide interval, and their sum can come out far
 * past 100%: at 12 trials (seed 1) the market and conversion read 93% and 98%, luck -91%. The terminal
 * printed that remainder with no word, where a negative driver's share gets one.
 */
const YAML = `name: few trials
market:
  loadings:
    leads: 0.3
tiers:
  - name: T
    newBusiness:
      leadsPerMonth: { dist: poisson, mean: 400 }
      conversion: { dist: beta, mean: 0.05, sd: 0.01 }
      acv: 10000
`;

const NOTE =
  "Luck and interactions below 0: the shares add up to more than 100%, by chance at 12 trials (independent inputs' shares add up to at most 100%; each interval says how far a share may be off).";

describe('every place that writes luck when the shares add up past 100%', () => {
  it('says the remainder below 0 is chance at so few trials', async () => {
    const sim = await run(YAML, 12, 1);
    const summary = summarize(sim);
    const s = summary.sensitivity;
    expect(s.unexplained.value!).toBeLessThan(0);
    expect(s.drivers.reduce((a, d) => a + d.varianceShare!, 0)).toBeGreaterThan(1);
    const text = summaryTable(summary);
    expect(text).toMatch(/Unit-level luck and interactions +-\d/);
    expect(text).toContain(NOTE);
    // report.html, beside "the rest is deal-by-deal luck and interactions (-91.1%)".
    const html = downsideSection(summary);
    expect(html).toMatch(/luck and interactions \(-\d/);
    expect(html).toContain(`<p class="note">${NOTE.replaceAll("'", '&#39;')}</p>`);
    // report.xlsx's Attribution preamble, the line after the one giving luck's share.
    const preamble = reportSheets(summary, sim.loaded.scenario).find((x) => x.name === 'Attribution')!.preamble!;
    const luckLine = preamble.findIndex((l) => /Unexplained \(unit-level luck and interactions\): -\d/.test(l));
    expect(luckLine).toBeGreaterThanOrEqual(0);
    expect(preamble[luckLine + 1]).toBe(NOTE);
    // The tornado's caption: the same words, wrapped as its other lines.
    const subtitle = (tornadoSpec(summary, chartContext(summary))!.title as { subtitle: string[] }).subtitle;
    expect(subtitle.join(' ')).toContain(NOTE);
    // No line wider than the caption's own line giving luck's share (the renderer sizes the chart by its lines).
    const luckCaption = subtitle.find((l) => l.startsWith('unit-level luck and interactions: -'))!;
    expect(Math.max(...subtitle.map((l) => l.length))).toBe(luckCaption.length);
    // The studio's answer, which its page writes under luck's row.
    const answer = answerOf(sim, 0.9, sim);
    expect(answer.attribution.unexplained!.text).toMatch(/^-\d/);
    expect(answer.attribution.unexplainedNote).toBe(NOTE);
  });

  it('says nothing of it when luck is not below 0', async () => {
    const sim = await run(YAML, 400, 1);
    const summary = summarize(sim);
    expect(summary.sensitivity.unexplained.value!).toBeGreaterThan(0);
    expect(summaryTable(summary)).not.toContain('below 0: the shares');
    expect(downsideSection(summary)).not.toContain('below 0: the shares');
    expect(reportSheets(summary, sim.loaded.scenario).find((x) => x.name === 'Attribution')!.preamble!.join(' ')).not.toContain('below 0: the shares');
    expect(answerOf(sim, 0.9, sim).attribution.unexplainedNote).toBeUndefined();
  });
});
