import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { STARTER_SCENARIO } from '../../src/scenario/starter.js';
import { simulate } from '../../src/engine/simulate.js';
import { summarize } from '../../src/analysis/summarize.js';
import { ROOT } from '../helpers/fixtures.js';

const dir = `${ROOT}scenarios/`;
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('every scenario in scenarios/', () => {
  it('there is at least the example', () => {
    expect(files).toContain('example.yaml');
  });

  it.each(files)('%s validates, runs, gives finite results, and is not mutated by loading', async (file) => {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const before = parse(text);
    const snapshot = structuredClone(before);
    const loaded = await loadScenario(`${dir}${file}`);
    expect(before).toEqual(snapshot);
    const summary = summarize(await simulate(loaded, { trials: 1_200, workers: 0 }));
    for (const m of ['revenue', 'bookings', 'endingArr'] as const) {
      expect(Number.isFinite(summary.metrics[m].mean)).toBe(true);
      expect(summary.metrics[m].percentiles.p10).toBeLessThanOrEqual(summary.metrics[m].percentiles.p90);
    }
  });

  it('point editors at the committed JSON Schema, which matches the one generated from the code', () => {
    const committed = JSON.parse(readFileSync(`${dir}schema/arrcast.schema.json`, 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
    for (const file of files.filter((f) => f.endsWith('.yaml'))) expect(readFileSync(`${dir}${file}`, 'utf8')).toMatch(/yaml-language-server: \$schema=\.\/schema\/arrcast\.schema\.json/);
  });
});

describe('the starter scenario of arrcast init', () => {
  it('validates and runs', async () => {
    const loaded = parseScenario(STARTER_SCENARIO, 'starter.yaml');
    const summary = summarize(await simulate(loaded, { trials: 500, workers: 0 }));
    expect(summary.metrics.revenue.mean).toBeGreaterThan(0);
  });
});

describe('the JSON Schema', () => {
  it('describes the distributions once, by reference, and requires name and tiers', () => {
    const schema = scenarioJsonSchema() as { required?: string[]; $defs?: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'tiers']));
    expect(Object.keys(schema.$defs ?? {})).toContain('Distribution');
  });
});
