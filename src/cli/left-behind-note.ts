import type { LeftBehind } from '../engine/left-behind.js';
import { terminalCell } from '../report/terminal-text.js';

/**
 * The line that names a temporary copy arrcast could not remove (engine/left-behind.ts).
 *
 * @example leftBehindNote({ path: '/r/.arrcast-tmp-r-old-h1-2-3', what: 'the previous output /r/r, moved aside to be replaced,', reason: 'operation not permitted (EPERM) at /r/.arrcast-tmp-r-old-h1-2-3/report.html' })
 * // => 'arrcast: note: the previous output /r/r, moved aside to be replaced, could not be removed: operation not permitted (EPERM) at /r/.arrcast-tmp-r-old-h1-2-3/report.html; remove /r/.arrcast-tmp-r-old-h1-2-3 yourself\n'
 */
export function leftBehindNote(left: LeftBehind): string {
  return `arrcast: note: ${terminalCell(left.what)} could not be removed: ${terminalCell(left.reason)}; remove ${terminalCell(left.path)} yourself\n`;
}
