// CPU time of parseScenario (parse, number-text walk, validation) on two shipped scenarios, for the build in a dist folder:
// node bench/scenario-parse-cost.mjs "$PWD/dist" (and another checkout's dist, to pair two builds).
const dist = process.argv[2];
const { parseScenario } = await import(`${dist}/scenario/parse.js`);
const { readFileSync } = await import('node:fs');
for (const f of ['scenarios/example.yaml', 'scenarios/hybrid-company.yaml']) {
  const text = readFileSync(f, 'utf8');
  for (let i = 0; i < 20; i++) parseScenario(text);
  const t0 = process.cpuUsage();
  for (let i = 0; i < 200; i++) parseScenario(text);
  const u = process.cpuUsage(t0);
  console.log(dist, f, ((u.user + u.system) / 200 / 1000).toFixed(2), 'ms');
}
