#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { describeFailure, EXIT } from './exit-codes.js';

/** Entry point of the `arrcast` command: maps every outcome to an exit code, never a stack trace. */
async function main(argv: string[]): Promise<number> {
  const abort = new AbortController();
  let signalCode: number = EXIT.interrupted;
  const onSignal = (code: number) => () => {
    signalCode = code;
    abort.abort();
  };
  process.once('SIGINT', onSignal(130));
  process.once('SIGTERM', onSignal(143));
  let code: number = EXIT.ok;
  const program = buildProgram(
    { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
    (c) => (code = c),
    abort.signal,
  );
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError)
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    const failure = describeFailure(err);
    process.stderr.write(`${failure.message}\n`);
    return failure.code === EXIT.interrupted ? signalCode : failure.code;
  }
}

process.exitCode = await main(process.argv);
