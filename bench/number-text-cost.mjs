// CPU time of the check that a plain number YAML read is read so by its field too (scenario/number-text.ts):
// the walk of the document every load pays, beside the load's own parse (readScenarioDocument), for the
// shipped scenarios and a generated file of 50,000 numbers; and a whole validation with and without one
// `openingArr: 18.000` (numberTextIssues' second check runs only then). Run after `npm run build`:
// node bench/number-text-cost.mjs
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { numbersReadOtherwise } from '../dist/scenario/number-text.js';
import { readScenarioDocument, parseScenario } from '../dist/scenario/parse.js';

const cpu = (f, n) => {
  f();
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / n / 1000;
};
const big = `name: Big\nvalues: [${Array.from({ length: 50_000 }, (_, i) => `${i}.${i % 7}`).join(', ')}]\n`;
for (const [label, text, n] of [
  ['scenarios/example.yaml', readFileSync('scenarios/example.yaml', 'utf8'), 200],
  ['scenarios/hybrid-company.yaml', readFileSync('scenarios/hybrid-company.yaml', 'utf8'), 200],
  ['50,000 numbers in a list (generated)', big, 5],
]) {
  const doc = parseDocument(text);
  console.log(`${label}: walk ${cpu(() => numbersReadOtherwise(doc), n).toFixed(3)} ms CPU; whole read (parse + walk) ${cpu(() => readScenarioDocument(text, 'x.yaml'), n).toFixed(3)} ms CPU`);
}
const plan = (arr) => `name: P\ntiers:\n  - name: SMB\n    existing: { openingArr: ${arr}, customers: 10, renewalRate: 0.9 }\n    newBusiness: { leadsPerMonth: 100, conversion: 0.1, acv: 12k }\n`;
const refused = (text) => () => {
  try {
    parseScenario(text);
  } catch {
    /* refused, as expected */
  }
};
console.log(`parseScenario, openingArr: 18M ${cpu(() => parseScenario(plan('18M')), 500).toFixed(3)} ms CPU; openingArr: 18.000 (refused after a second check) ${cpu(refused(plan('18.000')), 500).toFixed(3)} ms CPU`);
// A refusal with readings checks each against its field (checked-advice.ts checkedReadings): one more
// validation per reading, paid only by a file refused so.
const month = (m) => `name: P\nfiscalYearStartMonth: ${m}\ntiers:\n  - name: SMB\n    existing: { openingArr: 18M, customers: 10, renewalRate: 0.9 }\n`;
console.log(`parseScenario refused, fiscalYearStartMonth: 2.000 (two readings checked) ${cpu(refused(month('2.000')), 500).toFixed(3)} ms CPU; fiscalYearStartMonth: Feb2 (no readings) ${cpu(refused(month('Feb2')), 500).toFixed(3)} ms CPU`);
