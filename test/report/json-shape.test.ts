import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonShapeProblem, MAX_JSON_CONTAINERS, MAX_JSON_DEPTH } from '../../src/scenario/json-shape.js';
import { readReportHeader } from '../../src/report/read-report-trials.js';
import { parsePlanSummary } from '../../src/analysis/plan-summary.js';
import { decodePartHeader, PartFileError } from '../../src/engine/part-format.js';
import { craftPart } from '../helpers/parts.js';

/**
 * JSON that arrcast reads back (a report's summary.json, scenario.json and sipmath.json; a part's
 * header) is refused before JSON.parse when it holds more objects and arrays than any file arrcast
 * writes, or nests deeper: a 64 MB summary.json of `{},{},...` took 2.1 GB and 23 s to refuse.
 */
describe('jsonShapeProblem', () => {
  it('counts objects and arrays, not brackets inside strings, escaped quotes included', () => {
    expect(jsonShapeProblem('{"a":[1,2,{"b":[]}]}', 4)).toBeUndefined();
    expect(jsonShapeProblem('{"a":[1,2,{"b":[]}]}', 3)).toMatch(/^holds more than 3 objects and arrays/);
    expect(jsonShapeProblem('["[[[{{{", "\\"[[[", "\\\\", []]', 2)).toBeUndefined();
    expect(jsonShapeProblem('["\\\\", [], []]', 2)).toMatch(/more than 2 objects/);
  });

  it('counts values by the commas outside strings, when asked for a most', () => {
    expect(jsonShapeProblem('[1,2,3]', 10, 10, 3)).toBeUndefined();
    expect(jsonShapeProblem('[1,2,3,4]', 10, 10, 3)).toBe('holds more than 3 values: more than the file arrcast wrote would');
    expect(jsonShapeProblem('{"a":1,"b":[2,3]}', 10, 10, 3)).toBeUndefined();
    expect(jsonShapeProblem('{"a":1,"b":[2,3],"c":4}', 10, 10, 3)).toMatch(/^holds more than 3 values/);
    expect(jsonShapeProblem('["a,b,c,d,e", "\\\\", ",,,"]', 10, 10, 3)).toBeUndefined();
    expect(jsonShapeProblem(`[${'0,'.repeat(1e6)}0]`)).toBeUndefined();
  });

  it('refuses nesting deeper than the limit, and allows it at the limit', () => {
    const nested = (d: number) => `${'['.repeat(d)}${']'.repeat(d)}`;
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toBe(`nests objects and arrays more than ${MAX_JSON_DEPTH} deep: it is not one arrcast wrote`);
    // Siblings do not add depth.
    expect(jsonShapeProblem(`[${Array(1000).fill('[[]]').join(',')}]`)).toBeUndefined();
  });

  const bomb = `{"x":[${Array(MAX_JSON_CONTAINERS).fill('{}').join(',')}]}`;

  it('a summary.json of a quarter of a million objects is no report: score refuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrcast-json-shape-'));
    try {
      writeFileSync(join(dir, 'summary.json'), bomb);
      await expect(readReportHeader(dir)).rejects.toThrow(`${dir}/summary.json is not an arrcast summary`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nor a --plan summary, saying why', () => {
    expect(() => parsePlanSummary(bomb, 'p/summary.json', { name: 'p', currency: 'USD', fiscalYearStartMonth: 1, confidence: 0.8 })).toThrow(
      `p/summary.json holds more than ${MAX_JSON_CONTAINERS.toLocaleString('en-US')} objects and arrays: it is not one arrcast wrote: --plan names the report directory`,
    );
  });

  it('nor a part whose header is such JSON', () => {
    const part = craftPart(bomb, new Uint8Array(0));
    expect(() => decodePartHeader(part, 'f')).toThrow(PartFileError);
    expect(() => decodePartHeader(part, 'f')).toThrow(`f is corrupt: its header holds more than ${MAX_JSON_CONTAINERS.toLocaleString('en-US')} objects and arrays`);
  });
});
