import { describe, expect, it } from 'vitest';
import { bridgeSteps } from '../../src/report/charts/arr-bridge.js';
import { reportHtml } from '../../src/report/html/report-html.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { runReportScenario, TWO_TIERS } from './fixture.js';

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** A money label ('-$1.43M', '+$25.8M') as its amount and half a unit of its last written digit. */
function parseMoney(text: string): { amount: number; half: number } {
  const m = /^([+-]?)\$(\d+)(?:\.(\d+))?([kMBT]?)$/.exec(text)!;
  const size = UNITS[m[4]!]!;
  const amount = Number(`${m[2]}.${m[3] ?? '0'}`) * size * (m[1] === '-' ? -1 : 1);
  return { amount, half: (0.5 * size) / 10 ** (m[3]?.length ?? 0) };
}

// The ARR bridge writes every bar in one unit at one number of decimals (a bridge is a sum:
// test/report/fixed-money.test.ts), so its ending bar may carry one more decimal than the headline
// row's mean ($144.5M beside $145M). Both must be the same mean rounded, each at its own digits.
describe("the ARR bridge's labels and the tables' figures", () => {
  it('the ending bar and the headline row are the same mean, each rounded to its last digit', async () => {
    const { summary } = await runReportScenario(TWO_TIERS, 500);
    const html = reportHtml({ summary, scenario: parseScenario(TWO_TIERS, 'plan.yaml').scenario, charts: [], files: [] });
    const rest = html.slice(html.indexOf('<caption>Next fiscal year'));
    const headline = /<th scope="row"[^>]*>Ending ARR<\/th><td class="num">([^<]*)<\/td>/.exec(rest)![1]!;
    const mean = summary.metrics.endingArr.mean;
    const steps = bridgeSteps(summary, '$');
    for (const text of [headline, steps.at(-1)!.text]) {
      const { amount, half } = parseMoney(text);
      expect(Math.abs(amount - mean), text).toBeLessThanOrEqual(half * (1 + 1e-9));
    }
    // Each step is its own mean rounded at the bridge's one decimal place.
    for (const s of steps) {
      const { amount, half } = parseMoney(s.text);
      expect(Math.abs(amount - s.amount), s.label).toBeLessThanOrEqual(half * (1 + 1e-9));
    }
  });
});
