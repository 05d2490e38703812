import { readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInside } from '../scenario/path-policy.js';
import type { InputFile } from '../scenario/input-file.js';
import { OutputDirError } from './output-dir.js';

/** A file the command will write into its output, known before it runs: its name there and its text. */
export interface KnownOutput {
  readonly name: string;
  readonly text: string;
}

/**
 * Refuse (OutputDirError, exit 2) to write an output at resolved `out` (a directory replaced whole,
 * or a single file) when a file or folder the command reads lies at it or inside it: writing would
 * replace what was read (`arrcast run rep/scenario.json --out rep` replaced its own scenario; a
 * `--with-stress rep/scenario.json` was overwritten by another scenario). Each input is compared by
 * its real path, so a symlink into `out`, or `rep/../rep/x`, is found; an input that is itself a
 * link inside `out` to a file elsewhere is not refused (replacing `out` removes the link, not the
 * file). An input that does not exist (a scenario made in memory) is passed over. So is an input that
 * is one of the files the command writes (`known`: run's scenario.json) holding byte for byte what
 * it will write there: nothing is lost (`run rep/scenario.json --out rep` runs the report's own
 * scenario again). Called once every input is known and before anything is written; `shown` is the
 * output option as typed (`--out rep`). The real path is shown in parentheses when a link makes it
 * differ from the path given. Complexity: one realpath per input, and one read per input at a known output.
 */
export async function refuseInputsInsideOutput(out: string, shown: string, inputs: readonly InputFile[], known: readonly KnownOutput[] = []): Promise<void> {
  for (const input of inputs) {
    const real = await realpath(input.path).catch(() => undefined);
    if (real === undefined || !isInside(out, real)) continue;
    const same = known.find((k) => join(out, k.name) === real);
    if (same !== undefined && (await readFile(real).then((b) => b.equals(Buffer.from(same.text)), () => false))) continue;
    const at = real === resolve(input.path) ? '' : ` (${real})`;
    const differs = same === undefined ? '' : `, and what the command writes there differs from it`;
    throw new OutputDirError(
      `${shown} would replace ${input.what} ${input.shown ?? input.path}${at}, an input of this command, which ${real === out ? 'is' : 'lies inside'} ${out}${differs}; copy it out of there first, or pick another output`,
    );
  }
}
