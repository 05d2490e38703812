import { terminalCell } from '../report/terminal-text.js';

/**
 * What a second signal prints as it exits: the outputs already written whole (they stay), and how
 * many earlier ones are not named (only the latest are kept: a long studio session places one
 * output a request, and listing the last 32 read as if they were all).
 *
 * @example interruptedAgain(['r/summary.json'], 3) // => 'arrcast: interrupted again; temporary files removed; already written whole: r/summary.json and 3 earlier\n'
 */
export function interruptedAgain(placed: readonly string[], earlier: number): string {
  if (placed.length === 0) return 'arrcast: interrupted again; temporary files removed, no output was written\n';
  const more = earlier > 0 ? ` and ${earlier.toLocaleString('en-US')} earlier` : '';
  return `arrcast: interrupted again; temporary files removed; already written whole: ${placed.map(terminalCell).join(', ')}${more}\n`;
}
