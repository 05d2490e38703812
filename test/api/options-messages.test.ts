import { describe as group, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkOptions } from '../../src/engine/options-schema.js';
import { shardOptionsSchema, simulateOptionsSchema } from '../../src/engine/simulate-options.js';
import { engineOptionsSchema } from '../../src/engine/engine-options.js';
import { mergeOptionsSchema } from '../../src/engine/merge-options.js';
import { partWriteOptionsSchema } from '../../src/engine/part-write-options.js';
import { summaryOptionsSchema } from '../../src/analysis/summary-options.js';
import { sessionOptionsSchema } from '../../src/studio/session-options.js';
import { RunOptionError } from '../../src/engine/errors.js';

/**
 * A sweep of the options' schemas (engine/options-schema.ts): every key of each, given values of
 * every wrong kind (and lists and objects holding them), is refused in arrcast's own words. zod's
 * default English ("Invalid input: expected string, received number", "Too small: ...") names
 * neither the option nor what it must be: keepApart: [1] said it before this sweep. No run: the
 * schemas are checked alone, as each function checks them before any work.
 */
const SCHEMAS: ReadonlyArray<readonly [string, z.ZodObject, Record<string, unknown>]> = [
  ['simulate', simulateOptionsSchema, {}],
  ['simulateShard', shardOptionsSchema, { shard: { index: 0, count: 2 } }],
  ['createEngine', engineOptionsSchema, {}],
  ['summarize', summaryOptionsSchema, {}],
  ['mergeParts', mergeOptionsSchema, {}],
  ['writePartFile', partWriteOptionsSchema, {}],
  ['StudioSession', sessionOptionsSchema, {}],
];
const WRONG: readonly unknown[] = [null, 'x', '', true, NaN, -1, 0, 1.5, Infinity, -Infinity, 2 ** 60, [], [1], [null, 'a'], {}, { a: 1 }, () => 0, Symbol('s'), 10n];
// Inside the fields that are objects: each field wrong, and a key they do not take.
const NESTED: readonly unknown[] = [...WRONG.map((v) => ({ trials: v, call: () => 0 })), ...WRONG.map((v) => ({ trials: 1, call: v })), ...WRONG.map((v) => ({ index: v, count: 2 })), ...WRONG.map((v) => ({ index: 0, count: v })), { trials: 1 }, { count: 2 }, { index: 0, count: 2, idx: 1 }];
const DEFAULT_ENGLISH = /Invalid input|Invalid option|Too (small|big)|expected [a-z]+, received|Unrecognized key|Invalid (string|number|element)/;

group("options refused in arrcast's words, never zod's default English", () => {
  it.each(SCHEMAS.map(([fn], i) => [fn, i] as const))('%s: every key, every wrong kind', (_fn, i) => {
    const [fn, schema, base] = SCHEMAS[i]!;
    let refusals = 0;
    for (const key of Object.keys(schema.shape))
      for (const value of key === 'shard' || key === 'onLeadingTrials' ? [...WRONG, ...NESTED] : WRONG) {
        try {
          checkOptions(fn, schema, { ...base, [key]: value });
          continue;
        } catch (err) {
          expect(err).toBeInstanceOf(RunOptionError);
          refusals++;
          for (const issue of (err as RunOptionError).issues) expect(issue.message, `${fn} ${key}: ${String(value as never)}`).not.toMatch(DEFAULT_ENGLISH);
          expect((err as RunOptionError).message).not.toMatch(DEFAULT_ENGLISH);
        }
      }
    // The sweep refused something of every schema (it is not vacuous).
    expect(refusals).toBeGreaterThan(Object.keys(schema.shape).length);
  });
});
