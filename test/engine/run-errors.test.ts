import { describe, expect, it } from 'vitest';
import { ModelLimitError } from '../../src/model/model-limit-error.js';
import { planScenario } from '../../src/model/scenario-plan.js';
import { simulateChunk } from '../../src/model/simulate-chunk.js';
import { COMPONENTS, METRICS } from '../../src/model/components.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { checkChunk, checkChunkFinite } from '../../src/engine/chunk-guard.js';
import { chunkFailure, fromTransferable, toTransferable } from '../../src/engine/run-errors.js';
import { MetalogFitError } from '../../src/math/metalog.js';
import { ChunkFailedError } from '../../src/engine/errors.js';
import { injectFault, parseFault } from '../../src/engine/fault-injection.js';
import { scenarioFrom } from '../helpers/fixtures.js';

const TWO_TIERS = `name: Two
tiers:
  - name: SMB
    newBusiness: { leadsPerMonth: 50, conversion: 0.1, acv: 1000 }
  - name: Enterprise
    existing:
      openingArr: 1000000
      customers: 10
      renewalRate: 0.9
      expansion: { probability: 0.2, size: 0.3 }
`;
const loaded = scenarioFrom(TWO_TIERS, 'two.yaml');
const plan = planScenario(loaded.scenario);
const spec = { index: 2, offset: 2000, trials: 50 };
const chunk = () => simulateChunk(plan, '1', 2, 50);

describe('errors keep their meaning across the worker boundary (structured clone)', () => {
  it('a ModelLimitError crosses as an Error with a cause and is rebuilt with its tier and field', () => {
    const err = new ModelLimitError('Enterprise', ['existing', 'customers'], 'Enterprise: too many');
    // What piscina does to a worker's error: structured clone. The class and own fields are lost...
    expect(structuredClone(err)).not.toBeInstanceOf(ModelLimitError);
    // ...so the worker sends it transferable, and the main thread rebuilds it.
    const rebuilt = fromTransferable(structuredClone(toTransferable(err)));
    expect(rebuilt).toBeInstanceOf(ModelLimitError);
    expect(rebuilt).toMatchObject({ tier: 'Enterprise', field: ['existing', 'customers'], message: 'Enterprise: too many' });
  });

  it.each([
    ['MetalogFitError', () => new MetalogFitError('points', 'a metalog takes at most 16 quantiles; got 17'), { reason: 'points' }],
    ['ScenarioError', () => new ScenarioError('plan.yaml', [{ path: ['tiers', 0, 'acv'], message: 'must be above 0', line: 7, column: 3 }]), { source: 'plan.yaml', issues: [{ path: ['tiers', 0, 'acv'], message: 'must be above 0', line: 7, column: 3 }] }],
  ] as const)('a %s crosses and is rebuilt as its class with its fields and message', (name, make, fields) => {
    const err = make();
    // Without the transfer, structured clone keeps neither the class nor the fields.
    expect(structuredClone(err)).not.toBeInstanceOf(err.constructor);
    const rebuilt = fromTransferable(structuredClone(toTransferable(err))) as Error;
    expect(rebuilt).toBeInstanceOf(err.constructor);
    expect(rebuilt.name).toBe(name);
    expect(rebuilt.message).toBe(err.message);
    expect(rebuilt).toMatchObject(fields);
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(err).sort());
  });

  it('other errors cross as they are (message kept)', () => {
    const err = new TypeError('boom');
    expect(toTransferable(err)).toBe(err);
    expect((fromTransferable(structuredClone(err)) as Error).message).toBe('boom');
  });

  it('chunkFailure: a model limit is a ScenarioError at the field and its line; anything else a ChunkFailedError naming the chunk, trials from 1', () => {
    const limit = chunkFailure(loaded, plan, spec, structuredClone(toTransferable(new ModelLimitError('Enterprise', ['existing', 'customers'], 'too many'))));
    expect(limit).toBeInstanceOf(ScenarioError);
    expect(limit.message).toBe('two.yaml:8:18 tiers[1].existing.customers: cannot be simulated: too many');
    const crash = chunkFailure(loaded, plan, spec, new Error('worker exited with code: 3'));
    expect(crash).toBeInstanceOf(ChunkFailedError);
    expect(crash.message).toBe('chunk 2 (trials 2,001 to 2,050) failed: worker exited with code: 3');
  });
});

describe('checkChunkFinite: a chunk with a value that is not finite stops the run, naming the tier and the drivers', () => {
  it('passes a normal chunk', () => {
    expect(() => checkChunkFinite(plan, chunk())).not.toThrow();
  });

  it('a tier component sum that is NaN or infinite', () => {
    const result = chunk();
    const c = COMPONENTS.indexOf('existingExpansion');
    result.componentSums[(1 * METRICS.length + METRICS.indexOf('endingArr')) * COMPONENTS.length + c] = Number.POSITIVE_INFINITY;
    expect(() => checkChunkFinite(plan, result)).toThrow(
      new ModelLimitError('Enterprise', ['existing', 'expansion', 'size'], 'Enterprise: Ending ARR from existing expansion is Infinity in trials 2,001 to 2,050, from values too large to add up; check existing.expansion.size'),
    );
    // In a run: a ScenarioError at that field, with its line.
    expect(() => checkChunk(loaded, plan, spec, result)).toThrow(
      'two.yaml:10:44 tiers[1].existing.expansion.size: cannot be simulated: Enterprise: Ending ARR from existing expansion is Infinity in trials 2,001 to 2,050, from values too large to add up; check existing.expansion.size',
    );
  });

  it('a float32 breakdown that overflowed (the sums being finite)', () => {
    const result = chunk();
    const narrowColumns = plan.layout.columns.filter((col) => col.precision === 'f32');
    const k = narrowColumns.findIndex((col) => col.key === 'tier.SMB.revenue');
    result.narrow[k * 50 + 7] = Number.POSITIVE_INFINITY;
    expect(() => checkChunk(loaded, plan, spec, result)).toThrow(
      'two.yaml:3:5 tiers[0]: cannot be simulated: tier.SMB.revenue is Infinity in trial 2,008: values above 3.4e38 cannot be stored; check the largest amounts (acv, expansion sizes, price uplift)',
    );
  });
});

describe('the fault-injection hook (ARRCAST_FAULT_CHUNK, read by worker threads only)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['3:throw', { chunk: 3, mode: 'throw' }],
    ['0:exit', { chunk: 0, mode: 'exit' }],
  ])('parseFault(%j)', (setting, expected) => {
    expect(parseFault(setting)).toEqual(expected);
  });

  it.each(['3', 'throw', '3:crash', '-1:throw'])('a malformed setting %j is refused, not ignored', (setting) => {
    expect(() => parseFault(setting)).toThrow(`ARRCAST_FAULT_CHUNK must look like 3:throw, 3:exit or load:throw, not "${setting}"`);
  });

  it('throws in its chunk only', () => {
    const fault = parseFault('3:throw');
    expect(() => injectFault(fault, 2)).not.toThrow();
    expect(() => injectFault(fault, 3)).toThrow('fault injected by ARRCAST_FAULT_CHUNK in chunk 3');
  });
});
