# python3 bench/test-order-makespan.py CPU_LOG [ROOT]: the end of a vitest run on 2 workers that take test files
# from one queue in order (greedy), from each file's wall in a bench/test-cpu-setup.mjs log, for three orders:
# by size, largest first (vitest on a fresh clone, no results kept), longest first (vitest with results kept),
# and the 16 longest first then by size (a sequencer with a list). A model: walls measured under one run's load.
import json, os, sys
root = sys.argv[2] if len(sys.argv) > 2 else os.getcwd()
rows = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    rows[os.path.relpath(r['file'], root)] = r['wall']
size = {f: os.path.getsize(os.path.join(root, f)) for f in rows}
def makespan(order):
    ends = [0.0, 0.0]
    for f in order:
        ends[ends.index(min(ends))] += rows[f]
    return max(ends)
by_size = sorted(rows, key=lambda f: -size[f])
by_wall = sorted(rows, key=lambda f: -rows[f])
listed = by_wall[:16] + [f for f in by_size if f not in by_wall[:16]]
total = sum(rows.values())
for name, order in (('by size (fresh clone)', by_size), ('longest first (results kept)', by_wall), ('16 longest, then by size', listed)):
    print(f'{name}: ends at {makespan(order):.0f} s; summed wall {total:.0f} s, ideal {total / 2:.0f} s')
print('slowest files by size rank:', ', '.join(f'{f} {by_size.index(f) + 1}' for f in by_wall[:3]), 'of', len(rows))
