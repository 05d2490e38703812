import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/in-process-cli.js';

/**
 * One command per CSV reader, given a cell as a spreadsheet exports it (test/scenario/export-forms.test.ts
 * has the full table, in process): exit 2, the file, its line and column, what to write, no stack
 * trace and nothing written. In process (runCli), no child process.
 */
let dir: string;
let report: string;
const STACK = /\n\s+at /;

/** `text` with line `line` (1-based) changed by `edit`. */
const onLine = (text: string, line: number, edit: (l: string) => string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? edit(l) : l))
    .join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-export-forms-'));
  cpSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  const s = join(dir, 'scenarios');
  const customers = readFileSync(join(s, 'data/hybrid-customers.csv'), 'utf8');
  writeFileSync(join(s, 'data/hybrid-customers.csv'), onLine(customers, 2, (l) => l.replace(/^([^,]*,[^,]*,)[^,]*/, '$1"41,800"')));
  const pipeline = readFileSync(join(s, 'data/hybrid-pipeline.csv'), 'utf8');
  writeFileSync(join(s, 'pipeline-bad.csv'), onLine(pipeline, 2, (l) => l.replace(/,[^,]*$/, ',6/15/2027')));
  const actuals = readFileSync(join(s, 'example-actuals.csv'), 'utf8');
  writeFileSync(join(s, 'actuals-title.csv'), `Actuals FY2026,,\n${actuals}`);
  writeFileSync(join(s, 'actuals-bad.csv'), onLine(actuals, 2, (l) => l.replace(/^1,/, '46053,')));
  const history = readFileSync(join(s, 'example-history.csv'), 'utf8');
  writeFileSync(join(s, 'history-bad.csv'), onLine(history, 2, (l) => l.replace(/^2025-02,/, 'Feb-2025,')));
  writeFileSync(join(s, 'deals-bad.csv'), 'close_month,tier,amount\n2025-03,SMB,"(9,000)"\n');
  writeFileSync(join(s, 'renewals-bad.csv'), 'id,tier,arr,renewed\nc1,SMB,"1.234,56 €",1\n');
  writeFileSync(join(s, 'outcomes-bad.csv'), 'tier,metric,value\ntotal,revenue,"$11,000,000"\n');
  writeFileSync(join(dir, 'plan.yaml'), 'name: Export forms\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n');
  report = join(dir, 'report');
  const r = await runCli('run', join(dir, 'plan.yaml'), '--trials', '20', '--workers', '0', '--quiet', '--no-progress', '--out', report, '--outputs', 'summary,trials');
  if (r.code !== 0) throw new Error(r.err);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('each CSV reader, from the command line, refuses a cell as exports write it: exit 2, file:line:column, what to write', () => {
  const s = () => join(dir, 'scenarios');
  it.each<[string, () => string[], string, string]>([
    ['customer book (validate)', () => ['validate', join(s(), 'hybrid-company.yaml')], 'data/hybrid-customers.csv:2:21 arr: "41,800": has a comma that is a thousands separator or a decimal comma; write 41800 (a thousands separator) or 41.8 (a decimal comma), whichever it is', ''],
    ['actuals (run --actuals)', () => ['run', join(s(), 'example.yaml'), '--actuals', join(s(), 'actuals-bad.csv'), '--trials', '20', '--workers', '0', '--no-progress', '--out', join(dir, 'never')], 'actuals-bad.csv:2:1 month: 46053 looks like an Excel date serial number (2026-01-31): format the column as dates written yyyy-mm-dd before saving, or write 2026-01', 'never'],
    ['history (fit)', () => ['fit', join(s(), 'history-bad.csv'), '--out', join(dir, 'fitted.yaml')], 'history-bad.csv:2:1 month: "Feb-2025": write dates as YYYY-MM or YYYY-MM-DD: 2025-02', 'fitted.yaml'],
    ['deals (fit --deals)', () => ['fit', join(s(), 'example-history.csv'), '--deals', join(s(), 'deals-bad.csv'), '--out', join(dir, 'fitted.yaml')], 'deals-bad.csv:2:13 amount: "(9,000)" reads -9000 or -9 (an accounting negative; has a comma that is a thousands separator or a decimal comma): must be above 0, got -9000', 'fitted.yaml'],
    ['renewal outcomes (fit --customers)', () => ['fit', join(s(), 'example-history.csv'), '--customers', join(s(), 'renewals-bad.csv'), '--out', join(dir, 'fitted.yaml')], 'renewals-bad.csv:2:8 arr: "1.234,56 €": no currency signs or codes; is written the European way (a point between thousands, a decimal comma); write 1234.56', 'fitted.yaml'],
    ['outcomes (score)', () => ['score', report, '--actuals', join(s(), 'outcomes-bad.csv'), '--out', join(dir, 'score')], 'outcomes-bad.csv:2:15 value: "$11,000,000": no currency signs or codes; has thousands separators; write 11000000', 'score'],
    // Told apart from an outcomes file by its header past the title row (before: outcomes-format errors).
    ['monthly actuals under a title row (score --actuals)', () => ['score', report, '--actuals', join(s(), 'actuals-title.csv'), '--out', join(dir, 'score')], 'actuals-title.csv:1:1 the header row must come first, and line 2 looks like it', 'score'],
  ])('%s', async (_, args, message, output) => {
    const r = await runCli(...args());
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(STACK);
    if (output !== '') expect(existsSync(join(dir, output))).toBe(false);
  });

  it('pipeline (validate): a US date is refused with the ISO form', async () => {
    const yaml = readFileSync(join(s(), 'hybrid-company.yaml'), 'utf8').replace('data/hybrid-pipeline.csv', 'pipeline-bad.csv');
    writeFileSync(join(s(), 'pipeline-bad.yaml'), yaml);
    writeFileSync(join(s(), 'data/hybrid-customers.csv'), readFileSync(join(ROOT, 'scenarios/data/hybrid-customers.csv')));
    const r = await runCli('validate', join(s(), 'pipeline-bad.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('pipeline-bad.csv:2:38 close_month: "6/15/2027": write dates as YYYY-MM or YYYY-MM-DD: 2027-06-15');
    expect(r.err).not.toMatch(STACK);
  });
});
