// Many requests of one kind at once to a running studio, each for another state; prints the time
// they took and how many got each status. Read the studio's peak memory from /proc/PID/status (VmHWM).
//
// Usage: node dist/cli/main.js studio scenarios/example.yaml --trials 10000 --workers 2 &   (note its URL)
//        node bench/studio-storm.mjs 'http://127.0.0.1:PORT/?token=...' 40 save    # or: answer, report
// A save writes s0.yaml, s1.yaml, ... beside the scenario (a second storm of saves is refused: 409).
const [url, count, kind] = process.argv.slice(2);
const u = new URL(url);
const token = u.searchParams.get('token');
const base = `${u.protocol}//${u.host}`;
const post = (path, body) =>
  fetch(base + path, { method: 'POST', headers: { 'x-arrcast-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(async (r) => [r.status, (await r.text()).slice(0, 50)])
    .catch((e) => ['ERR', e.message]);
const started = Date.now();
const asked = [];
for (let i = 0; i < Number(count); i++) {
  const state = { drivers: { '0/conversion': { central: 0.02 + i * 0.0001 } }, market: null, confidence: 0.8 };
  if (kind === 'answer') asked.push(post('/api/answer', { state, pass: i % 2 ? 'first' : 'full', order: { page: `p${i % 7}`, change: i } }));
  else if (kind === 'save') asked.push(post('/api/save', { state, name: `s${i}` }));
  else asked.push(post('/api/report', { state }));
}
const tally = {};
for (const [status, text] of await Promise.all(asked)) {
  const key = `${status} ${status === 200 ? '' : text}`;
  tally[key] = (tally[key] ?? 0) + 1;
}
console.log(`${Date.now() - started} ms`, tally);
