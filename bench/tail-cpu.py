# The main thread's CPU (utime + stime from /proc/PID/task/PID/stat, polled every 10 ms) in all, and from the moment
# the worker threads are gone (the pool closed: the report after the last chunk) to exit. Linux only.
# Usage: python3 bench/tail-cpu.py node dist/cli/main.js run scenarios/example.yaml --trials 100000 --workers 2 --quiet --no-progress --out OUT
import os, subprocess, sys, time
tick = os.sysconf('SC_CLK_TCK')
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
pid = p.pid; maxthreads = 0; main = 0; at_drop = None; t0 = time.time(); t_drop = None
def cpu_of(tid):
    with open(f'/proc/{pid}/task/{tid}/stat') as f: s = f.read()
    rest = s[s.rindex(')') + 2:].split()
    return (int(rest[11]) + int(rest[12])) / tick
while p.poll() is None:
    try:
        tids = os.listdir(f'/proc/{pid}/task'); main = cpu_of(pid)
        threads = len(tids)
        if threads > maxthreads: maxthreads = threads
        # Two fewer threads than at most (node's own and V8's are about 9): the worker threads have exited.
        if at_drop is None and maxthreads >= 9 and threads <= maxthreads - 2: at_drop = main; t_drop = time.time()
    except (FileNotFoundError, ProcessLookupError, ValueError): pass
    time.sleep(0.01)
end = time.time()
print(f'main thread CPU {main:.2f} s; after the pool closed: {main - (at_drop or 0):.2f} s CPU over {end - (t_drop or t0):.2f} s wall; whole {end - t0:.1f} s; threads max {maxthreads}')
