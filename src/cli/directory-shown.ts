import { terminalCell } from '../report/terminal-text.js';

/**
 * An output directory as a message shows it: as the user typed it, for the terminal, with one `/`
 * after it (`--out new/` was shown `new//`).
 *
 * @example directoryShown('reports/q3/') // => 'reports/q3/'
 */
export const directoryShown = (typed: string): string => `${terminalCell(typed.replace(/(.)\/+$/, '$1'))}/`;
