#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts) and the worker (src/engine/worker.ts) over tsc's modules
// in dist/cli/main.js and dist/engine/worker.js, each one file with arrcast's modules and its
// dependencies but piscina (it starts its threads from its own files) and vega, vega-lite (loaded only
// when charts are drawn). Why: Node loads a module graph of hundreds of files a few hundred
// microseconds a file; every `arrcast` process and each of its workers paid that at start (see
// bench/RESULTS.md). The library (dist/index.js and the rest) stays tsc's modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['piscina', 'vega', 'vega-lite'],
  // Dependencies written as CommonJS (seedrandom) call require: an ES module has none of its own.
  banner: { js: "import { createRequire as arrcastCreateRequire } from 'node:module'; const require = arrcastCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: [`${root}src/cli/main.ts`], outfile: `${root}dist/cli/main.js` }),
  build({ ...common, entryPoints: [`${root}src/engine/worker.ts`], outfile: `${root}dist/engine/worker.js` }),
]);
