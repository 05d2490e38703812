import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { compareSimulations } from '../../src/analysis/compare.js';
import { writeComparison } from '../../src/cli/write-comparison.js';
import { writeReport } from '../../src/report/write-report.js';
import { TWO_TIERS, runReportScenario } from './fixture.js';

/**
 * A run of one trial is '1 simulated year', not '1 simulated years', in every file a reader opens:
 * report.html, report.xlsx, the charts, comparison.html and comparison.xlsx.
 */

/** The text of every entry of a zip (xlsx) archive: stored or deflated, read from its local headers. */
function zipText(file: string): string {
  const buf = readFileSync(file);
  const parts: string[] = [];
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const start = at + 30 + nameLength + extra;
    const data = buf.subarray(start, start + size);
    parts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at = start + size;
  }
  expect(parts.length).toBeGreaterThan(3);
  return parts.join('\n');
}

/** Every text file of a written directory (charts/ included), and the xlsx files' contents. */
function allText(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    texts.set(path, entry.name.endsWith('.xlsx') ? zipText(path) : readFileSync(path, 'utf8'));
  }
  return texts;
}

const plural = /(?<![\d,])1 simulated (fiscal )?years/;

describe('one trial', () => {
  it('is "1 simulated year" in report.html, report.xlsx and the charts', async () => {
    const { sim, summary } = await runReportScenario(TWO_TIERS, 1);
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-one-trial-')), 'report');
    await writeReport(out, sim, summary);
    const texts = allText(out);
    for (const [path, text] of texts) expect(plural.exec(text)?.[0], path).toBeUndefined();
    expect(texts.get(join(out, 'report.html'))).toContain('1 simulated fiscal year<');
    expect(texts.get(join(out, 'report.html'))).toContain('1 simulated year.');
    expect(texts.get(join(out, 'report.xlsx'))).toContain('1 simulated year, seed');
    expect(texts.get(join(out, 'charts', 'monthly-fan.vl.json'))).toContain('1 simulated year.');
  });

  it('is "1 simulated year per scenario" in comparison.html and comparison.xlsx', async () => {
    const downside = TWO_TIERS.replace('name: Report test Co', 'name: Report test downside').concat('stress: { renewal: -0.03 }\n');
    const sims = [
      await simulate(parseScenario(TWO_TIERS, 'plan.yaml'), { trials: 1, seed: '5', workers: 0 }),
      await simulate(parseScenario(downside, 'downside.yaml'), { trials: 1, seed: '5', workers: 0 }),
    ];
    const out = join(mkdtempSync(join(tmpdir(), 'arrcast-one-trial-')), 'cmp');
    await writeComparison(out, compareSimulations(sims), sims);
    const texts = allText(out);
    for (const [path, text] of texts) expect(plural.exec(text)?.[0], path).toBeUndefined();
    expect(texts.get(join(out, 'comparison.html'))).toContain('1 simulated year per scenario');
    expect(texts.get(join(out, 'comparison.xlsx'))).toContain('1 simulated year per scenario');
  });
});
