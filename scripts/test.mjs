#!/usr/bin/env node
// `npm test`: build dist/ (the tests of the built CLI run it), then run the suite while the type
// checks run beside it; exits non-zero when the build, a check or the suite fails. Arguments go to
// `vitest run` (`npm test -- test/x.test.ts`).
//
// Why beside the suite rather than before it: the checks (tsc of src, test and bench; tsc of the
// studio page under DOM types) are single-threaded and emit nothing the tests read. Run before the
// suite, as build-and-typecheck does, they kept one of two cores idle for most of the build
// (bench/RESULTS.md, twenty-sixth session); beside it they fill the gaps. Their output is held and
// printed after the suite's, so that it is not cut into vitest's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The packages' command files (their "bin"; vitest's is not among its exports, so not resolvable by name).
const TSC = join(root, 'node_modules/typescript/bin/tsc');
const VITEST = join(root, 'node_modules/vitest/vitest.mjs');

/** Run `node args`; resolves with its exit code (1 if killed), its output passed through or, when `hold`, collected. */
function node(args, hold = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (hold) for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: 1, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The checks, one after the other (one more process on the cores, not two). */
async function typeChecks() {
  const results = [];
  for (const args of [
    [TSC, '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo-check'],
    [TSC, '-p', 'src/studio/page/tsconfig.json'],
  ])
    results.push({ name: `tsc ${args.slice(1).join(' ')}`, ...(await node(args, true)) });
  return results;
}

const checks = typeChecks();
let code = 0;
for (const args of [
  [TSC, '-p', 'tsconfig.build.json', '--noCheck', '--declaration', 'false', '--composite', 'false', '--incremental', 'false'],
  ['scripts/build-studio.mjs'],
  ['scripts/bundle.mjs'],
]) {
  code = (await node(args)).code;
  if (code !== 0) break;
}
if (code === 0) {
  await node(['scripts/check-browser.mjs']);
  code = (await node([VITEST, 'run', ...process.argv.slice(2)])).code;
}
for (const check of await checks) {
  if (check.output !== '') process.stdout.write(check.output);
  if (check.code !== 0) {
    console.error(`npm test: ${check.name} failed (exit ${check.code})`);
    if (code === 0) code = check.code;
  }
}
process.exitCode = code;
