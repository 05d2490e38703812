#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts) and the worker (src/engine/worker.ts) over tsc's modules
// in dist/cli/main.js and dist/engine/worker.js, one file each (src/engine/bundle-options.ts says
// what is inlined). Why: Node loads a module graph of hundreds of files at a few hundred
// microseconds a file; every `arrcast` process and each of its workers paid that at start (see
// bench/RESULTS.md). The library (dist/index.js and the rest) stays tsc's modules. Runs after tsc.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE_OPTIONS } from '../dist/engine/bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { ...NODE_BUNDLE_OPTIONS, external: [...NODE_BUNDLE_OPTIONS.external], logLevel: 'warning' };
await Promise.all([
  build({ ...options, entryPoints: [`${root}src/cli/main.ts`], outfile: `${root}dist/cli/main.js` }),
  build({ ...options, entryPoints: [`${root}src/engine/worker.ts`], outfile: `${root}dist/engine/worker.js` }),
]);
