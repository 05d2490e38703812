#!/usr/bin/env node
// Levers on the workers' kernel that change draws (issue 12), measured before any is built: each variant
// is a copy of a build with string patches (each checked: a pattern that is gone stops the script), paired
// against an unpatched copy of the same build in both load orders (worker-cpu-pair-both.mjs), and its draws
// counted (kernel-counts.mjs). Usage, after `npm run build`:
//   node bench/kernel-lever-probes.mjs [SCENARIO] [--dist DIR] [--rounds R] [--only NAME[,NAME]] [--keep]
// Variants:
//   remainder   the prototype of a lever: a sum of k >= 4 deals with k mod 4 = r > 0 draws its last 4 + r
//               deals from one table of S_{4+r} (three more tables a severity: S_5, S_6, S_7, error bound
//               stated as the power tables' own) instead of an S_4 and r deals one by one (a lognormal's exp,
//               a beta's two gammas each). A real candidate: other draws, the same distributions within the
//               tables' stated bound.
//   finer-grid  a second lever: the aggregate grids at 2^16 cells, not 2^15 (the cells still fit 16 bits), so
//               the rounding half of each table's stated error halves and the tables' rule (at most 0.25% of the
//               sum's mean) takes sums of wider severities (sigma 0.7-0.86) that it now leaves deal by deal.
//               Tables cost twice as much to build (main thread, once a run).
//   finer-remainder  both levers.
//   sums-free   NOT a candidate, a ceiling: every sum drawn deal by deal (exact lognormal sums, beta sums
//               below 4 draws or refused by the tables) replaced by n times the mean, drawing nothing. No
//               lever on small sums (tables of S_1..S_3, S_{4+r}, anything) can save more than this.
//   book-free   NOT a candidate, a ceiling: the aggregate book's renewal, contraction and expansion counts
//               replaced by round(n p), drawing nothing. No lever on those counts (one multinomial a month,
//               tables per (n, p)) can save more than this.
//   splits-free NOT a candidate, a ceiling (spd28): every lag split (sales cycle, service start, expansion timing)
//               drawing nothing: a unit's lag read from a fixed sequence instead of a uniform, a binomial split
//               as round(n p). No lever on the splits, with or without the same draws, can save more than this.
//   book-sums-free  NOT a candidate, a ceiling (spd28): the aggregate book's contraction and expansion sums (the
//               largest model step of a trial's profile) replaced by n x 0.2 and n x 0.3, drawing nothing: no
//               lever on those sums (tables, remainders, betas) can save more than this.
// The copies sit in a temporary folder beside a node_modules link to this checkout's; removed after
// unless --keep (then their paths are printed).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const dist = resolve(opt('--dist', 'dist'));
const rounds = opt('--rounds', '12');
const only = opt('--only', undefined)?.split(',');
const keep = flag('--keep');
const scenario = args[0] ?? 'scenarios/example.yaml';
const here = (f) => fileURLToPath(new URL(f, import.meta.url));

/** Replace `from` by `to` once in a copied file; stop when the pattern is not there. */
function patch(path, from, to) {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`kernel-lever-probes: pattern not found in ${path}: ${from.split('\n')[0]}`);
  writeFileSync(path, text.replace(from, to));
}

const VARIANTS = {
  remainder(d) {
    const f = join(d, 'random/compound-sum.js');
    // Slots 7, 8, 9 hold S_5, S_6, S_7 beside the powers' 2..6 (so adopt/built/buildAll carry them as they are).
    patch(f, 'const LARGEST_LOG2 = 6;', 'const LARGEST_LOG2 = 6;\nconst FIRST_REMAINDER_SLOT = LARGEST_LOG2 + 1;\nconst LAST_SLOT = FIRST_REMAINDER_SLOT + 2;\nconst dealsOfSlot = (slot) => (slot < FIRST_REMAINDER_SLOT ? 1 << slot : slot - FIRST_REMAINDER_SLOT + 5);');
    patch(f, 't = withAggregatePmf(this.severity, 1 << j,', 't = withAggregatePmf(this.severity, dealsOfSlot(j),');
    patch(f, 'for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {\n            try {', 'for (let j = SMALLEST_LOG2; j <= LAST_SLOT; j++) {\n            try {');
    patch(f, 'if (j >= SMALLEST_LOG2 && j <= LARGEST_LOG2)', 'if (j >= SMALLEST_LOG2 && j <= LAST_SLOT)');
    patch(
      f,
      `        let bound = 0;
        for (let j = SMALLEST_LOG2; j <= LARGEST_LOG2; j++) {
            const times = j === LARGEST_LOG2 ? Math.floor(k / (1 << LARGEST_LOG2)) : (k >> j) & 1;`,
      `        let bound = 0;
        const rest = k & 3;
        const remainderSlot = k >= 4 && rest > 0 ? FIRST_REMAINDER_SLOT + rest - 1 : 0;
        const whole = remainderSlot ? k - 4 - rest : k;
        for (let j = SMALLEST_LOG2; j <= LAST_SLOT; j++) {
            const times = j === remainderSlot ? 1 : j > LARGEST_LOG2 ? 0 : j === LARGEST_LOG2 ? Math.floor(whole / (1 << LARGEST_LOG2)) : (whole >> j) & 1;`,
    );
    patch(f, '            const n = 1 << j;\n            const { h } = t;', '            const n = dealsOfSlot(j);\n            const { h } = t;');
    patch(
      f,
      '        return (k) => {\n            let s = 0;\n            if (k >= 1 << LARGEST_LOG2) {',
      '        return (n) => {\n            let s = 0;\n            const rest = n & ((1 << SMALLEST_LOG2) - 1);\n            const k = n >= 4 && rest > 0 ? n - 4 - rest : n;\n            if (k >= 1 << LARGEST_LOG2) {',
    );
    patch(
      f,
      '            const rest = k & ((1 << SMALLEST_LOG2) - 1);\n            if (rest > 0) {',
      '            if (rest > 0 && n >= 4) {\n                const slot = FIRST_REMAINDER_SLOT + rest - 1;\n                draw(built[slot] ?? this.table(slot));\n                out[0] = s + drawn[0];\n            }\n            else if (rest > 0) {',
    );
  },
  'finer-grid'(d) {
    patch(join(d, 'math/aggregate-pmf.js'), 'export const CELLS = 1 << 15;', 'export const CELLS = 1 << 16;');
  },
  'finer-remainder'(d) {
    VARIANTS.remainder(d);
    VARIANTS['finer-grid'](d);
  },
  'sums-free'(d) {
    const f = join(d, 'model/distribution-sampler.js');
    patch(f, 'const exact = (n) => perDeal(n, sigma);', 'const mean = Math.exp((sigma * sigma) / 2);\n                const exact = (n) => { out[0] = n * mean; };');
    patch(f, '                    else\n                        perDeal(n, sigma);', '                    else\n                        exact(n);');
    patch(f, '                        draw(alpha, b);\n                        sum += drawn[0];', '                        sum += alpha / (alpha + b);');
  },
  'book-free'(d) {
    const f = join(d, 'model/existing-book-simulator.js');
    patch(f, 'this.renewals.draw(due)', 'Math.round(due * rates.renewal)');
    patch(f, 'this.contractionCount.draw(renewed)', 'Math.round(renewed * rates.contraction)');
    patch(f, 'this.expansionCount.draw(renewed - contracted)', 'Math.round((renewed - contracted) * rates.expansion)');
  },
  'splits-free'(d) {
    const f = join(d, 'model/lag-splitter.js');
    patch(f, '                const x = source() * size;', '                const x = ((k * 0.618034) % 1) * size;');
    patch(f, 'const c = j === lag.max ? remaining : this.binomials[j].draw(remaining);', 'const c = j === lag.max ? remaining : Math.round(remaining * this.lag.conditional[j]);');
  },
  'book-sums-free'(d) {
    const f = join(d, 'model/existing-book-simulator.js');
    patch(f, 'this.contractionSize(contracted);', 'this.sum[0] = contracted * 0.2;');
    patch(f, 'this.expansionSize(expanding);', 'this.sum[0] = expanding * 0.3;');
  },
};

const dir = mkdtempSync(join(tmpdir(), 'arrcast-lever-probes-'));
try {
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  // A is a copy too: both builds load from the same kind of path.
  const base = join(dir, 'base');
  cpSync(dist, base, { recursive: true });
  for (const [name, apply] of Object.entries(VARIANTS)) {
    if (only && !only.includes(name)) continue;
    const d = join(dir, name);
    cpSync(dist, d, { recursive: true });
    apply(d);
    console.log(`== ${name}${keep ? ` (${d})` : ''}`);
    const counts = execFileSync(process.execPath, [here('./kernel-counts.mjs'), scenario, '--dist', d], { encoding: 'utf8' });
    console.log(counts.trim().split('\n').slice(1, 3).join('\n'));
    const pair = execFileSync(process.execPath, [here('./worker-cpu-pair-both.mjs'), scenario, base, d, '--rounds', rounds], { encoding: 'utf8' });
    console.log(pair.trim());
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
