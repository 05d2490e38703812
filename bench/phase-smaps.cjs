// dump(label): summary of /proc/self/smaps to stderr
const fs = require('fs');
module.exports = function dump(label) {
  const txt = fs.readFileSync('/proc/self/smaps', 'utf8').split('\n');
  const maps = []; let cur;
  for (const l of txt) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(l);
    if (m) { cur = { start: parseInt(m[1], 16), end: parseInt(m[2], 16), perm: m[3], name: m[4], rss: 0 }; maps.push(cur); continue; }
    const r = /^Rss:\s+(\d+) kB/.exec(l); if (r && cur) cur.rss = +r[1];
  }
  const tot = {}; for (const m of maps) { const k = m.name === '' ? 'anon' : m.name.startsWith('/') ? 'file' : m.name; tot[k] = (tot[k] || 0) + m.rss; }
  // arenas: anon rw-p mapping whose start is 64MB aligned (thread malloc heaps)
  let arenas = [];
  for (const m of maps) if (m.name === '' && m.start % (64 << 20) === 0 && m.perm.startsWith('rw')) arenas.push(m.rss >> 10);
  const big = maps.filter((m) => m.name === '' && m.rss > 2048).sort((a, b) => b.rss - a.rss).slice(0, 12).map((m) => `${(m.end - m.start) >> 10}k:${m.rss >> 10}M`);
  const mu = process.memoryUsage();
  process.stderr.write(`SMAPS ${label} ` + Object.entries(tot).map(([k, v]) => `${k}=${v >> 10}`).join(' ') + ` arenas64M=[${arenas}] big=[${big}] heapT=${mu.heapTotal >> 20} heapU=${mu.heapUsed >> 20} ab=${mu.arrayBuffers >> 20}\n`);
};
