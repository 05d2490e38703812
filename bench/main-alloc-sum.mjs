// node bench/main-alloc-sum.mjs PROFILE.json [N] [EXCLUDE_REGEXP]: bytes allocated per chunk by function (self) and by stack (top frames)
import { readFileSync } from 'node:fs';
const { chunks, profile } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const N = Number(process.argv[3] ?? 30);
const EXCL = process.argv[4] ? new RegExp(process.argv[4]) : undefined;
const byId = new Map();
const walk = (node, parent) => { node.parent = parent; byId.set(node.id, node); for (const c of node.children) walk(c, node); };
walk(profile.head, null);
const self = new Map(); const stacks = new Map(); let total = 0;
for (const s of profile.samples) {
  const node = byId.get(s.nodeId);
  if (EXCL) { let hit = false; for (let n = node; n; n = n.parent) if (EXCL.test(n.callFrame.functionName)) { hit = true; break; } if (hit) continue; }
  total += s.size;
  const f = node.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + s.size);
  const st = []; for (let n = node; n && st.length < 6; n = n.parent) st.push(n.callFrame.functionName || '(anon)');
  const sk = st.join(' < ');
  stacks.set(sk, (stacks.get(sk) ?? 0) + s.size);
}
console.log(`chunks ${chunks}: ${(total / chunks).toFixed(0)} B/chunk sampled`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, N)) console.log(`${(v / chunks).toFixed(0).padStart(8)}  ${k}`);
console.log('--- stacks');
for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, N)) console.log(`${(v / chunks).toFixed(0).padStart(8)}  ${k}`);
