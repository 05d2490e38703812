import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createEngine } from '../engine/engine.js';
import { terminalCell } from '../report/terminal-text.js';
import type { MetricTarget } from '../scenario/targets-schema.js';
import { allowPathOption } from './allow-path-option.js';
import { UsageError } from './exit-codes.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { checkTargets } from './report-run.js';
import { digitsNumber, parseShare, parseTarget, wholeNumber } from './parse-options.js';
import type { Io } from './io.js';
import { PAUSE_VARIABLE, pauseHook } from './pause-hook.js';

/** Trials of the studio's full answer when neither --trials nor a smaller `trials:` in the file says otherwise. */
export const STUDIO_TRIALS = 10_000;
/**
 * The studio's engine keeps this much of its recent answers' tier outcomes (engine/tier-row-cache.ts):
 * a move of one tier's driver re-simulates that tier only. 10,000 trials of a 3-tier scenario hold
 * about 40 MB, so a few states' worth.
 */
export const STUDIO_TIER_CACHE_BYTES = 256 * 2 ** 20;

const portNumber = (text: string): number => {
  const port = digitsNumber('port', 0, 8080)(text);
  if (port > 65_535) throw new InvalidArgumentError(`port must be from 0 to 65535, got "${text}"`);
  return port;
};

/**
 * `arrcast studio SCENARIO`: the what-if studio (src/studio/) on 127.0.0.1. Prints the page's
 * address with its token and serves until SIGINT or SIGTERM (`signal`), then closes the server
 * and the engine's threads.
 */
export function registerStudioCommand(program: Command, io: Io, signal?: AbortSignal): void {
  program
    .command('studio')
    .description("A local what-if page: move a driver, the market year, a target or the confidence, and watch the year's forecast move. Prints its address (127.0.0.1, with a token); opens nothing by itself.")
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--port <n>', 'port on 127.0.0.1; 0 takes a free one', portNumber, 0)
    .option('-n, --trials <n>', `trials of each full answer (default: the scenario's trials, at most ${STUDIO_TRIALS.toLocaleString('en-US')})`, wholeNumber('trials', 1))
    .option('-s, --seed <seed>', "seed of every run (default: the scenario's)")
    .option('-w, --workers <n>', "worker threads of the warm pool (default: the machine's cores)", digitsNumber('workers', 1))
    .option('-t, --target <metric=value>', 'a target shown beside the file\'s own (repeatable): revenue=120M, SMB:revenue=30M', parseTarget)
    .option('-c, --confidence <share>', 'confidence of the budget the page starts with', parseShare('confidence'), 0.8)
    .addOption(allowPathOption())
    .action(async (file: string, opts: { port: number; trials?: number; seed?: string; workers?: number; target?: MetricTarget[]; confidence: number; allowPath?: string[] }) => {
      // The trials `run` takes, refused here as `run` refuses them: a studio started with more answered
      // its first pass, failed every full one, and saved what-ifs whose header's command run refuses.
      if (opts.trials !== undefined && opts.trials > MAX_TRIALS) throw new UsageError(`--trials: must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${opts.trials})`);
      const engine = createEngine({ ...(opts.workers === undefined ? {} : { workers: opts.workers }), tierCacheBytes: STUDIO_TIER_CACHE_BYTES });
      try {
        // The studio's modules load with the studio, not with every command (the run's start-up).
        const [{ StudioSession }, { openStudioScenario }, { startStudioServer }] = await Promise.all([import('../studio/session.js'), import('../studio/studio-scenario.js'), import('../studio/server.js')]);
        const scenario = await openStudioScenario(file, { targets: opts.target ?? [], ...(opts.allowPath ? { allowedRoots: opts.allowPath } : {}) });
        checkTargets(scenario.loaded, opts.target);
        const session = new StudioSession(scenario, engine, {
          trials: opts.trials ?? Math.min(STUDIO_TRIALS, scenario.loaded.scenario.trials),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          confidence: opts.confidence,
        });
        // The hook only pauses (no check of its own after it): what stops a save is the server's close.
        const hook = pauseHook(process.env[PAUSE_VARIABLE], io.err, signal);
        const server = await startStudioServer(session, { port: opts.port, log: (line) => io.err(`${terminalCell(line)}\n`), ...(hook ? { onStep: hook } : {}) }).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} on 127.0.0.1 is in use; choose another, or --port 0 for a free one`);
          if (err.code === 'EACCES') throw new UsageError(`port ${opts.port} on 127.0.0.1 is not allowed to this user; choose one above 1023, or --port 0`);
          throw err;
        });
        // One line each, whatever the file's name holds: a line break in it could print an address that is not the studio's.
        io.out(`arrcast studio: ${terminalCell(scenario.loaded.scenario.name)} (${session.fullTrials.toLocaleString('en-US')} trials, seed ${terminalCell(session.seed)})\n${server.url}\n`);
        await new Promise<void>((resolve) => {
          if (!signal || signal.aborted) return resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await server.close();
      } finally {
        await engine.close();
      }
    });
}
