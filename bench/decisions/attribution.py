"""Variance shares, tornado medians and what-must-be-true recomputed from trials.csv (own draws, market z). Usage: attribution.py REPORT_DIR (written with --outputs default,trials)"""
import json, sys, csv, math
import numpy as np
from math import erf, sqrt
d=sys.argv[1]; s=json.load(open(f'{d}/summary.json'))
with open(f'{d}/trials.csv') as f:
    r=csv.reader(f); head=next(r); rows=np.array([[float(x) for x in row] for row in r])
col={h:rows[:,i] for i,h in enumerate(head)}
if len(s['byTier'])==1:
    _t=list(s['byTier'])[0]
    for _m in ['revenue','bookings','endingArr']: col.setdefault(f'tier.{_t}.{_m}', col[_m])
N=rows.shape[0]
reforecast = 'reforecast' in s
def pct(key, n):
    if key=='driver.market' and not reforecast:
        z=col['driver.market'][:n]; return np.array([0.5*(1+erf(v/sqrt(2))) for v in z])
    k = key if key=='driver.market' else 'own.'+key[len('driver.'):]
    x=col[k][:n]; o=np.argsort(x,kind='stable'); rk=np.empty(n); rk[o]=np.arange(n); return (rk+0.5)/n
def fo_share(x, y, K):
    n=len(y); o=np.argsort(x,kind='stable'); xs=x[o]; ys=y[o]
    edges=[round(i*n/K) for i in range(K+1)]; ss=0
    for a,b in zip(edges[:-1],edges[1:]):
        X=np.vstack([np.ones(b-a),xs[a:b]]).T; beta,*_=np.linalg.lstsq(X,ys[a:b],rcond=None); ss+=np.sum((ys[a:b]-X@beta)**2)
    tot=np.sum((y-y.mean())**2); r2=1-ss/tot
    return 1-(1-r2)*(n-1)/(n-2*K)
bad=[]; nchk=0
def sens(se, metric_col, what):
    global nchk
    n=se['trialsUsed']; y=metric_col[:n]; K=se.get('bins',20)
    for dr in se['drivers']:
        if not dr.get('ownUncertainty', True) or dr.get('varianceShare') is None: continue
        p=pct(dr['key'],n)
        sh=fo_share(p,y,K); iv=dr['varianceShareInterval']; nchk+=1
        se_=dr['varianceShareStandardError']
        if abs(sh-dr['varianceShare'])>3*se_+2e-3: bad.append((what,dr['label'],'share',dr['varianceShare'],sh,iv))
        for side in ('low','high'):
            b=dr.get(side)
            if not b: continue
            m=np.abs(p-b['percentile'])<=0.05; med=float(np.median(y[m])); nchk+=1
            if b['interval'] and not (b['interval'][0]<=med<=b['interval'][1]) and abs(med-b['metricMedian'])>1e-6*abs(med): bad.append((what,dr['label'],side,b['metricMedian'],med,b['interval'],int(m.sum())))
sens(s['sensitivity'], col[s['sensitivity']['metric']] if s['sensitivity']['metric'] in col else col['revenue'], 'revenue')
for t,se in s.get('sensitivityByTier',{}).items():
    sens(se, col[f'tier.{t}.revenue'], t)
# what must be true
for w in s['whatMustBeTrue']:
    key = f"tier.{w['tier']}.{w['metric']}" if w.get('tier') else w['metric']
    n=w['trialsUsed']; y=col[key][:n]; nchk+=1
    if int(np.sum(y>=w['value']))!=w['trialsReaching']: bad.append(('wmbt reaching',w['target'],w['trialsReaching'],int(np.sum(y>=w['value']))))
    if abs(np.median(y)-w['median'])>1e-6*abs(w['median'])+0.01: bad.append(('wmbt median',w['target'],w['median'],float(np.median(y))))
    for dr in w['drivers']:
        if dr['reach']!='crosses': 
            print('  ',w['target'],dr['label'],dr['reach']); continue
        p=pct(dr['key'],n); win=0.05
        m=np.abs(p-dr['percentile'])<=win; med=float(np.median(y[m]))
        # binomial-order-stat se of a median: 1.253*sd/sqrt(k)
        sd=float(np.std(y[m])); se=1.2533*sd/sqrt(m.sum())
        ownkey = 'driver.market' if dr['key']=='driver.market' else 'own.'+dr['key'][len('driver.'):]
        qv=float(np.quantile(col[ownkey][:n], dr['percentile']))
        nchk+=1
        status = 'ok' if abs(med-w['value'])<=3*se else 'OFF'
        print(f"  {w['target']}: {dr['label']} p={dr['percentile']:.3f} value={dr['value']:.5g} own-quantile={qv:.5g} median near p={med:,.0f} (target {w['value']:,.0f}, 3se {3*se:,.0f}) {status}; share reaching when driver beyond p: {float(np.mean(y[p>=dr['percentile']]>=w['value'])) if dr['direction']=='atLeast' else float(np.mean(y[p<=dr['percentile']]>=w['value'])):.3f}")
        if status=='OFF': bad.append(('wmbt',w['target'],dr['label']))
        if abs(qv-dr['value'])>1e-3*abs(qv)+1e-6: bad.append(('wmbt value vs own quantile',w['target'],dr['label'],dr['value'],qv))
print(d,'attribution checks',nchk,'bad',len(bad))
for b in bad: print(' ',b)
z=col['driver.market'][:s['sensitivity']['trialsUsed']]
print('market share with x=z:', fo_share(z, col['revenue'][:len(z)], 20), 'with Phi(z):', fo_share(pct('driver.market',len(z)), col['revenue'][:len(z)], 20))
