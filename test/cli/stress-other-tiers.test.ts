import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixtureText } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';

/**
 * The README's first screen shows `arrcast run scenarios/example.yaml --with-stress scenarios/downside.yaml`;
 * a newcomer ran it with their own plan (the starter's SMB and Enterprise beside the example
 * company's three tiers), and report.html said the stress case was drawn on "the same random
 * numbers, so the differences are the scenario's, not noise". Random numbers are keyed by tier
 * name: tiers one side lacks draw unpaired. The note now says which, or that no tier is shared.
 */
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-stress-tiers-'));

/** The stress section's note of the report a run with `args` writes. */
async function stressNote(args: string[]): Promise<string> {
  const out = join(tmp(), 'out');
  const r = await arrcastInProcess(['run', ...args, '--trials', '300', '--workers', '0', '--outputs', 'html', '--out', out, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  const note = /<h3>Stress cases<\/h3>\n<p class="note">([^<]*)<\/p>/.exec(html);
  expect(note).not.toBeNull();
  return note![1]!.replace(/&#39;/g, "'");
}

describe('a stress case whose tiers are not the plan\'s', () => {
  it('the starter beside the example downside: names the tiers drawn unpaired', async () => {
    const plan = join(tmp(), 'my-plan.yaml');
    expect((await arrcastInProcess(['init', plan])).code).toBe(0);
    expect(await stressNote([plan, '--with-stress', join(ROOT, 'scenarios/downside.yaml')])).toBe(
      "Each stress scenario simulated on the plan's seed and trial count: the same random numbers where it draws what the plan draws (the tiers it shares with the plan, the market factor), so there the differences are the scenario's, not noise. " +
        "Example SaaS Co - FY downside has tiers the plan lacks (Mid-market): those draw numbers of their own, so its difference from the plan holds their noise as well as the scenario's change. " +
        "It fixes the market factor (Z = -1.28) where the plan draws it in each trial, so its difference from the plan holds the drawn year's market swing as well as the scenario's change. " +
        // The starter's year starts in January, the example's (which downside.yaml extends) in February.
        "Example SaaS Co - FY downside forecasts another fiscal year (year not stated, from February; the plan: year not stated, from January), so its column is that year's forecast and differs from the plan's by the year as well as by the scenario's change.",
    );
  }, 120_000);

  it('a stress case of no tier of the plan is said to be another forecast', async () => {
    const dir = tmp();
    const other = join(dir, 'other.yaml');
    writeFileSync(other, fixtureText('minimal.yaml').replace('name: Minimal', 'name: Other Co').replace('- name: SMB', '- name: Gold'));
    expect(await stressNote([join(ROOT, 'test/fixtures/minimal.yaml'), '--with-stress', other])).toContain(
      "Other Co shares no tier with the plan: it is another company's forecast, not a stress of this plan; only its market factor is drawn on the plan's numbers, its tiers on numbers of their own.",
    );
  }, 120_000);

  it("a tier's name in another case is another tier's numbers: the note matches names exactly, as the streams are keyed", async () => {
    // The plan's file but for '- name: smb': the streams are seeded by the exact name (namePart), so
    // its figures differ from the plan's though nothing else changed; the note said 'the same random
    // numbers' because it matched names ignoring case (nameKey).
    const dir = tmp();
    const lower = join(dir, 'lower.yaml');
    // A conversion of 0.06 too: renamed alone, the case is one forecast with the plan, which --with-stress refuses.
    writeFileSync(lower, fixtureText('minimal.yaml').replace('name: Minimal', 'name: Lower').replace('- name: SMB', '- name: smb').replace('conversion: 0.05', 'conversion: 0.06'));
    expect(await stressNote([join(ROOT, 'test/fixtures/minimal.yaml'), '--with-stress', lower])).toContain('Lower shares no tier with the plan');
  }, 120_000);

  it('a stress case of the same tiers that draws the market factor as the plan does keeps the plain note', async () => {
    const dir = tmp();
    const lean = join(dir, 'lean.yaml');
    writeFileSync(lean, fixtureText('minimal.yaml').replace('name: Minimal', 'name: Lean').replace('conversion: 0.05', 'conversion: 0.04'));
    expect(await stressNote([join(ROOT, 'test/fixtures/minimal.yaml'), '--with-stress', lean])).toBe(
      "Each stress scenario simulated on the plan's seed and trial count (the same random numbers, so the differences are the scenario's, not noise).",
    );
  }, 120_000);

  it("the README's stress case (the example's downside fixes the market factor the plan draws): the note says the market is not paired", async () => {
    // Was the plain note: 'the same random numbers, so the differences are the scenario's, not noise',
    // where each of the plan's trials draws its own market year and the downside's is Z = -1.28 in all.
    expect(await stressNote([join(ROOT, 'scenarios/example.yaml'), '--with-stress', join(ROOT, 'scenarios/downside.yaml')])).toBe(
      "Each stress scenario simulated on the plan's seed and trial count: the same random numbers where it draws what the plan draws (the tiers it shares with the plan, the market factor), so there the differences are the scenario's, not noise. " +
        "Example SaaS Co - FY downside fixes the market factor (Z = -1.28) where the plan draws it in each trial, so its difference from the plan holds the drawn year's market swing as well as the scenario's change.",
    );
  }, 120_000);

  it('a stress case of no tier of the plan that fixes the market factor: nothing of it is paired', async () => {
    const dir = tmp();
    const other = join(dir, 'other.yaml');
    writeFileSync(other, `${fixtureText('minimal.yaml').replace('name: Minimal', 'name: Other Co').replace('- name: SMB', '- name: Gold')}market: { factor: -1.28, loadings: { renewal: 0.3 } }\n`);
    expect(await stressNote([join(ROOT, 'test/fixtures/minimal.yaml'), '--with-stress', other])).toContain(
      "Other Co shares no tier with the plan: it is another company's forecast, not a stress of this plan; none of it is drawn on the plan's numbers (its tiers have their own, and it fixes the market factor (Z = -1.28) where the plan draws it in each trial).",
    );
  }, 120_000);
});
