import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';
import { parse } from 'yaml';
import { parseMonthlyFile } from '../../src/actuals/read-monthly-file.js';
import { fitHistory } from '../../src/fit/fit-history.js';
import { fittedScenarioText } from '../../src/fit/scenario-text.js';

/**
 * The opening book is the history's last ending_arr: a fact, not an estimate. It was written to
 * five significant digits (ending_arr 33,734,260 became openingArr: 33734000, 260 of ARR gone;
 * 1,234,567,891 lost 32,109) while fit's terminal line said 33734260: two outputs, two numbers.
 */
function fittedOpening(lastEnding: number): unknown {
  const rows = Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000,100000,${k === 11 ? lastEnding : 1000000}`);
  const fit = fitHistory({ history: parseMonthlyFile(`month,tier,due_arr,renewed_arr,ending_arr\n${rows.join('\n')}\n`, 'h.csv', { kind: 'history' }) });
  const scenario = parse(fittedScenarioText(fit)) as { tiers: Array<{ existing: { openingArr: unknown } }> };
  return scenario.tiers[0]!.existing.openingArr;
}

describe('fit writes the opening ARR as the history gives it', () => {
  it.each([33_734_260, 1_234_567_891, 71_702_020.5, 999_999_999_999])('ending_arr %d', (ending) => {
    expect(fittedOpening(ending)).toBe(ending);
  });
});

describe('fit prints the opening ARR it writes', () => {
  // ending_arr 20,000,000.57: the file wrote 20000000.57, the terminal line 'opening ARR 20000001'.
  it('the terminal line and the file say the same number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-fit-opening-'));
    try {
      const rows = Array.from({ length: 12 }, (_, k) => `${k + 1},SMB,1000000,900000,${k === 11 ? '20000000.57' : 20000000}`);
      writeFileSync(join(dir, 'h.csv'), `month,tier,due_arr,renewed_arr,ending_arr\n${rows.join('\n')}\n`);
      const r = await runCli('fit', join(dir, 'h.csv'), '--out', join(dir, 'f.yaml'));
      expect(r.code).toBe(0);
      // In groups of three (it printed 'opening ARR 33734260, ...'), the same digits.
      expect(r.out).toContain('opening ARR 20,000,000.57,');
      expect(readFileSync(join(dir, 'f.yaml'), 'utf8')).toContain('openingArr: 20000000.57 #');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
