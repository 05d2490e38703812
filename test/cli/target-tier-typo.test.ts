import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * A newcomer's target on a misspelt tier (the starter's tiers are SMB and Enterprise) was refused
 * with the name alone: 'no tier is named "Enterprize"', from --target and from the file's
 * targets.metrics, where every other misspelt name in arrcast gets "did you mean". Now the likely
 * tier is named, and a name like none lists the tiers.
 */
async function starter(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'arrcast-target-tier-')), 'my-plan.yaml');
  const r = await arrcastInProcess(['init', file]);
  expect(r.code).toBe(0);
  return file;
}

describe('a target on a tier the scenario does not have', () => {
  it.each([
    ['Enterprize:revenue=15M', '--target Enterprize:revenue: no tier is named "Enterprize" (did you mean "Enterprise"?)'],
    ['smbb:bookings=5M', '--target smbb:bookings: no tier is named "smbb" (did you mean "SMB"?)'],
    ['Gold:revenue=1M', '--target Gold:revenue: no tier is named "Gold"; the tiers are: "SMB", "Enterprise"'],
  ])('--target %s', async (target, message) => {
    const file = await starter();
    const r = await arrcastInProcess(['run', file, '--trials', '200', '--workers', '0', '--target', target, '--out', join(file, '..', 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: ${message}\n`);
  });

  it('compare --target: the scenario it is tested in, and the tier meant', async () => {
    const file = await starter();
    const r = await arrcastInProcess(['compare', file, file, '--trials', '200', '--workers', '0', '--target', 'Enterprize:revenue=15M']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: A (${file}): the target Enterprize:revenue is tested in it, but no tier is named "Enterprize" (did you mean "Enterprise"?)\n`);
  });

  it('compare --target: a tier name is quoted and escaped as --target alone quotes it, the tiers listed when none is meant', async () => {
    const file = await starter();
    const r = await arrcastInProcess(['compare', file, file, '--trials', '200', '--workers', '0', '--target', 'Go"ld\u0007:revenue=15M']);
    expect(r.code).toBe(2);
    // Was 'no tier is named "Go"ld<BEL>"', the quote unescaped and the control character raw.
    expect(r.stderr).toBe(`arrcast: A (${file}): the target Go"ld\\u{7}:revenue is tested in it, but no tier is named "Go\\"ld\\u{7}"; the tiers are: "SMB", "Enterprise"\n`);
  });

  it.each([
    ['arr', ' (did you mean "endingArr"?)'],
    ['ending_arr', ' (did you mean "endingArr"?)'],
    ['Revenue', ' (did you mean "revenue"?)'],
    ['margin', ''],
  ])('targets.metrics[].metric %s in the file: named as --target names it', async (metric, meant) => {
    const file = await starter();
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    const line = `    - { metric: ${metric}, value: 30M }`;
    appendFileSync(file, `targets:\n  metrics:\n${line}\n`);
    const r = await arrcastInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: ${file}:${lines + 3}:${line.indexOf(metric) + 1} targets.metrics[0].metric: must be one of "revenue", "bookings", "endingArr", got "${metric}"${meant}\n`);
  });

  it.each([
    // A value that is not a word is described as every other field describes it, not printed whole as JSON.
    ['[revenue]', 'a list'],
    ['{ a: 1 }', 'a mapping'],
    // 300 characters: cut to 40 and '…' (quoteText), where it was printed whole.
    ['x'.repeat(300), `"${'x'.repeat(40)}…"`],
    // A quote in the value is escaped once, and an unsafe character shown as \u{..}.
    ['"qq\\u0007"', '"qq\\u{7}"'],
  ])('targets.metrics[].metric %s: the value described as other fields describe it', async (metric, got) => {
    const file = await starter();
    appendFileSync(file, `targets:\n  metrics:\n    - { metric: ${metric}, value: 30M }\n`);
    const r = await arrcastInProcess(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(` targets\\.metrics\\[0\\]\\.metric: must be one of "revenue", "bookings", "endingArr", got ${got.replace(/[\\[\]{}().*+?^$|]/g, '\\$&')}\n$`));
  });

  it('targets.metrics in the file: at the tier line, with the tier meant', async () => {
    const file = await starter();
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    const typo = '    - { metric: revenue, value: 15M, tier: Enterprize }';
    const none = '    - { metric: revenue, value: 1M, tier: Gold }';
    appendFileSync(file, `targets:\n  metrics:\n${typo}\n${none}\n`);
    const r = await arrcastInProcess(['validate', file]);
    expect(r.code).toBe(2);
    // Columns count from 1: the tier name's first character.
    expect(r.stderr).toContain(`${file}:${lines + 3}:${typo.indexOf('Enterprize') + 1} targets.metrics[0].tier: no tier is named "Enterprize" (did you mean "Enterprise"?)\n`);
    expect(r.stderr).toContain(`${file}:${lines + 4}:${none.indexOf('Gold') + 1} targets.metrics[1].tier: no tier is named "Gold"; the tiers are: "SMB", "Enterprise"\n`);
  });
});
