"""The charts' .vl.json data (exceedance, histogram, markers, fan, breakdown, tornado) against trials.csv and summary.json. Usage: charts.py REPORT_DIR"""
import json,sys,csv
import numpy as np
d=sys.argv[1]; s=json.load(open(f'{d}/summary.json'))
with open(f'{d}/trials.csv') as f:
    r=csv.reader(f); head=next(r); rows=np.array([[float(x) for x in row] for row in r])
col={h:rows[:,i] for i,h in enumerate(head)}; n=len(rows)
bad=[];k=0
def eq(a,b,w,tol=1e-6):
    global k;k+=1
    if abs(a-b)>tol*max(1,abs(b)): bad.append((w,a,b))
C=lambda name: json.load(open(f'{d}/charts/{name}.vl.json'))['datasets']
ex=C('exceedance')
ML={'Recognized revenue':'revenue','Ending ARR':'endingArr','Bookings':'bookings'}
for p in ex['curve']:
    x=col[ML[p['metric']]]; share=float(np.mean(x>=p['value']-1e-6))
    k+=1
    if abs(share-p['probability'])>1.5/n+1e-9: bad.append(('exceedance curve',p,share))
for m in ex['marks']:
    eq(m['value'], s['metrics'][ML[m['metric']]]['percentiles'][m['percentile'].lower()], 'mark')
for t in ex['targets']:
    tt=[x for x in s['decisions']['targets'] if x['label']==t['label']][0]; eq(t['probability'],tt['probability']['value'],'ex target')
rd=C('revenue-distribution')
for b in rd['bins']:
    c=int(np.sum((col['revenue']>=b['start'])&(col['revenue']<b['end']))); k+=1
    if abs(c-b['count'])>0: bad.append(('bin',b,c))
    eq(b['share'],b['count']/n,'bin share')
for m in rd['markers']:
    key=m['key']
    if key in ('p10','p50','p90'): eq(m['value'],s['metrics']['revenue']['percentiles'][key],'rd '+key)
    elif key=='mean': eq(m['value'],s['metrics']['revenue']['mean'],'rd mean')
    elif key=='budget': eq(m['value'],s['decisions']['budgets']['metrics']['revenue']['value'],'rd budget')
    else: print('marker',m)
mf=C('monthly-fan')
BANDS={'P5–P95':('p5','p95'),'P10–P90':('p10','p90'),'P25–P75':('p25','p75')}
for key in ('mrr','cumulativeRevenue'):
    for b in mf[key+'Bands']:
        mo=[x for x in s['monthly'] if x['month']==b['month']][0][key]; lo,hi=BANDS[b['band']]
        eq(b['lo'],mo['percentiles'][lo],'fan lo'); eq(b['hi'],mo['percentiles'][hi],'fan hi')
    for b in mf[key+'Median']:
        mo=[x for x in s['monthly'] if x['month']==b['month']][0][key]; eq(b['value'],mo['percentiles']['p50'],'fan med')
    for b in mf.get(key+'Plan',[]): print('plan',b)
bd=C('breakdown')
for t in bd['tiers']:
    st=s['byTier'][t['label']]['revenue']
    eq(t['mean'],st['mean'],'bd tier mean'); [eq(t[p],st['percentiles'][p],'bd tier '+p) for p in ('p10','p50','p90')]
tor=C('tornado')
sd={x['label']:x for x in s['sensitivity']['drivers']}
for b in tor['bars']:
    lab=b['label'].rsplit(' (',1)[0]; x=sd[lab]; eq(b['low'],x['low']['metricMedian'],'tor low'); eq(b['high'],x['high']['metricMedian'],'tor high')
    print('   tornado label', b['label'], 'share', x['varianceShare'])
print(d,'chart checks',k,'bad',len(bad))
for b in bad[:20]: print(' ',b)
print(json.dumps(mf.keys() if False else list(mf.keys())))
