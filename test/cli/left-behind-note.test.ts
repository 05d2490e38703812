import { describe, expect, it } from 'vitest';
import { leftBehindNote } from '../../src/cli/left-behind-note.js';
import { LEFT_BEHIND_KEPT, leftBehind, takeLeftBehind } from '../../src/engine/left-behind.js';

describe('the note naming what arrcast could not remove', () => {
  it('names what it was, why, and the path to remove; control characters in a path shown escaped', () => {
    expect(leftBehindNote({ path: '/w/.arrcast-tmp-R1-old-h1-2-3', what: 'the previous output /w/R1, moved aside to be replaced,', reason: 'operation not permitted (EPERM) at /w/.arrcast-tmp-R1-old-h1-2-3/report.html' })).toBe(
      'arrcast: note: the previous output /w/R1, moved aside to be replaced, could not be removed: operation not permitted (EPERM) at /w/.arrcast-tmp-R1-old-h1-2-3/report.html; remove /w/.arrcast-tmp-R1-old-h1-2-3 yourself\n',
    );
    expect(leftBehindNote({ path: '/w/.arrcast-tmp-a\x1b[2Jb', what: 'x', reason: 'y' })).not.toContain('\x1b');
  });

  it('keeps the latest LEFT_BEHIND_KEPT, and taking them empties the list', () => {
    takeLeftBehind();
    for (let i = 0; i < LEFT_BEHIND_KEPT + 5; i++) leftBehind(`/p${i}`, 'w', 'r');
    const taken = takeLeftBehind();
    expect(taken).toHaveLength(LEFT_BEHIND_KEPT);
    expect(taken[0]!.path).toBe('/p5');
    expect(takeLeftBehind()).toEqual([]);
  });
});
