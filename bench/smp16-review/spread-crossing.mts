// Where CompoundSumTables.spreadError crosses a limit: lognormal sigma and Beta(a, a)'s a, by bisection (it falls with sigma, rises with a).
// Usage: npx tsx bench/smp16-review/spread-crossing.mts LIMIT
import { CompoundSumTables } from '../../src/random/compound-sum.js';
import { lognormalSeverity } from '../../src/math/lognormal-severity.js';
import { betaSeverity } from '../../src/math/beta-severity.js';
const limit = Number(process.argv[2]);
const err = (sev: any) => new CompoundSumTables(sev).spreadError();
let lo = 0.001, hi = 0.2;
for (let i = 0; i < 30; i++) { const mid = Math.sqrt(lo * hi); if (err(lognormalSeverity(mid)) > limit) lo = mid; else hi = mid; }
console.log(`limit ${limit}: lognormal sigma ${hi.toPrecision(4)} (spreadError ${err(lognormalSeverity(hi)).toFixed(4)})`);
lo = 10; hi = 1e5;
for (let i = 0; i < 30; i++) { const mid = Math.sqrt(lo * hi); if (err(betaSeverity(mid, mid)) > limit) hi = mid; else lo = mid; }
console.log(`limit ${limit}: Beta(a, a) a ${lo.toPrecision(4)} (spreadError ${err(betaSeverity(lo, lo)).toFixed(4)})`);
for (const s of [0.0396]) console.log(`sigma ${s}: spreadError ${err(lognormalSeverity(s)).toFixed(4)}`);
