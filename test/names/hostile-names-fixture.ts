import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A tier of a hostile-names scenario: its name, and the grades of its lead sources (none: one lead stream). */
export interface NamedTier {
  readonly name: string;
  readonly grades?: readonly string[];
}

/**
 * A small scenario (as JSON, so any character survives) whose tiers and lead sources carry the
 * names given: every tier has a book with renewals, contraction and a drawn conversion, so tier,
 * driver, extra and component columns all exist.
 */
export function hostileScenario(tiers: readonly NamedTier[], name = 'Hostile names'): string {
  return JSON.stringify({
    name,
    currency: 'USD',
    seed: 5,
    market: { loadings: { leads: 0.1, conversion: 0.2, renewal: 0.2 } },
    tiers: tiers.map((t) => ({
      name: t.name,
      existing: {
        openingArr: 1_200_000,
        customers: 100,
        renewalRate: { dist: 'beta', mean: 0.85, sd: 0.03 },
        contraction: { probability: { dist: 'beta', mean: 0.1, sd: 0.02 }, size: { dist: 'beta', mean: 0.2, sd: 0.05 } },
      },
      newBusiness: {
        ...(t.grades
          ? { leadSources: t.grades.map((g, i) => ({ grade: g, leadsPerMonth: { dist: 'poisson', mean: 40 + 10 * i }, conversion: { dist: 'beta', mean: 0.1, sd: 0.02 } })) }
          : { leadsPerMonth: { dist: 'poisson', mean: 60 }, conversion: { dist: 'beta', mean: 0.08, sd: 0.02 } }),
        acv: { dist: 'lognormal', mean: 12000, sd: 3000 },
      },
    })),
  });
}

/** Write a scenario's JSON into a fresh directory; returns the file and the directory. */
export function writeScenario(json: string): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'arrcast-names-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, json);
  return { file, dir };
}
