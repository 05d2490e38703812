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
