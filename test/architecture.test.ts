import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house reads as the data flows, and lower rooms never import higher ones. A room is a folder
 * of src/ (or a top-level file); its rank is its place in the flow. A room may import its own
 * files and any room of lower rank, never one of equal or higher rank (two rooms of one rank are
 * neighbours that do not know each other).
 */
const RANK: Record<string, number> = {
  'version.ts': 0, // the package's version, read by every layer that writes files
  math: 0, // pure numerical functions (normal CDF, metalog, truncated-normal parameters)
  scenario: 1, // reading and validating scenario files
  random: 2, // seeded streams and samplers
  model: 3, // the monthly model of a fiscal year
  actuals: 4, // what happened: monthly actuals, and the re-forecast's state and learning
  fit: 5, // drivers fitted from history
  engine: 6, // worker pool, chunks, parts
  analysis: 7, // summaries, decisions, attribution
  scoring: 8, // forecasts against outcomes
  report: 9, // files written for people
  studio: 10, // the what-if page, beside the CLI
  cli: 11, // the command line
  api: 12, // the library's functions with their arguments checked
  'index.ts': 13, // the library's public entry
};

const SRC = resolve(__dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|tsx|mts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const roomOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!;

/** Relative specifiers of static imports and exports, dynamic imports and `new Worker(new URL(...))`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*['"](\.[^'"]+)['"]/g, /\bimport\s*\(\s*['"](\.[^'"]+)['"]\s*\)/g, /\bimport\s*['"](\.[^'"]+)['"]/g, /new URL\(\s*['"](\.[^'"]+)['"]/g];
  for (const p of patterns) for (const m of text.matchAll(p)) out.push(m[1]!);
  return out;
}

const files = sourceFiles(SRC);
const edges = files.flatMap((file) => {
  const from = roomOf(file);
  return specifiers(readFileSync(file, 'utf8')).map((spec) => ({
    file: relative(SRC, file),
    spec,
    from,
    to: roomOf(resolve(dirname(file), spec)),
  }));
});

describe('the house', () => {
  it('knows every room of src/', () => {
    const rooms = [...new Set(files.map(roomOf))];
    expect(rooms.filter((r) => RANK[r] === undefined)).toEqual([]);
  });

  it('finds the imports it checks (the scan itself works)', () => {
    expect(edges.some((e) => e.from === 'model' && e.to === 'random')).toBe(true);
    expect(edges.some((e) => e.from === 'cli' && e.to === 'report')).toBe(true);
  });

  it('has no import from a lower room to a higher one, or between neighbours', () => {
    const upward = edges
      .filter((e) => e.from !== e.to && RANK[e.to] !== undefined && RANK[e.from]! <= RANK[e.to]!)
      .map((e) => `${e.file} (${e.from}) imports ${e.spec} (${e.to})`);
    expect(upward).toEqual([]);
  });
});

/** Specifiers of imports that exist at run time (`import type` and `export type` are erased). */
const runtimeSpecifiers = (text: string) => specifiers(text.replace(/\b(?:import|export)\s+type\s*\{[^}]*\}\s*from\s*['"][^'"]+['"]/g, ''));

describe('the files', () => {
  it('import one another without circles at run time (a circle leaves a module half-initialised)', () => {
    const graph = new Map<string, string[]>();
    for (const file of files) graph.set(file, []);
    for (const file of files)
      for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        if (graph.has(target)) graph.get(file)!.push(target);
      }
    // Depth-first search; a grey node met again closes a circle.
    const state = new Map<string, 'grey' | 'black'>();
    const circles: string[] = [];
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'grey');
      stack.push(f);
      for (const g of graph.get(f)!) {
        if (state.get(g) === 'grey') circles.push([...stack.slice(stack.indexOf(g)), g].map((x) => relative(SRC, x)).join(' -> '));
        else if (state.get(g) === undefined) visit(g);
      }
      stack.pop();
      state.set(f, 'black');
    };
    for (const f of files) if (state.get(f) === undefined) visit(f);
    expect(graph.get(join(SRC, 'cli/program.ts'))!.length).toBeGreaterThan(5);
    expect(circles).toEqual([]);
  });
});
