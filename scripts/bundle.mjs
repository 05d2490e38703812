#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts) and the worker (src/engine/worker.ts) over tsc's modules
// in dist/cli/main.js and dist/engine/worker.js, one file each (src/engine/bundle-options.ts says
// what is inlined). Why: Node loads a module graph of hundreds of files at a few hundred
// microseconds a file; every `arrcast` process and each of its workers paid that at start (see
// bench/RESULTS.md). The library (dist/index.js and the rest) stays tsc's modules. Runs after tsc.
//
// vega and vega-lite, which the command line imports only when it draws charts, are bundled too, apart:
// dist/cli/vendor/vega.js and vega-lite.js (with the code they share in a chunk beside them), which
// main.js imports in their place. Loaded as the packages' own ES modules they were some 200 files,
// about 0.25 s of CPU at every process that drew a chart (0.12 s bundled).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE_OPTIONS } from '../dist/engine/bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const options = { ...NODE_BUNDLE_OPTIONS, external: [...NODE_BUNDLE_OPTIONS.external], logLevel: 'warning' };
const VENDORED = ['vega', 'vega-lite'];
// The shared chunk is named by its content's hash: an earlier build's is removed, not left beside it.
rmSync(`${root}dist/cli/vendor`, { recursive: true, force: true });
/** main.js imports the vendored bundles, by a path relative to itself, where the sources import the packages. */
const vendored = {
  name: 'arrcast-vendored',
  setup(b) {
    b.onResolve({ filter: /^vega(-lite)?$/ }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};
await Promise.all([
  build({
    ...options,
    external: options.external.filter((name) => !VENDORED.includes(name)),
    plugins: [vendored],
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${root}dist/cli/main.js`,
  }),
  build({
    ...options,
    external: [],
    entryPoints: VENDORED.map((name) => ({ in: fileURLToPath(import.meta.resolve(name)), out: name })),
    splitting: true,
    chunkNames: 'shared-[hash]',
    outdir: `${root}dist/cli/vendor`,
    banner: { js: "import { createRequire as arrcastVendorRequire } from 'node:module'; const require = arrcastVendorRequire(import.meta.url);" },
  }),
  build({ ...options, entryPoints: [`${root}src/engine/worker.ts`], outfile: `${root}dist/engine/worker.js` }),
]);
