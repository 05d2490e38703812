import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/** Columns a terminal gives the test's strings, counted here on its own: CJK ideographs and kana 2, the rest 1. */
const columns = (s: string) => [...s].reduce((w, c) => w + (/[\u3040-\u30ff\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);

/** score's table padded cells by string length: a report directory named in CJK pushed its row's later columns left. */
describe("score's table with a report directory named in CJK", () => {
  it('starts the tier column at one display column in every row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-score-wide-'));
    const reports = [join(dir, '中小企業の予測'), join(dir, 'plain')];
    // Two forecasts (each plan its own renewal rate; another seed alone is the same forecast): a row for every report refuses one forecast in two reports.
    for (const [i, report] of reports.entries()) {
      writeFileSync(join(dir, `plan${i}.yaml`), `name: Named\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: ${0.9 - i / 20} }\n`);
      const r = await runCli('run', join(dir, `plan${i}.yaml`), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
      expect(r.code).toBe(0);
    }
    writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,11000000\n');
    const s = await runCli('score', ...reports, '--actuals', join(dir, 'outcomes.csv'));
    expect(s.code).toBe(0);
    const rows = s.out.split('\n\n')[0]!.split('\n');
    expect(rows).toHaveLength(3);
    const at = (row: string, word: string) => columns(row.slice(0, row.indexOf(word)));
    expect(at(rows[1]!, 'total')).toBe(at(rows[2]!, 'total'));
    expect(at(rows[0]!, 'tier')).toBe(at(rows[1]!, 'total'));
    expect(columns(rows[1]!)).toBe(columns(rows[2]!));
  });
});
