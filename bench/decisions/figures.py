#!/usr/bin/env python3
"""Independent recomputation of a report's decision figures from its trials.csv.
Usage: figures.py REPORT_DIR [--confidence C] (a report written with --outputs default,trials)
Prints every mismatch (relative tolerance from trials.csv's rounding) and a count of checks."""
import json, math, sys, csv
import numpy as np
from math import erf, sqrt

d = sys.argv[1]
s = json.load(open(f'{d}/summary.json'))
with open(f'{d}/trials.csv') as f:
    r = csv.reader(f)
    head = next(r)
    rows = np.array([[float(x) for x in row] for row in r])
col = {h: rows[:, i] for i, h in enumerate(head)}
sjs=json.load(open(f'{d}/summary.json'))
if len(sjs['byTier'])==1:
    _t=list(sjs['byTier'])[0]
    for _m in ['revenue','bookings','endingArr']: col.setdefault(f'tier.{_t}.{_m}', col[_m])
n = rows.shape[0]
assert n == s['trials'], (n, s['trials'])
checks = 0
bad = []

def close(a, b, what, rel=2e-6, abs_=0.02):
    global checks
    checks += 1
    if a is None or b is None:
        if a is not b:
            bad.append(f'{what}: {a} vs {b}')
        return
    if not (abs(a - b) <= abs_ + rel * max(abs(a), abs(b))):
        bad.append(f'{what}: summary {a!r} vs recomputed {b!r}')

def q7(x, p):
    return float(np.quantile(x, p, method='linear'))

PS = {'p1': .01, 'p5': .05, 'p10': .1, 'p25': .25, 'p50': .5, 'p75': .75, 'p90': .9, 'p95': .95, 'p99': .99}

def stat(st, x, what, rel=2e-6, abs_=0.02):
    close(st['mean'], float(np.mean(x)), what + '.mean', rel, abs_)
    close(st['sd'], float(np.std(x, ddof=1)) if n > 1 else 0.0, what + '.sd', 1e-4, abs_)
    close(st['min'], float(x.min()), what + '.min', rel, abs_)
    close(st['max'], float(x.max()), what + '.max', rel, abs_)
    for k, p in PS.items():
        close(st['percentiles'][k], q7(x, p), f'{what}.{k}', rel, abs_)

tiers = list(s['byTier'].keys())
METRICS = ['revenue', 'bookings', 'endingArr']
for m in METRICS:
    stat(s['metrics'][m], col[m], m)
    for t in tiers:
        stat(s['byTier'][t][m], col[f'tier.{t}.{m}'], f'byTier.{t}.{m}', 1e-6, 1)
    for c, st in s['byComponent'][m].items():
        if c == 'openingBook':
            continue
        stat(st, col[f'component.{m}.{c}'], f'byComponent.{m}.{c}', 1e-6, 1)
for k in ['grr', 'nrr', 'logoRenewal', 'dollarRenewal']:
    if k in s['retention'] and s['retention'][k] is not None:
        stat(s['retention'][k], col[k], 'retention.' + k, 1e-5, 1e-6)
stat(s['customers']['won'], col['customersWon'], 'customers.won', 0, 1e-9)
stat(s['customers']['lost'], col['customersLost'], 'customers.lost', 0, 1e-9)
for mo in s['monthly']:
    m = mo['month']
    if f'mrr.{m}' in col:
        stat(mo['mrr'], col[f'mrr.{m}'], f'monthly.{m}.mrr', 1e-6, 1)
    if 'cumulativeRevenue' in mo:
        cum = sum(col[f'mrr.{k}'] for k in range(1, m + 1) if f'mrr.{k}' in col)
        if f'mrr.{m}' in col:
            stat(mo['cumulativeRevenue'], cum, f'monthly.{m}.cumulativeRevenue', 1e-6, 12)

dec = s['decisions']
c = dec['confidence']
if len(sys.argv) > 3 and sys.argv[2] == '--confidence':
    close(c, float(sys.argv[3]), 'confidence')
for m in METRICS:
    close(dec['budgets']['metrics'][m]['value'], q7(col[m], 1 - c), f'budget.{m}')
    for t in tiers:
        close(dec['budgets']['byTier'][t][m]['value'], q7(col[f'tier.{t}.{m}'], 1 - c), f'budget.{t}.{m}', 1e-6, 1)
    for comp, b in dec['budgets']['byComponent'][m].items():
        close(b['value'], q7(col[f'component.{m}.{comp}'], 1 - c), f'budget.{m}.{comp}', 1e-6, 1)
    # the budget really is reached or beaten in about c of trials
    share = float(np.mean(col[m] >= dec['budgets']['metrics'][m]['value']))
    close(share, c, f'budget.{m} reached share', 0, 1.5 / n + 1e-12)
    ds = dec['downside'][m]
    close(ds['p10']['value'], q7(col[m], .1), f'downside.{m}.p10')
    xs = np.sort(col[m])
    for sh, key in [(.05, 'worst5Mean'), (.1, 'worst10Mean')]:
        k = max(1, math.ceil(sh * n))
        close(ds[key], float(xs[:k].mean()), f'downside.{m}.{key}')
        iv = ds[key.replace('Mean', 'Interval')]
        if iv is not None:
            checks += 1
            if not (iv[0] <= ds[key] <= iv[1]):
                bad.append(f'downside.{m}.{key} outside its interval {iv}')
            # width: tail mean SE (Acerbi) ~ sqrt(var_tail + (1-a)(VaR - ES)^2 ... ) / sqrt(a n)
            tail = xs[:k]
            var_ = xs[k - 1]
            se = math.sqrt((np.var(tail, ddof=1) + (1 - sh) * (var_ - tail.mean()) ** 2) / (sh * n)) if k > 1 else float('nan')
            close((iv[1] - iv[0]) / 2, 1.96 * se, f'downside.{m}.{key} interval half width', 0.1, 0)

def wilson(k, n, z=1.959963984540054):
    p = k / n
    cen = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0, cen - h) if k else 0, min(1, cen + h) if k < n else 1

allhit = np.ones(n, bool)
for t in dec['targets']:
    key = f"tier.{t['tier']}.{t['metric']}" if t.get('tier') else t['metric']
    x = col[key]
    hit = x >= t['value']
    # trials.csv rounds; count values within rounding of the target as ambiguous
    amb = int(np.sum(np.abs(x - t['value']) <= max(1, abs(t['value']) * 1e-7)))
    k = int(hit.sum())
    allhit &= hit
    pr = t['probability']
    close(pr['value'], k / n, f"target {t['label']} P", 0, (amb + 0.5) / n)
    close(pr['standardError'], sqrt(pr['value'] * (1 - pr['value']) / n), f"target {t['label']} se", 1e-9, 0)
    lo, hi = wilson(round(pr['value'] * n), n)
    close(pr['interval'][0], lo, f"target {t['label']} wilson lo", 1e-9, 1e-12)
    close(pr['interval'][1], hi, f"target {t['label']} wilson hi", 1e-9, 1e-12)
    miss = ~hit
    close(t['shortfall']['trialsMissing'], int(miss.sum()), f"target {t['label']} trialsMissing", 0, amb + 0.5)
    mg = float((t['value'] - x[miss]).mean()) if miss.any() else 0.0
    close(t['shortfall']['meanGap'], mg, f"target {t['label']} meanGap", 1e-6, 1)
    close(t['p10MinusTarget'], q7(x, .1) - t['value'], f"target {t['label']} p10-target", 1e-6, 8)
if 'jointProbability' in dec:
    close(dec['jointProbability']['value'], float(allhit.mean()), 'joint P', 0, 0.5 / n)

# bad years
by = s.get('badYears')
Phi = lambda z: 0.5 * (1 + erf(z / sqrt(2)))
def own_pct(key):
    if key == 'driver.market':
        z = col['driver.market']
        return np.array([Phi(v) for v in z])
    own = 'own.' + key[len('driver.'):]
    x = col[own]
    # rank percentile (mid-rank / n)
    order = np.argsort(x, kind='stable')
    rk = np.empty(n)
    rk[order] = np.arange(n)
    return (rk + 0.5) / n

if by:
    for m, b in by['metrics'].items():
        k = by['trials']
        close(k, max(1, math.ceil(by['share'] * by['trialsUsed'])), f'badYears.trials')
        x = col[m][:by['trialsUsed']]
        idx = np.argsort(x, kind='stable')[:k]
        close(b['mean'], float(x.mean()), f'badYears.{m}.mean')
        close(b['worstMean'], float(x[idx].mean()), f'badYears.{m}.worstMean')
        tot = b['mean'] - b['worstMean']
        for cpt in b['components']:
            cx = col[f"component.{m}.{cpt['component']}"][:by['trialsUsed']]
            close(cpt['mean'], float(cx.mean()), f"badYears.{m}.{cpt['component']}.mean", 1e-6, 1)
            close(cpt['worstMean'], float(cx[idx].mean()), f"badYears.{m}.{cpt['component']}.worstMean", 1e-6, 1)
            close(cpt['share'], (cx.mean() - cx[idx].mean()) / tot, f"badYears.{m}.{cpt['component']}.share", 1e-4, 1e-6)
        for dr in b['drivers']:
            if dr['key'] == 'driver.market' and s.get('reforecast'):
                continue
            try:
                pc = own_pct(dr['key'])[:by['trialsUsed']]
            except KeyError:
                continue
            close(dr['meanPercentile'], float(pc[idx].mean()), f"badYears.{m}.{dr['label']} meanPercentile", 0, 1.0 / k + 1e-3)

print(f'{d}: {checks} checks, {len(bad)} mismatches')
for b in bad[:60]:
    print('  ', b)
mp = dec.get('monthlyPlan')
if mp:
    nb=0
    months=[m for m in range(1,13) if f'mrr.{m}' in col]
    cum=np.zeros(n)
    for e in mp:
        m=e['month']
        if f'mrr.{m}' not in col: continue
        x=col[f'mrr.{m}']; cum=cum+x
        for key,arr in (('mrr',x),('cumulativeRevenue',cum)):
            if key in e:
                k=float(np.mean(arr>=e[key]['plan'])); amb=float(np.mean(np.abs(arr-e[key]['plan'])<=max(1,e[key]['plan']*1e-6)))
                checks+=1
                if abs(k-e[key]['probability']['value'])>amb+0.5/n: bad.append(f'monthlyPlan {m} {key}: {e[key]["probability"]["value"]} vs {k}'); nb+=1
    print('monthly plan mismatches', nb, 'of', len(mp))
    for b in bad[-nb:] if nb else []: print('  ',b)
