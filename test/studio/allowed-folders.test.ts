import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { StudioSession } from '../../src/studio/session.js';
import { startStudioServer, type StudioServer } from '../../src/studio/server.js';
import { openStudioScenario } from '../../src/studio/studio-scenario.js';
import { shellWord } from '../../src/report/shell-word.js';
import { runCli } from '../helpers/in-process-cli.js';
import { ROOT } from '../helpers/fixtures.js';
import { requester } from './studio-fixture.js';

/**
 * A studio started with --allow-path (the plan's customer book and pipeline in a folder beside the
 * plan's, as a team shares them): the command a saved what-if names must give its numbers, so it
 * must allow that folder too; `run` refuses the book otherwise (exit 2). It named only the seed,
 * trials and confidence before.
 */
const TRIALS = 400;
const SEED = 11;
const engine = createEngine({ workers: 1 });
let server: StudioServer;
let top: string;
let plan: string;
let shared: string;

beforeAll(async () => {
  top = mkdtempSync(join(tmpdir(), 'arrcast-studio-allowed-'));
  plan = join(top, 'plan folder');
  shared = join(top, "team's data");
  mkdirSync(plan);
  mkdirSync(shared);
  for (const f of ['hybrid-customers.csv', 'hybrid-pipeline.csv']) copyFileSync(join(ROOT, 'scenarios/data', f), join(shared, f));
  const text = readFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), 'utf8').replaceAll('data/hybrid-', "../team's data/hybrid-");
  writeFileSync(join(plan, 'hybrid.yaml'), text);
  const scenario = await openStudioScenario(join(plan, 'hybrid.yaml'), { allowedRoots: [shared] });
  server = await startStudioServer(new StudioSession(scenario, engine, { trials: TRIALS, seed: SEED }), { port: 0, assetsDir: '/nonexistent' });
});
afterAll(async () => {
  await server?.close();
  await engine.close();
});

/** The words of a command as a POSIX shell splits it (the forms shellWord writes): spaces outside quotes end a word, '...' quotes, a backslash escapes the next character. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i]!;
    if (quoted) {
      if (ch === "'") quoted = false;
      else word += ch;
    } else if (ch === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word ??= '';
      if (ch === "'") quoted = true;
      else if (ch === '\\') word += command[++i]!;
      else word += ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

describe('arrcast studio --allow-path: a saved what-if', () => {
  it('names the allowed folder in its command, and that command gives the full answer exactly', async () => {
    const { post } = requester(server);
    const state = { drivers: { '1/conversion': { central: 0.04 } }, market: 0.3, confidence: 0.85 };
    const full = await post('/api/answer', { state, pass: 'full' });
    expect(full.status, full.body).toBe(200);
    const saved = await post('/api/save', { state, name: 'what if' });
    expect(saved.status, saved.body).toBe(200);
    const command = saved.json().command as string;
    const quoted = (path: string) => `'${path.replaceAll("'", "'\\''")}'`;
    expect(command).toBe(`arrcast run ${quoted(join(plan, 'what if.yaml'))} --trials ${TRIALS} --seed ${SEED} --confidence 0.85 --allow-path ${quoted(realpathSync(shared))}`);
    expect(readFileSync(join(plan, 'what if.yaml'), 'utf8')).toContain(`# The studio's numbers: ${command}\n`);
    // The command's words as a shell splits them, run as they are (from the tests' working directory, not the plan's folder).
    const [arrcast, verb, file, ...options] = shellWords(command);
    expect([arrcast, verb, file]).toEqual(['arrcast', 'run', join(plan, 'what if.yaml')]);
    const out = join(top, 'out');
    const run = await runCli(verb!, file!, ...options, '--out', out, '--outputs', 'summary', '--quiet', '--workers', '0');
    expect(run.code, run.err).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const a = full.json() as unknown as { revenue: { p50: { value: number } }; budget: { revenue: { value: number } }; targets: Array<{ probability: { value: number } }> };
    expect([a.revenue.p50.value, a.budget.revenue.value, a.targets.map((t) => t.probability.value)]).toEqual([
      s.metrics.revenue.percentiles.p50,
      s.decisions.budgets.metrics.revenue.value,
      s.decisions.targets.map((t: { probability: { value: number } }) => t.probability.value),
    ]);
  });
});

describe('arrcast studio --allow-path a folder whose name has a line break', () => {
  // The command was written with the folder in single quotes, and the header's comment line showed
  // its line break as \u{a}: the command printed named another folder, which run refused (exit 2).
  // Now the folder is written $'...\012...': the header's line, run by bash, gives the studio's numbers.
  it("the header's command, run by bash from another folder than the plan's, allows that folder and gives the full answer", async () => {
    const root = mkdtempSync(join(tmpdir(), 'arrcast-studio-allowed-nl-'));
    const own = join(root, 'plan');
    const data = join(root, 'team\ndata');
    mkdirSync(own);
    mkdirSync(data);
    for (const f of ['hybrid-customers.csv', 'hybrid-pipeline.csv']) copyFileSync(join(ROOT, 'scenarios/data', f), join(data, f));
    writeFileSync(join(own, 'hybrid.yaml'), readFileSync(join(ROOT, 'scenarios/hybrid-company.yaml'), 'utf8').replaceAll('data/hybrid-', '"../team\\ndata/hybrid-').replace(/(hybrid-(customers|pipeline)\.csv)/g, '$1"'));
    const scenario = await openStudioScenario(join(own, 'hybrid.yaml'), { allowedRoots: [data] });
    const studio = await startStudioServer(new StudioSession(scenario, engine, { trials: TRIALS, seed: SEED }), { port: 0, assetsDir: '/nonexistent' });
    try {
      const { post } = requester(studio);
      const state = { drivers: {}, market: 0.3, confidence: 0.85 };
      const full = await post('/api/answer', { state, pass: 'full' });
      expect(full.status, full.body).toBe(200);
      const saved = await post('/api/save', { state, name: 'nl' });
      expect(saved.status, saved.body).toBe(200);
      const header = readFileSync(join(own, 'nl.yaml'), 'utf8').split('\n')[1]!;
      const command = header.slice("# The studio's numbers: ".length);
      const out = join(root, 'out');
      const script = `arrcast() { node ${shellWord(join(ROOT, 'dist/cli/main.js'))} "$@"; }\n${command} --out ${shellWord(out)} --outputs summary --quiet --workers 0\n`;
      // Run from another folder than the plan's: the command named the saved file alone, which only the plan's folder has.
      const elsewhere = join(root, 'elsewhere');
      mkdirSync(elsewhere);
      const run = spawnSync('bash', ['-c', script], { cwd: elsewhere, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect((full.json() as unknown as { revenue: { p50: { value: number } } }).revenue.p50.value).toBe(s.metrics.revenue.percentiles.p50);
      // The file by its absolute path, as a shell word.
      expect(header.startsWith(`# The studio's numbers: arrcast run ${shellWord(join(own, 'nl.yaml'))} `)).toBe(true);
    } finally {
      await studio.close();
    }
  });
});
