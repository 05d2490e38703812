#!/usr/bin/env python3
# Recompute a run's decision figures from its trials.csv, independently of arrcast's code (numpy's type-7
# quantiles, scipy's binomial for the exact order-statistic ranks), and compare them with summary.json.
#   usage: python3 bench/recompute-decisions.py REPORT_DIR   (a run with --outputs default,trials)
# Prints MISMATCH lines for any figure that differs, then "done".
import csv
import json
import math
import sys

import numpy as np
from scipy import stats
d=sys.argv[1]
S=json.load(open(d+'/summary.json'))

class TT:
    def __init__(s,f):
        r=csv.reader(open(f)); s.columns=next(r); rows=[[float(v) if v not in ('',) else float('nan') for v in row] for row in r]
        s.a=np.array(rows); s.idx={c:i for i,c in enumerate(s.columns)}
    def __len__(s): return s.a.shape[0]
    def __getitem__(s,k):
        class V: pass
        v=V(); v.values=s.a[:,s.idx[k]]; return v
T=TT(d+'/trials.csv')
n=len(T); print('n',n, 'trials', S['trials'])
D=S['decisions']
def q7(x,p): return float(np.quantile(np.asarray(x,dtype=float),p))
def ranks(n,p):
    if n*p*(1-p)>=9:
        c=n*p;h=1.959963984540054*math.sqrt(n*p*(1-p))
        lo=max(1,math.ceil(c-h));hi=min(n,math.ceil(c+h))
    else:
        # exact
        r=0
        for rr in range(0,n+1):
            if stats.binom.cdf(rr-1,n,p)<=0.025: r=rr
        s=n+1
        for ss in range(n+1,0,-1):
            if stats.binom.sf(ss-1,n,p)<=0.025: s=ss
        lo=max(1,r);hi=min(n,s)
    h=(n-1)*p
    return min(lo-1,math.floor(h)),max(hi-1,min(n-1,math.ceil(h)))
def cmp(name,a,b,tol=1e-6):
    ok = (a is None and b is None) or (a is not None and b is not None and abs(a-b)<=tol*max(1,abs(b)))
    if not ok: print('MISMATCH',name,a,b)
conf=D['confidence']; p=1-conf
cols=[c for c in T.columns]
def col(metric,tier=None):
    if tier is None: return T[metric].values
    cands=[c for c in cols if c.startswith('tier.') and c.endswith('.'+metric) and tier in c]
    return T[cands[0]].values
for m in ['revenue','bookings','endingArr']:
    x=np.sort(T[m].values.astype(float))
    b=D['budgets']['metrics'][m]
    cmp('budget '+m,b['value'],q7(x,p),1e-9)
    lo,hi=ranks(n,p)
    if b['interval']: cmp('budgetlo '+m,b['interval'][0],x[lo]); cmp('budgethi '+m,b['interval'][1],x[hi])
    ds=D['downside'][m]
    cmp('p10 '+m,ds['p10']['value'],q7(x,0.1))
    k5=max(1,math.ceil(0.05*n));k10=max(1,math.ceil(0.1*n))
    cmp('w5 '+m,ds['worst5Mean'],x[:k5].mean()); cmp('w10 '+m,ds['worst10Mean'],x[:k10].mean())
    # reached-or-beaten share
    print(m,'share >= budget',(x>=b['value']).mean())

allm=np.ones(n,bool)
for t in D['targets']:
    key=t['metric'] if 'tier' not in t else None
    x = T[t['metric']].values if 'tier' not in t else T[[c for c in cols if c.startswith('tier.'+t['tier']+'.') and c.endswith('.'+t['metric'])][0]].values
    hit=x>=t['value']; k=hit.sum()
    allm&=hit
    cmp('P '+t['label'],t['probability']['value'],k/n)
    ph=k/n; z=1.959963984540054
    cen=(ph+z*z/(2*n))/(1+z*z/n); half=z/(1+z*z/n)*math.sqrt(ph*(1-ph)/n+z*z/(4*n*n))
    cmp('Plo',t['probability']['interval'][0],max(0,cen-half)); cmp('Phi',t['probability']['interval'][1],min(1,cen+half))
    miss=~hit
    cmp('gap '+t['label'],t['shortfall']['meanGap'],(t['value']-x[miss]).mean() if miss.any() else 0)
    cmp('p10-t '+t['label'],t['p10MinusTarget'],q7(x,0.1)-t['value'],1e-7)
if 'jointProbability' in D: cmp('joint',D['jointProbability']['value'],allm.mean())
print('done')
for tier,ms in D['budgets']['byTier'].items():
    for m,b in ms.items():
        x=np.sort(T['tier.%s.%s'%(tier,m)].values)
        cmp('tierbudget %s %s'%(tier,m),b['value'],q7(x,p),1e-6)
        lo,hi=ranks(n,p)
        if b['interval']: cmp('tlo',b['interval'][0],x[lo],1e-6); cmp('thi',b['interval'][1],x[hi],1e-6)
for m,cs in D['budgets']['byComponent'].items():
    for c,b in cs.items():
        x=np.sort(T['component.%s.%s'%(m,c)].values)
        cmp('compbudget %s %s'%(m,c),b['value'],q7(x,p),1e-6)
print('done2')
