// CPU cost of holding a .json scenario to JSON's syntax (src/scenario/json-syntax-issue.ts) beside
// JSON.parse of the same text: a scenario of N tiers like scenarios/example.yaml's, written as JSON.
// Usage: npm run build && node bench/json-syntax-check.mjs [TIERS=2000]
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { parse } from 'yaml';
import { jsonSyntaxProblem } from '../dist/scenario/json-syntax-issue.js';

const tiers = Number(process.argv[2] ?? 2000);
const example = parse(readFileSync(new URL('../scenarios/example.yaml', import.meta.url), 'utf8'));
const text = JSON.stringify({ ...example, tiers: Array.from({ length: tiers }, (_, i) => ({ ...example.tiers[i % example.tiers.length], name: `T${i}` })) }, null, 2);
const cpuMs = (f) => {
  const start = cpuUsage();
  for (let r = 0; r < 5; r++) f();
  const d = cpuUsage(start);
  return (d.user + d.system) / 1000 / 5;
};
if (jsonSyntaxProblem(text) !== undefined) throw new Error('the generated JSON was refused');
const start = cpuUsage();
parse(text);
const yamlCpu = cpuUsage(start);
console.log(`${(text.length / 1e6).toFixed(1)} MB of JSON: syntax check ${cpuMs(() => jsonSyntaxProblem(text)).toFixed(1)} ms CPU, JSON.parse ${cpuMs(() => JSON.parse(text)).toFixed(1)} ms CPU (mean of 5); the YAML reader that follows ${((yamlCpu.user + yamlCpu.system) / 1000).toFixed(0)} ms CPU (once)`);
