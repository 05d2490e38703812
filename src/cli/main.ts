#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { npmFolderNote, npmSwallowedNote, npmWroteNote } from './invocation.js';
import { describeFailure, EXIT, SIGNAL_EXIT } from './exit-codes.js';
import { cleanUpNow, placedEarlier, placedOutputs } from '../engine/exit-cleanup.js';
import { interruptedAgain } from './interrupted-again.js';
import { errnoWords } from '../report/write-error.js';
import { takeLeftBehind } from '../engine/left-behind.js';
import { leftBehindNote } from './left-behind-note.js';

/** Entry point of the `arrcast` command: maps every outcome to an exit code, never a stack trace. */
async function main(argv: string[]): Promise<number> {
  const abort = new AbortController();
  let signalCode: number = EXIT.interrupted;
  // The handlers stay for the whole run. The first signal stops the run at its next check; a
  // second one (an impatient Ctrl-C, a stop that hangs) exits at once, but only after removing
  // the temporary files the run is writing, synchronously: Node's default would leave them.
  for (const [name, code] of Object.entries(SIGNAL_EXIT))
    process.on(name, () => {
      if (abort.signal.aborted) {
        cleanUpNow();
        // An output already renamed into place stays (it is whole); say so rather than "no output".
        process.stderr.write(interruptedAgain(placedOutputs(), placedEarlier()));
        process.exit(signalCode);
      }
      signalCode = code;
      abort.abort();
    });
  // A reader that goes away (arrcast schema | head -c1) ends the output, not the run: the rest is
  // dropped, with no EPIPE stack trace. Any other error of stdout (a full disk under > file) is
  // reported at the end, exit 1, as the output is incomplete.
  let stdoutOpen = true;
  let stdoutError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    stdoutOpen = false;
    if (err.code !== 'EPIPE') stdoutError ??= err;
  });
  process.stderr.on('error', () => undefined);
  let code: number = EXIT.ok;
  const program = buildProgram(
    { out: (t) => void (stdoutOpen && process.stdout.write(t)), err: (t) => process.stderr.write(t) },
    (c) => (code = c),
    abort.signal,
  );
  try {
    await program.parseAsync(argv);
    // Wait for what is still being written to stdout, to know whether it all got there.
    if (stdoutOpen) await new Promise((resolve) => process.stdout.write('', resolve));
    if (stdoutError) {
      process.stderr.write(`arrcast: cannot write to stdout: ${errnoWords(stdoutError)}\n`);
      return EXIT.failed;
    }
    return code;
  } catch (err) {
    if (err instanceof CommanderError)
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    const failure = describeFailure(err);
    process.stderr.write(`${failure.message}\n`);
    return failure.code === EXIT.interrupted ? signalCode : failure.code;
  }
}

/**
 * The command's whole run, its exit code set once it is over. The bin, dist/cli/main.js, awaits it:
 * it runs this file's bundle as a script (src/engine/script-bundle.ts), which cannot await at its top.
 */
export const finished: Promise<void> = main(process.argv).then((exitCode) => {
  // What arrcast made and could not remove, whatever the outcome: the user's disk, not ours to keep.
  for (const left of takeLeftBehind()) process.stderr.write(leftBehindNote(left));
  // Bad input from `npm run arrcast`: say when npm kept options for itself (no `--`), or when a file
  // typed from a subfolder was looked for in the clone's top folder.
  // (process.cwd() throws when the working directory was deleted: no note then.)
  if (exitCode === EXIT.badInput) {
    try {
      const longOptions = buildProgram({ out: () => undefined, err: () => undefined }, () => undefined).commands.flatMap((c) => c.options.flatMap((o) => (o.long ? [o.long] : [])));
      for (const note of [npmSwallowedNote(process.env, longOptions), npmFolderNote(process.argv.slice(2), process.env, process.cwd(), existsSync)]) if (note) process.stderr.write(`${note}\n`);
    } catch {
      // no note
    }
  }
  // Files written from `npm run arrcast` typed in a subfolder are in the clone's top folder: say so.
  if (exitCode === EXIT.ok) {
    try {
      const note = npmWroteNote(process.argv.slice(2), process.env, process.cwd());
      if (note) process.stderr.write(`${note}\n`);
    } catch {
      // no note
    }
  }
  process.exitCode = exitCode;
});
