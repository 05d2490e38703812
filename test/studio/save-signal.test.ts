import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudio, stopStudio } from '../helpers/studio-process.js';
import { saveOverlay } from '../../src/studio/save.js';

/**
 * A studio stopped (SIGINT, SIGTERM, SIGHUP) while a save is being written: the what-if is not put
 * in place (the page it was saved from is cut off and can never be told it was), and its temporary
 * file goes; a second signal while the stop is held removes the temporary file too. The old state of
 * the folder, never a half file, never a `.arrcast-tmp-`. The studio exits 0 on the first signal (its
 * way to end: README), 143 on a second. Real processes (the built CLI, `npm run
 * build` first), paused by ARRCAST_PAUSE_AT=saving once the temporary file is written whole.
 * Before, the save went on after the signal: the file was written and the studio exited 0.
 */
let dir: string;
const PLAN = 'name: Save signal\nseed: 1\ntiers:\n  - name: SMB\n    existing: { openingArr: 12M, customers: 1000, renewalRate: 0.9 }\n';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arrcast-save-signal-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** POST a save of the untouched state under `name`; resolves with the status, or 'cut off' when the studio closed the connection. */
function save(url: string, name: string): Promise<number | 'cut off'> {
  const u = new URL(url);
  const body = JSON.stringify({ state: {}, name });
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: u.port, method: 'POST', path: '/api/save', headers: { host: u.host, 'x-arrcast-token': u.searchParams.get('token')!, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
        res.on('error', () => resolve('cut off'));
      },
    );
    req.on('error', () => resolve('cut off'));
    req.end(body);
  });
}

/** A studio over a fresh folder, paused at `pauseAt`, a save sent and paused there; the folder, the process and its stderr. */
async function pausedSave(folder: string, pauseAt: string) {
  const sub = join(dir, folder);
  rmSync(sub, { recursive: true, force: true });
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'plan.yaml'), PLAN);
  // stdin a pipe: a held stop (`saving:hold`) waits for it to end.
  const { studio, url } = await startStudio([join(sub, 'plan.yaml'), '--port', '0', '--trials', '20', '--workers', '1'], { env: { ARRCAST_PAUSE_AT: pauseAt }, stdin: 'pipe' });
  let err = '';
  const paused = new Promise<void>((resolve) => {
    studio.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      if (err.includes('paused at saving')) resolve();
    });
  });
  const answer = save(url, 'what if');
  await paused;
  const exited = new Promise<number | null>((resolve) => studio.on('exit', (code) => resolve(code)));
  return { sub, studio, answer, exited, stderr: () => err };
}

describe('arrcast studio: a save in progress when the studio is stopped', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: no what-if file, no temporary file; exit 0, the studio\'s way to end', async (signal) => {
    const { sub, studio, answer, exited } = await pausedSave(`one-${signal}`, 'saving');
    try {
      // Paused with the temporary file written whole beside where the what-if goes.
      expect(readdirSync(sub).filter((f) => f.includes('.arrcast-tmp-'))).toHaveLength(1);
      studio.kill(signal);
      expect(await exited).toBe(0);
      expect(await answer).not.toBe(200);
      expect(readdirSync(sub)).toEqual(['plan.yaml']);
    } finally {
      await stopStudio(studio);
    }
  }, 60_000);

  it('a second SIGTERM while the stop is held: exit 143, no what-if file, no temporary file', async () => {
    const { sub, studio, exited, stderr } = await pausedSave('twice', 'saving:hold');
    try {
      expect(readdirSync(sub).filter((f) => f.includes('.arrcast-tmp-'))).toHaveLength(1);
      studio.kill('SIGTERM');
      while (!stderr().includes('interrupted at saving')) await new Promise((r) => setTimeout(r, 20));
      studio.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(readdirSync(sub)).toEqual(['plan.yaml']);
    } finally {
      await stopStudio(studio);
    }
  }, 60_000);
});

describe('saveOverlay stopped between its temporary file and its move (the page gone, or the studio stopped)', () => {
  it('rejects as a cancellation, and leaves no file and no temporary file', async () => {
    const sub = join(dir, 'in-process');
    mkdirSync(sub, { recursive: true });
    const stop = new AbortController();
    let temps: string[] = [];
    const err = await saveOverlay(sub, 'w.yaml', 'x: 1\n', {
      signal: stop.signal,
      onStep: async (step) => {
        expect(step).toBe('saving');
        temps = readdirSync(sub);
        stop.abort();
      },
    }).then(() => undefined, (e: unknown) => e);
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(/^\.w\.yaml\.arrcast-tmp-/);
    expect((err as Error | undefined)?.name).toBe('AbortError');
    expect(readdirSync(sub)).toEqual([]);
  });
});
