import { terminalCell } from '../report/terminal-text.js';
import { UsageError } from './exit-codes.js';

/**
 * Refuse a .json name for a scenario that `init` or `fit` writes: both write commented YAML, which
 * arrcast reads (YAML holds JSON) but a JSON tool or editor does not. `what` names the file
 * ('plan.json', '--out plan.json').
 *
 * @example refuseJsonName('plan.json', 'plan.json') // throws "plan.json: ... name it plan.yaml ..."
 */
export function refuseJsonName(file: string, what: string): void {
  if (/\.json$/i.test(file))
    throw new UsageError(`${terminalCell(what)}: arrcast writes a commented YAML scenario, not JSON; name it ${terminalCell(file.replace(/\.json$/i, '.yaml'))} (arrcast reads YAML and JSON alike)`);
}
