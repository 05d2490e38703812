#!/usr/bin/env node
// Bundles the command line (src/cli/main.ts) and the worker (src/engine/worker.ts) over tsc's modules,
// one file each (src/engine/bundle-options.ts says what is inlined). Why: Node loads a module graph of
// hundreds of files at a few hundred microseconds a file; every `arrcast` process and each of its
// workers paid that at start (see bench/RESULTS.md). The library (dist/index.js and the rest) stays
// tsc's modules. Runs after tsc.
//
// Each bundle is a script (esbuild's CommonJS form), dist/cli/main.bundle.cjs and
// dist/engine/worker.bundle.cjs, run by a small ES module in the place of tsc's, dist/cli/main.js
// (the bin) and dist/engine/worker.js, through src/engine/script-bundle.ts, with the V8 code cache
// scripts/code-cache.mjs makes last (Node 20 caches no ES module's code; a script's it can).
//
// vega and vega-lite, which the command line loads only when it draws charts, are bundled too, apart:
// dist/cli/vendor/charts.bundle.cjs, run (with its own code cache) at the first chart. Loaded as the
// packages' own ES modules they were some 200 files, about 0.25 s of CPU at every process that drew a
// chart (0.12 s bundled).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE_OPTIONS } from '../dist/engine/bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { banner: _esmOnly, ...esm } = NODE_BUNDLE_OPTIONS;
// A script: `require` and `import.meta` are the loader's (script-bundle.ts's BUNDLE_PARAMETERS).
const options = { ...esm, format: 'cjs', external: [...esm.external], define: { 'import.meta': '__arrcastImportMeta' }, logLevel: 'warning' };
const VENDORED = { vega: 'vega', 'vega-lite': 'vegaLite' };
const CHARTS = './vendor/charts.bundle.cjs';
rmSync(`${root}dist/cli/vendor`, { recursive: true, force: true });
/** main's `import('vega')` and `import('vega-lite')` read the charts' bundle, loaded once, beside main's. */
const vendored = {
  name: 'arrcast-vendored',
  setup(b) {
    b.onResolve({ filter: /^vega(-lite)?$/ }, (args) => ({ path: args.path, namespace: 'arrcast-vendored' }));
    b.onResolve({ filter: /^arrcast-charts$/ }, () => ({ path: 'charts', namespace: 'arrcast-vendored' }));
    b.onLoad({ filter: /.*/, namespace: 'arrcast-vendored' }, (args) => ({
      loader: 'js',
      contents: args.path === 'charts' ? `module.exports = __arrcastScriptBundle(${JSON.stringify(CHARTS)});` : `module.exports = require('arrcast-charts').${VENDORED[args.path]};`,
    }));
  },
};
/**
 * vega-canvas looks for the optional package canvas by a top-level await, which a script cannot have;
 * require, in the same try, finds it or not alike (charts are drawn with renderer 'none': not needed).
 */
const canvasByRequire = {
  name: 'arrcast-canvas-by-require',
  setup(b) {
    b.onLoad({ filter: /vega-canvas[\\/]build[\\/]vega-canvas\.node\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace("NodeCanvas = await import('canvas');", "NodeCanvas = require('canvas');");
      if (contents === source) throw new Error(`${args.path}: its import('canvas') is not where scripts/bundle.mjs expects it`);
      return { contents, loader: 'js' };
    });
  },
};
/** An ES module in the place of tsc's `stub`, running the script bundle `bundle` (beside it). */
const runner = (stub, bundle, run) => writeFileSync(`${root}${stub}`, `${stub.endsWith('main.js') ? '#!/usr/bin/env node\n' : ''}// Runs ${bundle} with its code cache (scripts/bundle.mjs).
import { runScriptBundle } from '../engine/script-bundle.js';

${run(`runScriptBundle(new URL('./${bundle}', import.meta.url), import.meta)`)}
`);
await Promise.all([
  build({
    ...options,
    external: options.external.filter((name) => !(name in VENDORED)),
    plugins: [vendored],
    entryPoints: [`${root}src/cli/main.ts`],
    outfile: `${root}dist/cli/main.bundle.cjs`,
  }),
  build({
    ...options,
    external: ['canvas'],
    plugins: [canvasByRequire],
    stdin: { contents: Object.entries(VENDORED).map(([name, key]) => `export * as ${key} from '${name}';`).join('\n'), resolveDir: root, loader: 'js' },
    outfile: `${root}dist/cli/${CHARTS}`,
  }),
  build({ ...options, entryPoints: [`${root}src/engine/worker.ts`], outfile: `${root}dist/engine/worker.bundle.cjs` }),
]);
// main.ts's `#!` line (kept by esbuild) would not parse inside the loader's function.
const main = `${root}dist/cli/main.bundle.cjs`;
writeFileSync(main, readFileSync(main, 'utf8').replace(/^#!.*/, ''));
// It awaits the command's end (main.ts's `finished`): as main.ts's own top-level await did, an exit with it unsettled is Node's exit code 13.
runner('dist/cli/main.js', 'main.bundle.cjs', (run) => `await ${run}.finished;`);
runner('dist/engine/worker.js', 'worker.bundle.cjs', (run) => `export default ${run}.default;`);
// The caches are optional: code-cache.mjs removes the old ones, and ends with exit code 0 and a warning
// when it cannot make them. Should it end otherwise (killed, or V8 aborted), the build still succeeds,
// without caches.
const made = spawnSync(process.execPath, [`${root}scripts/code-cache.mjs`], { stdio: 'inherit' });
if (made.status !== 0) {
  for (const folder of ['dist/cli', 'dist/cli/vendor', 'dist/engine'])
    for (const name of readdirSync(`${root}${folder}`)) if (/\.bundle\.cjs\.cache(\.\d+\.tmp)?$/.test(name)) rmSync(`${root}${folder}/${name}`, { force: true });
  process.stderr.write(`code cache: not made (scripts/code-cache.mjs ended with ${made.signal ?? `exit code ${made.status}`}); the bundles run without it\n`);
}
