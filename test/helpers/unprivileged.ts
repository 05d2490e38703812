import { join } from 'node:path';
import { ROOT } from './fixtures.js';

/** The built CLI (npm test builds it first). */
export const MAIN = join(ROOT, 'dist/cli/main.js');

/**
 * The argv of the built CLI run with `args` as an ordinary user would run it: under root, through
 * setpriv without the capabilities that let root read and write anywhere, so that permission checks
 * (a read-only folder, a file not readable) hold as they do for a user. Needs util-linux's setpriv
 * when run as root.
 */
export function unprivileged(args: readonly string[]): string[] {
  const dropped = '-dac_override,-dac_read_search';
  const command = [process.execPath, MAIN, ...args];
  return process.getuid?.() === 0 ? ['setpriv', '--bounding-set', dropped, '--inh-caps', dropped, ...command] : command;
}
