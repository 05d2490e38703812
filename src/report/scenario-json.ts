import type { Scenario } from '../scenario/scenario-schema.js';
import type { KnownOutput } from './inputs-inside-output.js';
import { REPORT_FILES } from './report-files.js';

/**
 * The text of a report's scenario.json: the validated scenario, defaults filled in. One function, so
 * that the check for an input the run would replace (inputs-inside-output.ts) compares with exactly
 * what writeReport writes. Complexity: O(size of the scenario).
 */
export function scenarioJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** scenario.json as a file the run will write, known before it runs (refuseInputsInsideOutput). */
export function scenarioJsonOutput(scenario: Scenario): KnownOutput {
  return { name: REPORT_FILES.scenario, text: scenarioJson(scenario) };
}
