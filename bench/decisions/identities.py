"""Per trial: components add up to each metric, tiers to the total, monthly MRR to revenue. Usage: identities.py REPORT_DIR"""
import json,sys,csv
import numpy as np
d=sys.argv[1]; s=json.load(open(f'{d}/summary.json'))
with open(f'{d}/trials.csv') as f:
    r=csv.reader(f); head=next(r); rows=np.array([[float(x) for x in row] for row in r])
col={h:rows[:,i] for i,h in enumerate(head)}
tiers=list(s['byTier'])
for m in ['revenue','bookings','endingArr']:
    ob=s['byComponent'][m].get('openingBook',{'mean':0})['mean']
    comp=sum(col[k] for k in col if k.startswith(f'component.{m}.'))
    diff=col[m]-ob-comp
    t = sum(col[f'tier.{t}.{m}'] for t in tiers) if len(tiers)>1 else col[m]
    print(d,m,'components max |diff|',float(np.abs(diff).max()),'rel',float((np.abs(diff)/col[m]).max()),' tiers max rel',float((np.abs(col[m]-t)/col[m]).max()))
mrr=sum(col[f'mrr.{k}'] for k in range(1,13) if f'mrr.{k}' in col)
print(d,'sum mrr vs revenue max rel', float((np.abs(mrr-col['revenue'])/col['revenue']).max()), 'months', sum(1 for k in range(1,13) if f'mrr.{k}' in col))
