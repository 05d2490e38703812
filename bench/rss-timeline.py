#!/usr/bin/env python3
# Usage: python3 bench/rss-timeline.py OUTPREFIX node DIST/cli/main.js run ...
# Runs the command with ARRCAST_PAUSE_AT=log (phase markers: bench/phase-markers.sh makes a DIST that
# has them), polls /proc/PID/status every 50 ms (VmRSS, VmHWM, threads, anonymous and file-backed
# resident MiB) into OUTPREFIX.samples, keeps the STEP/SMAPS lines (seconds from the start) in
# OUTPREFIX.steps, and prints the peak, when the thread count changed (13 -> 11: the pool closed) and
# the steps.
import subprocess, sys, time, os, threading
prefix = sys.argv[1]; cmd = sys.argv[2:]
env = dict(os.environ, ARRCAST_PAUSE_AT='log')
t0 = time.time()
p = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
steps = []
def rd():
    for line in p.stderr:
        if line.startswith('STEP '):
            parts = line.split()
            steps.append((int(parts[1])/1000 - t0, ' '.join(parts[2:])))
        else:
            steps.append((time.time()-t0, 'ERR ' + line.strip()))
th = threading.Thread(target=rd); th.start()
samples = []
while p.poll() is None:
    try:
        st = open(f'/proc/{p.pid}/status').read()
        d = {}
        for l in st.splitlines():
            k, _, v = l.partition(':')
            if k in ('VmRSS', 'VmHWM', 'Threads', 'RssAnon', 'RssFile'): d[k] = v.split()[0]
        samples.append((time.time()-t0, int(d['VmRSS'])//1024, int(d['VmHWM'])//1024, int(d['Threads']), int(d['RssAnon'])//1024, int(d['RssFile'])//1024))
    except Exception:
        pass
    time.sleep(0.05)
th.join()
with open(prefix + '.samples', 'w') as f:
    for s in samples: f.write('%.2f rss=%d hwm=%d thr=%d anon=%d file=%d\n' % s)
with open(prefix + '.steps', 'w') as f:
    for t, s in steps: f.write('%.2f %s\n' % (t, s))
# summary: peak and where
pk = max(samples, key=lambda s: s[1])
print('exit', p.returncode, 'wall %.1f' % (time.time()-t0), 'peak VmHWM', samples[-1][2], 'MiB; max sampled rss', pk[1], 'at %.2f thr=%d' % (pk[0], pk[3]))
# threads transitions
prev = None
for s in samples:
    if s[3] != prev: print('  %.2f threads %d rss %d' % (s[0], s[3], s[1])); prev = s[3]
for t, s in steps: print('  %.2f %s' % (t, s))
