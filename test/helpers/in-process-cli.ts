import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { describeFailure, EXIT } from '../../src/cli/exit-codes.js';

/** What a command printed and the exit code it ended with. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Run `arrcast ...args` in this process through buildProgram, mapping outcomes to exit codes as
 * main.ts does (a usage or scenario error is 2, anything unexpected 1), with stdout and stderr
 * captured. No process is spawned.
 */
export async function runCli(...args: string[]): Promise<CliResult> {
  return runCliWith(args);
}

/** runCli with the program's AbortSignal (a signal the CLI treats as SIGINT, as main.ts wires it), and its clock (today's date). */
export async function runCliWith(args: readonly string[], signal?: AbortSignal, clock?: () => Date): Promise<CliResult> {
  let out = '';
  let err = '';
  let code: number = EXIT.ok;
  const program = buildProgram({ out: (t) => (out += t), err: (t) => (err += t) }, (c) => (code = c), signal, clock);
  try {
    await program.parseAsync(['node', 'arrcast', ...args]);
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    else {
      const failure = describeFailure(e);
      err += `${failure.message}\n`;
      code = failure.code;
    }
  }
  return { code, out, err };
}
