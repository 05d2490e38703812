// The cost of checking a copied scenario (not the parser's own object) against the schema, as the
// library's argument checks do once per object (api/argument-kinds.ts isScenario): ms per safeParse
// of scenarios/example.yaml's scenario. Usage: npm run build && node bench/scenario-schema-check.mjs
import { join } from 'node:path';
const root = join(import.meta.dirname, '..');
const L = await import(join(root, 'dist/index.js'));
const { scenarioSchema } = await import(join(root, 'dist/scenario/scenario-schema.js'));
const loaded = await L.loadScenario(join(root, 'scenarios/example.yaml'));
const copy = structuredClone(loaded.scenario);
for (let i = 0; i < 20; i++) scenarioSchema.safeParse(copy);
const start = process.cpuUsage();
const n = 200;
for (let i = 0; i < n; i++) scenarioSchema.safeParse(copy);
const used = process.cpuUsage(start);
console.log(`CPU ms per schema check of a copied scenario: ${((used.user + used.system) / 1000 / n).toFixed(2)}`);
