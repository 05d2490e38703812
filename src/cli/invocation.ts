import { isAbsolute, relative, resolve } from 'node:path';
import { terminalCell } from '../report/terminal-text.js';

/**
 * How the person at the terminal calls arrcast, for the "next:" hints that name a command to type:
 * `npm run arrcast --` when this process was started by the package's npm script (as the README's
 * first steps do, in a clone where `arrcast` is not on the PATH), else `arrcast`.
 *
 * @example arrcastCommand({ npm_lifecycle_event: 'arrcast' }) // => 'npm run arrcast --'
 * @example arrcastCommand({}) // => 'arrcast'
 */
export function arrcastCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'arrcast' ? 'npm run arrcast --' : 'arrcast';
}

/**
 * A note for a path not found because `npm run arrcast` runs in the clone's top folder: typed in a
 * subfolder (`cd plans && npm run arrcast -- validate q3.yaml`), the file is looked for at the top
 * and the run says only "q3.yaml does not exist", though the file is right there. npm says where
 * it was typed in INIT_CWD. The note names the first relative path of `args` that is missing from
 * `cwd` but present in that folder, and the path that reaches it from the top; undefined when
 * there is none, or when not started by the npm script.
 *
 * @example npmFolderNote(['validate', 'q3.yaml'], { npm_lifecycle_event: 'arrcast', INIT_CWD: '/clone/plans' }, '/clone', (p) => p === '/clone/plans/q3.yaml')
 * // => "arrcast: note: npm run arrcast reads and writes paths from the clone's top folder (/clone), not from /clone/plans where it was typed: write plans/q3.yaml for q3.yaml, or link arrcast once (npm link) and type arrcast ... in any folder"
 */
export function npmFolderNote(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, exists: (path: string) => boolean): string | undefined {
  if (env.npm_lifecycle_event !== 'arrcast' || !env.INIT_CWD) return undefined;
  const typedIn = resolve(env.INIT_CWD);
  const top = resolve(cwd);
  if (typedIn === top) return undefined;
  for (const arg of args) {
    // Option values ride in their own argument (--actuals a.csv) or after = (--actuals=a.csv).
    const path = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (path === '' || path.startsWith('-') || isAbsolute(path)) continue;
    if (exists(resolve(top, path)) || !exists(resolve(typedIn, path))) continue;
    return terminalCell(`arrcast: note: npm run arrcast reads and writes paths from the clone's top folder (${top}), not from ${typedIn} where it was typed: write ${relative(top, resolve(typedIn, path))} for ${path}, or link arrcast once (npm link) and type arrcast ... in any folder`);
  }
  return undefined;
}

/**
 * A note for options that npm kept for itself: `npm run arrcast run plan.yaml --trials 500`, without
 * the `--` that hands what follows to the script, makes npm read `--trials` as its own setting (it
 * warns "Unknown cli config") and pass `500` on as an argument, so arrcast said only "too many
 * arguments for 'run'". npm leaves each such flag in the environment as npm_config_<name>. The note
 * names the arrcast options (`longOptions`, e.g. '--trials') found there; undefined when none is,
 * or when not started by the npm script.
 *
 * @example npmSwallowedNote({ npm_lifecycle_event: 'arrcast', npm_config_trials: 'true' }, ['--trials', '--out'])
 * // => 'arrcast: note: npm took --trials as its own setting and did not pass it on: put -- before arrcast\'s arguments (npm run arrcast -- run plan.yaml --trials 20000)'
 */
export function npmSwallowedNote(env: NodeJS.ProcessEnv, longOptions: readonly string[]): string | undefined {
  if (env.npm_lifecycle_event !== 'arrcast') return undefined;
  // npm reads --no-progress as progress=false: the setting is named without its no-.
  const setting = (flag: string) => `npm_config_${flag.replace(/^--(no-)?/, '').replace(/-/g, '_').toLowerCase()}`;
  const taken = [...new Set(longOptions)].filter((flag) => env[setting(flag)] !== undefined);
  if (taken.length === 0) return undefined;
  return `arrcast: note: npm took ${taken.join(', ')} as its own setting${taken.length === 1 ? '' : 's'} and did not pass ${taken.length === 1 ? 'it' : 'them'} on: put -- before arrcast's arguments (npm run arrcast -- run plan.yaml --trials 20000)`;
}

/** The commands that write files, and whether they do without --out (compare and score print only). */
const WRITES: Readonly<Record<string, 'always' | 'with --out'>> = { init: 'always', run: 'always', merge: 'always', fit: 'always', compare: 'with --out', score: 'with --out' };

/**
 * A note after a command that wrote files from `npm run arrcast` typed in a subfolder: npm runs it
 * in the clone's top folder, so `cd plans && npm run arrcast -- init q3.yaml` wrote the clone's
 * q3.yaml and said "wrote q3.yaml", and the planner looked for it in plans/ (a report's default
 * reports/<name>/ likewise). The note says where what was written is. Undefined when the written
 * path is absolute (init's file, --out), when the command wrote nothing, or when not started by
 * the npm script from a subfolder.
 *
 * @example npmWroteNote(['init', 'q3.yaml'], { npm_lifecycle_event: 'arrcast', INIT_CWD: '/clone/plans' }, '/clone')
 * // => "arrcast: note: npm run arrcast reads and writes paths from the clone's top folder: what it wrote is in /clone, not in /clone/plans where it was typed (link arrcast once, npm link, and type arrcast ... in any folder to read and write there)"
 */
export function npmWroteNote(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.npm_lifecycle_event !== 'arrcast' || !env.INIT_CWD) return undefined;
  const typedIn = resolve(env.INIT_CWD);
  const top = resolve(cwd);
  if (typedIn === top) return undefined;
  const command = args[0];
  const writes = command === undefined ? undefined : WRITES[command];
  if (writes === undefined || args.includes('--help') || args.includes('-h')) return undefined;
  // The path written to: --out's (the last given wins, as commander takes it), or init's file.
  let out: string | undefined;
  args.forEach((arg, i) => {
    if (arg === '--out' || arg === '-o') out = args[i + 1];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (/^-o./.test(arg)) out = arg.slice(2);
  });
  if (command === 'init') out = args.slice(1).find((a, i, rest) => !a.startsWith('-') && !['--template', '-t'].includes(rest[i - 1] ?? ''));
  if (out === undefined && writes === 'with --out') return undefined;
  if (out !== undefined && isAbsolute(out)) return undefined;
  return terminalCell(
    `arrcast: note: npm run arrcast reads and writes paths from the clone's top folder: what it wrote is in ${top}, not in ${typedIn} where it was typed (link arrcast once, npm link, and type arrcast ... in any folder to read and write there)`,
  );
}
