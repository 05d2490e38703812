import { expect } from 'vitest';
import { parseOutcomes, type ScoredReport } from '../../src/scoring/outcomes-file.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

/** The problems parseOutcomes reports for an outcomes file `o.csv`, as `line:column path: message` (none: []). */
export function outcomeProblems(text: string, reports: ScoredReport[]): string[] {
  try {
    parseOutcomes(text, 'o.csv', reports);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    return (err as ScenarioError).issues.map((i) => `${i.line}:${i.column} ${i.path.join('.')}: ${i.message}`);
  }
  return [];
}
