import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess } from '../helpers/cli.js';
import { loadScenario } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

/** The CLI in this process (buildProgram, exit codes as the binary gives them): these tests check output and exit codes. */
const arrcast = arrcastInProcess;
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-init-'));

/** The file the `# yaml-language-server: $schema=...` line of a scenario points at, resolved from the scenario. */
function schemaOf(file: string): string {
  const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file} has no $schema line`);
  return resolve(dirname(file), m[1]!);
}

const TEMPLATES = ['downside', 'enterprise-rep-driven', 'example', 'hybrid-company', 'smb-lead-driven'];

describe('arrcast init', () => {
  it('writes a starter with a lead-driven tier, a rep-driven tier with hiring and ramp, opening books and P10/P50/P90 inputs, that runs', async () => {
    const file = join(tmp(), 'my-plan.yaml');
    const r = await arrcast(['init', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file} and ${join(dirname(file), 'arrcast.schema.json')}; next: arrcast validate ${file} && arrcast run ${file}\n`);
    const { scenario } = await loadScenario(file);
    const [smb, enterprise] = scenario.tiers;
    expect(smb!.newBusiness?.leadsPerMonth).toBeDefined();
    expect(smb!.existing?.openingArr).toBe(5e6);
    expect(enterprise!.newBusiness?.reps?.hires.some((h) => h > 0)).toBe(true);
    expect(enterprise!.newBusiness?.reps?.ramp.length).toBeGreaterThan(1);
    expect(enterprise!.newBusiness?.reps?.sourcedDealsPerMonth).toBeDefined();
    expect(enterprise!.existing?.customers).toBeGreaterThan(0);
    expect(JSON.stringify(scenario)).toContain('"quantiles":{"p10"');
    const out = join(dirname(file), 'report');
    const run = await arrcast(['run', file, '--trials', '1000', '--workers', '0', '--quiet', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('started by `npm run arrcast -- init` (arrcast not on the PATH), the next step it names is an npm run command too', async () => {
    const file = join(tmp(), 'my-plan.yaml');
    const r = await arrcast(['init', file], { npm_lifecycle_event: 'arrcast' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${file} and ${join(dirname(file), 'arrcast.schema.json')}; next: npm run arrcast -- validate ${file} && npm run arrcast -- run ${file}\n`);
  });

  it("writes the JSON Schema the starter's $schema line points at, this version's", async () => {
    const file = join(tmp(), 'plans', 'plan.yaml');
    expect((await arrcast(['init', file])).code).toBe(0);
    expect(JSON.parse(readFileSync(schemaOf(file), 'utf8'))).toEqual(scenarioJsonSchema());
  });

  it.each(TEMPLATES)('--template %s copies the example company, with the files it names, and it loads', async (name) => {
    const file = join(tmp(), `${name}-copy.yaml`);
    const r = await arrcast(['init', file, '--template', name]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(schemaOf(file))).toBe(true);
    const original = await loadScenario(join(ROOT, 'scenarios', `${name}.yaml`));
    const copy = await loadScenario(file);
    expect(copy.hash).toBe(original.hash);
  });

  it('a .json file name is refused before anything is written: the starter is commented YAML, which JSON tools cannot read', async () => {
    // It wrote YAML with comments into plan.json (and validated it: arrcast reads JSON as YAML).
    const dir = tmp();
    for (const args of [['init', join(dir, 'plan.json')], ['init', join(dir, 'Plan.JSON'), '--template', 'example']]) {
      const r = await arrcast(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`arrcast: ${args[1]}: arrcast writes a commented YAML scenario, not JSON; name it ${args[1]!.replace(/\.json$/i, '.yaml')} (arrcast reads YAML and JSON alike)\n`);
    }
    expect(existsSync(join(dir, 'plan.json')) || existsSync(join(dir, 'Plan.JSON')) || existsSync(join(dir, 'arrcast.schema.json'))).toBe(false);
  });

  it('an unknown template is refused with the valid names; existing files are not overwritten without --force', async () => {
    const file = join(tmp(), 'x.yaml');
    const r = await arrcast(['init', file, '--template', 'saas']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`arrcast: unknown template "saas"; use one of: ${TEMPLATES.join(', ')}\n`);
    expect(existsSync(file)).toBe(false);
    // A near miss is named.
    const typo = await arrcast(['init', file, '--template', 'exampel']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(`arrcast: unknown template "exampel" (did you mean example?); use one of: ${TEMPLATES.join(', ')}\n`);
    expect(existsSync(file)).toBe(false);
    expect((await arrcast(['init', file, '--template', 'downside'])).code).toBe(0);
    const again = await arrcast(['init', file, '--template', 'downside']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`arrcast: ${file}, ${join(dirname(file), 'example.yaml')} exist; use --force to overwrite them\n`);
    expect((await arrcast(['init', file, '--template', 'downside', '--force'])).code).toBe(0);
  });
});
