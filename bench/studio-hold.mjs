// Raw connections held open against a running studio, as a slow or stuck client holds them; prints
// every 5 s how many the studio has closed. Read the studio's memory from /proc/PID/status (VmRSS).
//
// Usage: node dist/cli/main.js studio scenarios/example.yaml --trials 3000 --workers 1 &   (note its port)
//        node bench/studio-hold.mjs PORT 300 /studio.js noread    # asks, never reads the answer
//        node bench/studio-hold.mjs PORT 50 /studio.js partial    # headers never finished (then SIGINT the studio)
//        node bench/studio-hold.mjs PORT 10 /studio.js pipeline   # 50 requests on each connection at once
import { connect } from 'node:net';

const [port, n, path, mode] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], process.argv[5]];
let closed = 0;
const sockets = [];
for (let i = 0; i < n; i++) {
  const s = connect(port, '127.0.0.1');
  s.on('error', (e) => console.log('error', i, e.code));
  s.on('close', () => closed++);
  if (mode === 'noread') s.pause();
  if (mode === 'partial') s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
  else s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(mode === 'pipeline' ? 50 : 1));
  sockets.push(s);
}
setInterval(() => console.log(new Date().toISOString().slice(11, 19), 'closed', closed), 5000);
