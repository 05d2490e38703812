import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * score's table printed each report directory as given, raw: a directory named `p<LF>wrote q` split
 * its rows in two (`p`, then `wrote q  total  revenue ...`), and an escape sequence in it was
 * escaped only after the columns were measured, so the rows no longer lined up. Every cell is now
 * made printable before the widths are taken.
 */
describe("score's table with report directories named with control characters", () => {
  it('shows them as \\u{..}, one row per outcome, every row as wide as the header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-score-names-'));
    const reports = [join(dir, 'p\nwrote q'), join(dir, 'red\x1b[31m')];
    // Two forecasts (each plan its own renewal rate; another seed alone is the same forecast): a row for every report refuses one forecast in two reports.
    for (const [i, report] of reports.entries()) {
      writeFileSync(join(dir, `plan${i}.yaml`), `name: Named\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: ${0.9 - i / 20} }\n`);
      const r = await runCli('run', join(dir, `plan${i}.yaml`), '--trials', '40', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
      expect(r.code).toBe(0);
    }
    writeFileSync(join(dir, 'outcomes.csv'), 'tier,metric,value\ntotal,revenue,11000000\n');
    const s = await runCli('score', ...reports, '--actuals', join(dir, 'outcomes.csv'));
    expect(s.err).toBe('');
    expect(s.code).toBe(0);
    const rows = s.out.split('\n\n')[0]!.split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('p\\u{a}wrote q');
    expect(rows[2]).toContain('red\\u{1b}[31m');
    expect(new Set(rows.map((r) => r.indexOf('total')))).toEqual(new Set([-1, rows[1]!.indexOf('total')]));
    expect(rows[1]!.indexOf('total')).toBe(rows[2]!.indexOf('total'));
    expect(rows[0]!.indexOf('tier')).toBe(rows[1]!.indexOf('total'));
  });
});
