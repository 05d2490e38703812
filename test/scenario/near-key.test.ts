import { describe, expect, it } from 'vitest';
import { nearKey } from '../../src/scenario/near-key.js';

const REPS = ['start', 'hires', 'hireSlip', 'attrition', 'ramp', 'capacity', 'sourcedDealsPerMonth', 'overflow'];

describe('nearKey: the key of a place an unknown key most likely meant', () => {
  it.each([
    ['attrtion', REPS, 'attrition'],
    ['hireslip', REPS, 'hireSlip'],
    ['capcity', REPS, 'capacity'],
    ['ramps', REPS, 'ramp'],
    ['sourcedDealPerMonth', REPS, 'sourcedDealsPerMonth'],
    ['nme', ['name', 'existing', 'newBusiness'], 'name'],
    ['fiscalYearStart', ['name', 'fiscalYearStartMonth', 'fiscalYear'], 'fiscalYearStartMonth'],
  ])('%s -> %s', (key, keys, meant) => {
    expect(nearKey(key, keys)).toBe(meant);
  });

  it.each([
    ['spred', ['dist', 'alpha', 'beta', 'mean', 'sd'], 'three edits from sd'],
    ['86', ['dist', 'mean', 'sd'], 'the digits after a decimal comma, which a note explains'],
    ['sdd', ['sd', 'add'], 'a short key one edit from two keys'],
    ['fiscal', ['fiscalYearStartMonth', 'fiscalYear'], 'the start of two keys'],
    ['xyz', ['x', 'y'], 'a short key two edits from each'],
  ])('%s: none (%s)', (key, keys) => {
    expect(nearKey(key, keys)).toBeUndefined();
  });
});
