import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { jsonSyntaxProblem } from '../../src/scenario/json-syntax-issue.js';
import { fixtureText } from '../helpers/fixtures.js';

/**
 * A `.json` scenario is read as JSON: a missing comma was "not valid YAML: Missing , between flow map
 * items", and a trailing comma was accepted (YAML allows it), leaving "tiers: is required" later or nothing.
 */
const good = [
  '{',
  '  "name": "Minimal",',
  '  "currency": "EUR",',
  '  "trials": 2000,',
  '  "seed": 3,',
  '  "tiers": [',
  '    {',
  '      "name": "SMB",',
  '      "existing": { "openingArr": 1200000, "customers": 120, "renewalRate": { "dist": "beta", "mean": 0.9, "sd": 0.02 } },',
  '      "newBusiness": {',
  '        "leadsPerMonth": { "dist": "poisson", "mean": 100 },',
  '        "conversion": 0.05,',
  '        "acv": { "dist": "lognormal", "mean": 12000, "sd": 4000 }',
  '      }',
  '    }',
  '  ]',
  '}',
  '',
].join('\n');

const refused = (text: string) => {
  try {
    parseScenario(text, 'plan.json');
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('a .json scenario is read as JSON', () => {
  it('a valid one reads as the YAML fixture it writes out', () => {
    expect(parseScenario(good, 'plan.json').scenario).toEqual(parseScenario(fixtureText('minimal.yaml'), 'plan.yaml').scenario);
  });

  it.each([
    ['a missing comma, at the end of the value before it', good.replace('"EUR",', '"EUR"'), 'plan.json:3:20 not valid JSON: expected \',\' or \'}\' after this value (is a comma missing?)'],
    ['a trailing comma in an object, at the comma', good.replace('"sd": 4000 }', '"sd": 4000, }'), 'plan.json:13:64 not valid JSON: a comma before } ends nothing: remove the trailing comma'],
    ['a trailing comma in a list, at the comma', good.replace('    }\n  ]', '    },\n  ]'), 'plan.json:15:6 not valid JSON: a comma before ] ends nothing: remove the trailing comma'],
    ['a key without quotes', good.replace('"seed"', 'seed'), 'plan.json:5:3 not valid JSON: expected a key in double quotes'],
    ['a string never closed', good.replace('"Minimal",', '"Minimal,'), 'plan.json:2:20 not valid JSON: a line break or control character inside a string: close the string with " before it'],
    ['a list closed with }', good.replace('    }\n  ]', '    }\n  }'), 'plan.json:16:3 not valid JSON: this } does not close the [ on line 6: close that with ] first'],
    ['a file cut short', good.slice(0, good.indexOf('"tiers"')), 'plan.json:6:3 not valid JSON: the file ends before a } closes the object'],
  ])('%s', (_, text, message) => {
    expect(refused(text)).toBe(message);
  });

  it('a .yaml file keeps YAML\'s flow syntax, trailing comma included', () => {
    expect(parseScenario(good.replace('"sd": 4000 }', '"sd": 4000, }'), 'plan.yaml').scenario.tiers).toHaveLength(1);
  });

  it('finds a problem exactly when JSON.parse refuses the text', () => {
    const texts = ['{}', '[]', '1', '-0.5e+3', '"a\\u00e9\\n"', ' null ', '{"a":[1,{"b":true}]}', '{"a":1,}', '[1,]', '[,1]', '{,}', '01', '1.', '.5', '+1', 'tru', 'nul', '{"a" 1}', '{"a":1 "b":2}', '"\\x"', '"a\tb"', '{"a":1}}', '[1 2]', '', '  ', '\ufeff{"a":1}', '{"a":{"b":[]}', "{'a':1}", 'NaN', '[1,2]x', '[1}', '{"a":[}', '{"a":1]'];
    for (const t of texts) {
      let valid = true;
      try {
        JSON.parse(t.replace(/^\ufeff/, ''));
      } catch {
        valid = false;
      }
      expect(jsonSyntaxProblem(t) === undefined, JSON.stringify(t)).toBe(valid);
    }
  });
});
