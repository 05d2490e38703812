import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes.js';
import { ROOT } from '../helpers/fixtures.js';
import { runCliWith } from '../helpers/in-process-cli.js';

/**
 * `actuals-month-in-future` end to end: `run --actuals` with closed months dated after today prints
 * the warning and summary.json carries it. Today is the CLI's injectable clock (buildProgram's
 * `clock`), fixed here: on 2026-12-07 the months 2027-02 and 2027-03 of FY2027 (starting February)
 * have not happened; on 2027-08-01 they have, and no warning is given (which also shows the CLI
 * reads the clock it is given, not the machine's).
 */
describe('run --actuals with closed months dated after today', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-future-months-'));
  const plan = join(dir, 'plan.yaml');
  writeFileSync(plan, readFileSync(join(ROOT, 'scenarios/example.yaml'), 'utf8').replace('seed: 7\n', 'seed: 7\nfiscalYear: 2027\n'));
  // The example's first two closed months, dated: fiscal month 1 of FY2027 is 2027-02.
  const rows = readFileSync(join(ROOT, 'scenarios/example-actuals.csv'), 'utf8').trim().split('\n');
  const dated = rows.slice(1).flatMap((r) => (r.startsWith('1,') ? [`2027-02${r.slice(1)}`] : r.startsWith('2,') ? [`2027-03${r.slice(1)}`] : []));
  const actuals = join(dir, 'actuals.csv');
  writeFileSync(actuals, `${[rows[0], ...dated].join('\n')}\n`);
  const run = async (today: string, out: string) => {
    const r = await runCliWith(['run', plan, '--actuals', actuals, '-n', '200', '-w', '0', '--outputs', 'summary', '--out', join(dir, out)], undefined, () => new Date(today));
    const summary = JSON.parse(readFileSync(join(dir, out, 'summary.json'), 'utf8')) as { warnings: { code: string; file?: string; line?: number; message: string }[] };
    return { ...r, future: summary.warnings.filter((w) => w.code === 'actuals-month-in-future') };
  };

  it('prints the warning at the first future row and summary.json carries it', async () => {
    const r = await run('2026-12-07T09:00:00Z', 'before');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain(`arrcast: warning [actuals-month-in-future] ${actuals}:2:1 month: month 2027-02 is after today (2026-12-07): the closed months 2027-02 to 2027-03 (2 months) have not happened yet`);
    expect(r.future.map((w) => [w.file, w.line])).toEqual([[actuals, 2]]);
    expect(r.future[0]!.message).toContain('after today (2026-12-07)');
  });

  it('gives none once the months have come', async () => {
    const r = await run('2027-08-01T00:00:00Z', 'after');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).not.toContain('actuals-month-in-future');
    expect(r.future).toEqual([]);
  });
});
