import { realpath } from 'node:fs/promises';
import { isInside } from '../scenario/path-policy.js';
import type { InputFile } from '../scenario/scenario-input-files.js';
import { OutputDirError } from './output-dir.js';

/**
 * Refuse (OutputDirError, exit 2) to write an output at resolved `out` (a directory replaced whole,
 * or a single file) when a file or folder the command reads lies at it or inside it: writing would
 * replace what was read (`arrcast run rep/scenario.json --out rep` replaced its own scenario; a
 * `--with-stress rep/scenario.json` was overwritten by another scenario). Each input is compared by
 * its real path, so a symlink into `out`, or `rep/../rep/x`, is found; an input that is itself a
 * link inside `out` to a file elsewhere is not refused (replacing `out` removes the link, not the
 * file). An input that does not exist (a scenario made in memory) is passed over. Called once every
 * input is known and before anything is written; `shown` is the output option as typed (`--out rep`).
 * Complexity: one realpath per input.
 */
export async function refuseInputsInsideOutput(out: string, shown: string, inputs: readonly InputFile[]): Promise<void> {
  for (const input of inputs) {
    const real = await realpath(input.path).catch(() => undefined);
    if (real === undefined || !isInside(out, real)) continue;
    const at = real === input.path ? '' : ` (${real})`;
    throw new OutputDirError(
      `${shown} would replace ${input.what} ${input.path}${at}, an input of this command, which ${real === out ? 'is' : 'lies inside'} ${out}; copy it out of there first, or pick another output`,
    );
  }
}
