// Binomial(2^53 - 1, 1e-10): the sample mean's z over 200,000 draws on huge-counts.test.ts's stream, with the sampler
// in FILE (the old one: `git show 5d8c741:src/random/binomial.ts` and its log-factorial.ts copied to a folder, their
// imports of parameter-error and source pointed at this tree's src/random). Usage: npx tsx bench/smp16-review/binomial-z.mts FILE [stream suffix]
import { createStream } from '../../src/random/source.js';

const { binomial } = await import(process.argv[2]!);
const n = 2 ** 53 - 1, p = 1e-10, N = 200_000;
const draw = binomial(createStream(`test/huge-counts/binomial/${n}/${p}${process.argv[3] ?? ''}`));
let s = 0;
for (let i = 0; i < N; i++) s += draw(n, p) - n * p;
const v = n * p * (1 - p);
console.log(`mean z ${(s / N / Math.sqrt(v / N)).toFixed(2)}`);
