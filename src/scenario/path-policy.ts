import { realPath } from './system-path.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { displayText, quoteText } from './display-text.js';
import { currentDirectory } from './current-directory.js';

/**
 * Which files a scenario may make arrcast read. Scenarios are shared and validated in CI, so a
 * scenario must not be able to read, or reveal in an error message, a file it has no business with
 * (`extends: ../../../../etc/shadow`, `customersFile: /etc/passwd`).
 *
 * The policy: every path a scenario names (`extends`, `customersFile`, `openingPipeline.file`)
 * must resolve, after following symbolic links, inside an allowed folder tree:
 * - the folder of the scenario file given to arrcast, and everything below it. For a chain of
 *   `extends`, that is the folder of the file given to arrcast (the top of the chain), for the whole
 *   chain: a base cannot widen it;
 * - for `arrcast merge`, whose part files name a scenario path that cannot be trusted, the working
 *   directory instead;
 * - plus any folder the user allows: `--allow-path DIR` (repeatable), `allowedRoots` in the library.
 *
 * The check runs on the name before the file is opened (so a device outside is never opened), and
 * again on what was opened (read-file.ts), so a link swapped in between cannot escape.
 */
export interface PathPolicy {
  /** Real paths of the allowed folder trees; the first is the scenario's (or the working directory). */
  readonly roots: readonly string[];
  /** The first root in words, for messages: `the scenario's folder /plans`. */
  readonly described: string;
  /** The rule in words, for messages. */
  readonly rule: string;
}

const SCENARIO_RULE = 'a scenario may read only files inside the folder tree of the scenario file given to arrcast';
const MERGE_RULE = "the scenario of a part may read only files inside the working directory's tree";

/** The CLI option and library option that widen the policy, as messages name them. */
export const WIDEN_HINT = 'allow another folder with --allow-path DIR (allowedRoots in the library)';

/**
 * The policy for a scenario file: its folder tree, plus `allowedRoots` (relative ones from the
 * working directory).
 *
 * @example (await scenarioPathPolicy('plans/q3.yaml')).roots // => ['/home/me/plans']
 */
export async function scenarioPathPolicy(scenarioFile: string, allowedRoots: readonly string[] = []): Promise<PathPolicy> {
  checkAllowedRoots(allowedRoots);
  // Its folder as the system opens it (`lnk/..` goes up from where lnk points), not resolved as text.
  const root = resolve(await realPath(dirname(scenarioFile)));
  return { roots: [root, ...(await allowedFolders(allowedRoots))], described: `the scenario's folder ${root}`, rule: SCENARIO_RULE };
}

/**
 * Check the library's `allowedRoots` (loadScenario, mergeParts): an array of folder paths. A single
 * folder given as a string failed as 'allowedRoots.map is not a function', and in mergeParts only
 * after every part's header was read.
 */
export function checkAllowedRoots(allowedRoots: unknown): void {
  if (allowedRoots === undefined) return;
  if (Array.isArray(allowedRoots) && allowedRoots.every((r) => typeof r === 'string')) return;
  const got =
    typeof allowedRoots === 'string'
      ? `the string ${JSON.stringify(allowedRoots)}: pass [folder]`
      : Array.isArray(allowedRoots)
        ? `an array holding ${allowedRoots.map((r) => (r === null ? 'null' : typeof r)).find((t) => t !== 'string')}`
        : allowedRoots === null
          ? 'null'
          : typeof allowedRoots;
  throw new TypeError(`allowedRoots must be an array of folder paths (got ${got})`);
}

/**
 * The folders `allowedRoots` name, each as the system finds it (realPath, then made absolute), as
 * the scenario's own folder is: `--allow-path shared/lnk/..` (lnk a link to books/2026) allows
 * books/, where `ls shared/lnk/..` looks. Resolved as text first, it allowed shared/ instead: a
 * folder the user never named (its whole tree readable by scenarios), and books/ refused.
 */
const allowedFolders = (allowedRoots: readonly string[]): Promise<string[]> => Promise.all(allowedRoots.map(async (r) => resolve(await realPath(r))));

/** The policy of `arrcast merge`: the working directory's tree, plus `allowedRoots`. */
export async function workingDirectoryPathPolicy(allowedRoots: readonly string[] = []): Promise<PathPolicy> {
  const root = await realPath(
    currentDirectory(
      "the current directory no longer exists (it was deleted or moved), and a part's scenario may read files only inside the working directory's tree: run arrcast merge from an existing directory",
    ),
  );
  return { roots: [root, ...(await allowedFolders(allowedRoots))], described: `the working directory ${root}`, rule: MERGE_RULE };
}

/**
 * Why `path` (the file to open; `written` is how the scenario wrote it) may not be read, or
 * undefined when it resolves inside an allowed tree. A path that does not exist is resolved
 * through its nearest existing folder, so whether it exists is not told for a path outside.
 *
 * @example await outsideProblem(policy, '/etc/passwd', '/etc/passwd') // => '"/etc/passwd" resolves to /etc/passwd, outside ...'
 */
export async function outsideProblem(policy: PathPolicy, path: string, written: string): Promise<string | undefined> {
  return outsideOf(policy, await realPath(resolve(path)), written);
}

/** The same check on the real path of a file once opened (read-file.ts `check`); `written` as in outsideProblem. */
export function checkOpened(policy: PathPolicy, written: string): (opened: string) => Promise<string | undefined> {
  return async (opened) => outsideOf(policy, opened, written);
}

function outsideOf(policy: PathPolicy, real: string, written: string): string | undefined {
  if (policy.roots.some((root) => isInside(root, real))) return undefined;
  const shown = real === written ? '' : ` resolves to ${displayText(real)} and`;
  return `${quoteText(written, 200)}${shown} is outside ${policy.described}: ${policy.rule}; ${WIDEN_HINT}`;
}

/** Whether `path` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

