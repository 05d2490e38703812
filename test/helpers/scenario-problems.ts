import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';
import { fixtureText } from './fixtures.js';

/** test/fixtures/minimal.yaml with each `[from, to]` replaced in turn; throws if the fixture has no `from`. */
export const editMinimal = (...pairs: Array<[string, string]>): string =>
  pairs.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    return text.replace(from, to);
  }, fixtureText('minimal.yaml'));

/** The lines of the ScenarioError a scenario text (as file `bad.yaml`) is refused with; [] when it is taken. */
export const scenarioProblems = (yaml: string): string[] => {
  try {
    parseScenario(yaml, 'bad.yaml');
  } catch (err) {
    if (err instanceof ScenarioError) return err.message.split('\n');
    throw err;
  }
  return [];
};
