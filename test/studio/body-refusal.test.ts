import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyProblem } from '../../src/studio/body-refusal.js';
import { answerBody, reportBody, saveBody } from '../../src/studio/request-bodies.js';
import type { Controls } from '../../src/studio/controls.js';

// The one driver these bodies name, as GET /api/controls gives it (id and label are all bodyProblem reads).
const controls = { drivers: [{ id: '0/conversion', label: 'SMB conversion' }] } as unknown as Controls;
const answer = (state: unknown, more: Record<string, unknown> = {}) => ({ state, pass: 'full', ...more });
const CENTRAL = "it takes a number: the driver's central value in its unit (a rate as 0.02, an amount as 12000), one of the values GET /api/controls lists for it";
const SHARE = 'it takes a number strictly between 0 and 1: the confidence of the budget (0.8 for 80%)';
const MARKET = 'it takes null (the market as the file draws it) or a number strictly between 0 and 1: the market year as a percentile (0.3: a year like the worst 30%)';

describe("the studio's request bodies are refused in the CLI's words: the field, the value, what it takes", () => {
  // Each was zod's: 'Invalid input: expected number, received string', 'Too big: expected number to be <=10', 'Unrecognized key: "confidance"'.
  it.each<[string, unknown, string, string]>([
    ['a rate sent as "2%"', answer({ drivers: { '0/conversion': { central: '2%' } } }), 'state.drivers["0/conversion"].central', `state.drivers["0/conversion"].central (SMB conversion): got "2%"; ${CENTRAL}; send it as a JSON number, without quotes: 0.02`],
    ['a central value that is no number', answer({ drivers: { '0/conversion': { central: 'abc' } } }), 'state.drivers["0/conversion"].central', `state.drivers["0/conversion"].central (SMB conversion): got "abc"; ${CENTRAL}`],
    ['a spread past 10', answer({ drivers: { '0/conversion': { spread: 20 } } }), 'state.drivers["0/conversion"].spread', "state.drivers[\"0/conversion\"].spread (SMB conversion): got 20; it takes a number above 0 and at most 10: a factor of the file's spread (1: as the file; 0.5: half as wide)"],
    ['a misspelt spread', answer({ drivers: { '0/conversion': { spred: 2 } } }), 'state.drivers["0/conversion"].spred', 'state.drivers["0/conversion"].spred: "spred" is not a field of state.drivers["0/conversion"] (did you mean spread?); its fields are central, spread'],
    ['a driver given a number, not its moves', answer({ drivers: { '0/conversion': 0.02 } }), 'state.drivers["0/conversion"]', 'state.drivers["0/conversion"] (SMB conversion): got 0.02; it takes an object of what moves: {"central": 0.02}, {"spread": 1.5} or both'],
    ['drivers as a list', answer({ drivers: [] }), 'state.drivers', 'state.drivers: got a list of 0 items; it takes an object of moved drivers by id (GET /api/controls lists them), e.g. {"0/conversion": {"central": 0.02}}'],
    ['the market as a percent without its sign', answer({ market: 30 }), 'state.market', `state.market: got 30; ${MARKET}`],
    // "30" is 30 as a number, outside the market's range too: not told to send 30.
    ['the market as "30"', answer({ market: '30' }), 'state.market', `state.market: got "30"; ${MARKET}; as a number it is 30, which the field does not take either: send a JSON number, without quotes, in that range`],
    // A driver id past its 200 characters: cut at 40 in the field named, as a value is.
    ['a driver id of 300 characters', answer({ drivers: { ['x'.repeat(300)]: { central: 0.02 } } }), `state.drivers["${'x'.repeat(40)}…"]`, `state.drivers["${'x'.repeat(40)}…"]: a driver id of 300 characters, longer than any (at most 200): GET /api/controls lists the ids`],
    ['the market as "30%"', answer({ market: '30%' }), 'state.market', `state.market: got "30%"; ${MARKET}; send it as a JSON number, without quotes: 0.3`],
    ['a confidence of 80', answer({ confidence: 80 }), 'state.confidence', `state.confidence: got 80; ${SHARE}`],
    ['a misspelt confidence', answer({ confidance: 0.8 }), 'state.confidance', 'state.confidance: "confidance" is not a field of state (did you mean confidence?); its fields are drivers, market, targets, confidence'],
    ['a negative target', answer({ targets: [-1] }), 'state.targets[0]', 'state.targets[0]: got -1; it takes a number at least 0: a target value'],
    ['a target not in a list', answer({ targets: 120e6 }), 'state.targets', 'state.targets: got 120000000; it takes a list of numbers at least 0, one per target on the page, in its order'],
    ['more targets than a page has', answer({ targets: Array(51).fill(1) }), 'state.targets', 'state.targets: got a list of 51 items (at most 50); it takes a list of numbers at least 0, one per target on the page, in its order'],
    ['a pass that is neither', answer({}, { pass: 'fast' }), 'pass', 'pass: got "fast"; it takes "first" (the quick answer of fewer trials) or "full" (all of them)'],
    ['no state', { pass: 'full' }, 'state', 'state: is required; it takes an object: the page state, e.g. {"drivers": {"0/conversion": {"central": 0.02}}, "market": 0.3}'],
    ['a misspelt key at the top', answer({}, { ordr: 1 }), 'ordr', 'ordr: "ordr" is not a field of the body (did you mean order?); its fields are state, pass, order'],
    ['a change number that is not whole', answer({}, { order: { page: 'a', change: 1.5 } }), 'order.change', "order.change: got 1.5; it takes a whole number at least 0: the page's change number"],
    ['a list for a body', [1, 2], 'body', 'the body must be a JSON object such as {"state": {...}, "pass": "full"}, got a list of 2 items'],
  ])('%s', (_, body, field, message) => {
    expect(bodyProblem(answerBody, body, controls)).toEqual({ field, message });
  });

  it("a save's name", () => {
    expect(bodyProblem(saveBody, { state: {}, name: 5 }, controls)).toEqual({ field: 'name', message: 'name: got 5; it takes a text of at most 200 characters: the file name to save as, e.g. "lower-conversion"' });
  });

  it("every field of every body is said in the studio's words, never zod's", () => {
    // Each field given a value of a type it does not take: an object where a number or text goes, a text where an object or a number goes.
    const leaves: Array<[z.ZodType, Record<string, unknown>, string[]]> = [];
    const walk = (schema: z.ZodType, base: Record<string, unknown>, path: string[]) => {
      let s: z.ZodType = schema;
      while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
      leaves.push([schema, base, path]);
      if (s instanceof z.ZodObject) for (const [k, f] of Object.entries(s.shape as Record<string, z.ZodType>)) walk(f, base, [...path, k]);
      if (s instanceof z.ZodRecord) walk(s.valueType as z.ZodType, base, [...path, '0/conversion']);
    };
    const bodies = [answerBody, reportBody, saveBody];
    let checked = 0;
    for (const body of bodies) {
      const valid = { state: {}, pass: 'full', name: 'a' };
      for (const [k] of Object.entries(body.shape)) walk(body.shape[k as keyof typeof body.shape] as z.ZodType, valid, [k]);
      for (const [, , path] of leaves.splice(0)) {
        for (const wrong of [{ x: 1 }, 'x']) {
          const sent = structuredClone(body === saveBody ? { state: {}, name: 'a' } : body === reportBody ? { state: {} } : { state: {}, pass: 'full' }) as Record<string, unknown>;
          let at = sent;
          for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
          at[path[path.length - 1]!] = wrong;
          const problem = bodyProblem(body, sent, controls);
          if (problem === undefined) continue;
          checked++;
          expect(problem.message, path.join('.')).not.toMatch(/Invalid input|Invalid option|Too big|Too small|received|Unrecognized/);
          expect(problem.message, path.join('.')).toMatch(/got |is not a field|is required/);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
