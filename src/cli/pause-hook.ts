import { throwIfAborted } from '../engine/errors.js';

/**
 * A testing hook, and nothing else: `ARRCAST_PAUSE_AT=<step>` makes the CLI print
 * `arrcast: test hook: paused at <step>` to stderr when it reaches that step of a run, and wait
 * there until the run is interrupted (its AbortSignal fires); then it goes on, and the check that
 * follows stops the run. A test can so send a signal in a known phase, waiting on the process
 * rather than on a clock. Steps: `loaded` (the scenario is read), `simulating` (printed at the
 * first progress, without pausing: the simulation must notice the signal itself), `summarised`,
 * each file of the report as it is written into the temporary directory (`summary.json`,
 * `charts/tornado.svg`, ...), `renaming` (just before the rename), `written` (just after it: the
 * output is in place, and a signal no longer stops the write), and for a shard `part`. compare and
 * score --out name their own files so (comparison.vl.json, score.csv, score.html, ...). The studio's
 * save pauses at `saving` (its temporary file written, not yet moved into place).
 * `<step>:hold` also holds after the signal, until stdin ends: to test a second signal while a run
 * is stopping. Unset, every step costs one comparison.
 */
export const PAUSE_VARIABLE = 'ARRCAST_PAUSE_AT';

/** Called at each named step of a run; may pause there. */
export type StepHook = (step: string) => Promise<void>;

/** The hook ARRCAST_PAUSE_AT asks for, or undefined when it is unset. */
export function pauseHook(setting: string | undefined, err: (text: string) => void, signal: AbortSignal | undefined): StepHook | undefined {
  if (setting === undefined || setting === '' || signal === undefined) return undefined;
  const hold = setting.endsWith(':hold');
  const at = hold ? setting.slice(0, -':hold'.length) : setting;
  return async (step) => {
    if (step !== at) return;
    err(`arrcast: test hook: paused at ${step}\n`);
    if (step === 'simulating') return;
    if (!signal.aborted) {
      // Signal listeners do not keep Node's event loop alive; a pending timer does, while paused.
      const alive = setInterval(() => undefined, 2 ** 30);
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      clearInterval(alive);
    }
    if (!hold) return;
    err(`arrcast: test hook: interrupted at ${step}; holding until stdin ends\n`);
    await new Promise((resolve) => {
      process.stdin.on('end', resolve).on('error', resolve).resume();
    });
    process.stdin.destroy();
  };
}

/**
 * The check between two steps of a run: calls the hook, then throws RunAbortedError if the run
 * was interrupted meanwhile.
 */
export function stepCheck(hook: StepHook | undefined, signal: AbortSignal | undefined): (step: string) => Promise<void> {
  return async (step) => {
    await hook?.(step);
    throwIfAborted(signal);
  };
}
