# What must be true, checked on the trials: for each condition in summary.json (whatMustBeTrue[0]),
# the share of trials whose own draw meets it (against the stated "true in" share), and the median revenue
# of the trials whose own draw lies within 2.5 percentile points of the stated percentile (against the target).
# Usage: node dist/cli/main.js run scenarios/example.yaml --trials 20000 --seed 7 --target revenue=120M
#          --outputs summary,trials --out /tmp/dec20-ex && python3 bench/decisions/what-must-be-true-bands.py /tmp/dec20-ex
import sys, csv, json, statistics, math, bisect
s = json.load(open(sys.argv[1] + '/summary.json'))
rows = list(csv.DictReader(open(sys.argv[1] + '/trials.csv')))
rev = [float(r['revenue']) for r in rows]
n = len(rev)
w = s['whatMustBeTrue'][0]
target = w['value']
print('reach', sum(v >= target for v in rev) / n, 'median', statistics.median(rev), w['median'])
from statistics import NormalDist
for d in w['drivers']:
    key = d['key']
    ownkey = 'own.' + key[len('driver.'):] if key != 'driver.market' else 'driver.market'
    x = [float(r[ownkey]) for r in rows]
    v = d['value']
    holds = sum(xi >= v for xi in x) / n
    xs = sorted(x)
    pct = bisect.bisect_left(xs, v) / n
    # band of +-2.5 percentile points around the stated percentile
    lo = xs[max(0, int((d['percentile'] - 0.025) * n))]; hi = xs[min(n - 1, int((d['percentile'] + 0.025) * n))]
    band = [rv for xi, rv in zip(x, rev) if lo <= xi <= hi]
    med = statistics.median(band)
    sd = statistics.pstdev(band)
    se = 1.2533 * sd / math.sqrt(len(band))
    reach_in_band = sum(b >= target for b in band) / len(band)
    print(f"{d['label']:25s} value {v:.5g} stated pct {d['percentile']:.3f} empirical pct {pct:.3f} | true in {holds:.3f} (stated {1-d['percentile']:.3f}) | band n={len(band)} median {med/1e6:.2f}M +-{2*se/1e6:.2f} target {target/1e6}M  P(reach|band) {reach_in_band:.3f}")
