import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/** A scenario's JSON text with these tiers. */
const scenario = (tiers: unknown) => JSON.stringify({ name: 't', trials: 200, tiers });
const book = { openingArr: 1200000, customers: 120, renewalRate: 0.9 };

function problems(text: string, source = 'bad.json'): string[] {
  try {
    parseScenario(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).message.split('\n');
  }
  throw new Error('accepted');
}

/**
 * A list where an object goes (or the reverse) in a JSON scenario is told the form in JSON's words:
 * the YAML hints ("- name: SMB", remove the "- ", { p10: ... }) have no dashes or bare keys to write there.
 */
describe('shape hints in a JSON scenario are worded for JSON', () => {
  it.each([
    ['tiers keyed by name', scenario({ SMB: { existing: book } }), 'tiers: expected array, got a mapping: write a list [ ], each tier an object with its "name" (a tier keyed by its name, "SMB": { ... }, is written { "name": "SMB", ... })'],
    ["the book's keys as a list of one-key objects", scenario([{ name: 'SMB', existing: [{ openingArr: 1200000 }, { customers: 120 }, { renewalRate: 0.9 }] }]), 'tiers[0].existing: expected object, got a list: its items are keys of one object: write them inside one { }, not a list [ ] of objects of one key each'],
    ['quantiles as a list of three', scenario([{ name: 'SMB', existing: { ...book, renewalRate: { dist: 'quantiles', quantiles: [0.8, 0.85, 0.89], lower: 0, upper: 1 } } }]), 'tiers[0].existing.renewalRate.quantiles: expected object, got a list: write each with its percentile as key: { "p10": 0.8, "p50": 0.85, "p90": 0.89 }'],
  ])('%s', (_, text, message) => {
    expect(problems(text).join('\n')).toContain(`bad.json:1:`);
    expect(problems(text).map((l) => l.replace(/^bad\.json:\d+:\d+ /, ''))).toEqual([message]);
  });

  it('the same in a YAML file keeps its YAML words', () => {
    const yaml = `name: t\ntrials: 200\ntiers:\n  SMB:\n    existing: { openingArr: 1200000, customers: 120, renewalRate: 0.9 }\n`;
    expect(problems(yaml, 'bad.yaml').map((l) => l.replace(/^bad\.yaml:\d+:\d+ /, ''))).toEqual(['tiers: expected array, got a mapping: write a list, each tier beginning with "- name: " (a tier keyed by its name, `SMB:`, is written `- name: SMB`)']);
  });
});
