// Signals at one ARRCAST_PAUSE_AT step of a real arrcast process (rel27, bench/RESULTS.md):
// usage: node bench/signal-step-sweep.mjs <cwd> <out, relative to cwd> <SIGNAL> <step[:hold]> -- <arrcast args...>
// Prints whether it paused there, the exit code, a digest of the output before and after, and the
// temporaries left beside it. A `:hold` step gets a second signal (SIG2, default the same) once held.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readdirSync, existsSync, statSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname, basename } from 'node:path';
const MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const [cwd, outPath, sig, step, dash, ...args] = process.argv.slice(2);
function digest(p) {
  if (!existsSync(p)) return 'none';
  const h = createHash('md5');
  const walk = (q) => { const s = statSync(q); if (s.isDirectory()) { for (const n of readdirSync(q).sort()) { h.update(n); walk(join(q, n)); } } else h.update(readFileSync(q)); };
  walk(p); return h.digest('hex').slice(0, 8);
}
const out = join(cwd, outPath);
const before = digest(out);
const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: { ...process.env, ARRCAST_PAUSE_AT: step }, stdio: ['pipe', 'pipe', 'pipe'] });
let err = ''; let paused = false;
let again=false; child.stderr.on('data', (d) => { err += d; if (!again && err.includes('holding until stdin ends')) { again = true; child.kill(process.env.SIG2 ?? sig); } if (!paused && err.includes(`paused at ${step.replace(':hold','')}`)) { paused = true; setTimeout(() => child.kill(sig), step === 'simulating' ? 300 : 0); } });
child.stdout.resume();
const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
const temps = readdirSync(dirname(out)).filter((n) => n.startsWith('.arrcast-tmp') || n.includes('.tmp'));
const after = digest(out);
const last = err.trim().split('\n').filter((l) => !l.includes('test hook')).slice(-1)[0] ?? '';
console.log(`${args[0]} ${step} ${sig}: paused=${paused} exit=${code} out ${before}->${after} temps=[${temps.join(',')}] | ${last.slice(0,160)}`);
