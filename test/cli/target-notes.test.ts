import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.js';
import { arrcastInProcess as arrcast } from '../helpers/cli.js';

const minimal = join(ROOT, 'test/fixtures/minimal.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'arrcast-target-notes-'));

describe('a target written without its suffix (--target revenue=2 meant 2M)', () => {
  it('gets a note on the terminal naming the suffix; a target in the range of the years gets none', async () => {
    const dir = tmp();
    const args = (out: string, ...targets: string[]) => ['run', minimal, '--trials', '300', '--workers', '0', '--quiet', '--out', join(dir, out), ...targets.flatMap((t) => ['--target', t])];
    const noted = await arrcast(args('noted', 'revenue=2', 'SMB:endingArr=2M', 'smb:bookings=3'));
    expect(noted.code, noted.stderr).toBe(0);
    const notes = noted.stderr.split('\n').filter((l) => l.startsWith('arrcast: note:'));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^arrcast: note: the target revenue >= 2 is under a hundredth of the lowest simulated year \(\d+(\.\d+)?[kM]\), so every year meets it; amounts take a suffix: did you mean 2M\?$/);
    expect(notes[1]).toMatch(/^arrcast: note: the target .* >= 3 is under a hundredth .*did you mean 3M\?$/);
    // A target in the range of the years gets no note.
    const plain = await arrcast(args('plain', 'revenue=2M'));
    expect(plain.stderr).not.toContain('arrcast: note:');
    // The note is the terminal's only: it is no plausibility warning of summary.json.
    expect(JSON.parse(readFileSync(join(dir, 'noted', 'summary.json'), 'utf8')).warnings).toEqual([]);
  });
});
