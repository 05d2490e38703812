import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI driven in this process through buildProgram, with what src/cli/main.ts does around it:
 * stdout and stderr captured, and every outcome mapped to the exit code the binary would give
 * (commander's own errors 2, help and version 0, failures by describeFailure). For tests of output
 * and exit codes; tests of the binary itself (signals, a real process's exit code) spawn it.
 *
 * `env` is set in process.env for the call (undefined unsets a variable), then restored. `signal`
 * stands for main.ts's signal handlers: without one the ARRCAST_PAUSE_AT hook is off, as it is
 * for a library caller; with one (never aborted), a step's "paused at" line is printed.
 */
export async function arrcastInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  signal?: AbortSignal,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  let code: number = EXIT.ok;
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (vars: Readonly<Record<string, string | undefined>>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  const program = buildProgram(
    { out: (t) => (stdout += t), err: (t) => (stderr += t) },
    (c) => (code = c),
    signal,
  );
  try {
    await program.parseAsync(['node', 'arrcast', ...args]);
  } catch (err) {
    if (err instanceof CommanderError) code = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    else {
      const failure = describeFailure(err);
      stderr += `${failure.message}\n`;
      code = failure.code;
    }
  } finally {
    set(saved);
  }
  return { code, stdout, stderr };
}
