/**
 * How arrcast's Node code is bundled into one ES module file by esbuild: the command line and the
 * worker for dist/ (scripts/bundle.mjs), and the worker for pools started from the sources
 * (source-worker.ts). Every dependency is inlined but piscina (it starts its threads from its own
 * files) and vega, vega-lite (loaded only when charts are drawn); dependencies written as CommonJS
 * (seedrandom) call require, which an ES module has not: the banner makes one.
 */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['piscina', 'vega', 'vega-lite'],
  banner: { js: "import { createRequire as arrcastCreateRequire } from 'node:module'; const require = arrcastCreateRequire(import.meta.url);" },
} as const;
