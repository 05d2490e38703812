import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

/** `arrcast studio ARGS` (the built CLI) started in the background, and the address with its token once it has printed it. */
export async function startStudio(args: readonly string[], options: { readonly env?: NodeJS.ProcessEnv; readonly stdin?: 'pipe' } = {}): Promise<{ studio: ChildProcess; url: string }> {
  const studio = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'studio', ...args], { stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    studio.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(out);
      if (m) resolve(m[0]);
    });
    studio.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    studio.on('exit', (code) => reject(new Error(`arrcast studio exited (${code}) before printing its address: ${err}`)));
  });
  return { studio, url };
}

/** Stop a studio started by startStudio (SIGTERM) and wait for it to exit. */
export async function stopStudio(studio: ChildProcess | undefined): Promise<void> {
  if (studio && studio.exitCode === null) {
    const exited = new Promise((r) => studio.on('exit', r));
    studio.kill('SIGTERM');
    await exited;
  }
}
