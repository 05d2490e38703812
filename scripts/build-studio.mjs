#!/usr/bin/env node
// Builds the studio's page (src/studio/page) into dist/studio/assets: one script bundled by esbuild
// with Vega and Vega-Lite from node_modules, the HTML and the CSS. The server serves these three
// files only; the page loads nothing from anywhere else.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const page = `${root}src/studio/page/`;
const out = `${root}dist/studio/assets/`;
await mkdir(out, { recursive: true });
await build({
  entryPoints: [`${page}main.ts`],
  outfile: `${out}studio.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
await copyFile(`${page}index.html`, `${out}index.html`);
await copyFile(`${page}studio.css`, `${out}studio.css`);
