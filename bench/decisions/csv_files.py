"""percentiles.csv and monthly.csv against summary.json (to the cent), and the tiers' component means against the totals. Usage: csv_files.py REPORT_DIR"""
import csv, json, sys, collections
d=sys.argv[1]; s=json.load(open(f'{d}/summary.json'))
rows=list(csv.DictReader(open(f'{d}/percentiles.csv')))
bad=[];n=0
def src(m,t,c):
    if m in ('revenue','bookings','endingArr'):
        if t=='all' and c=='total': return s['metrics'][m]
        if t=='all': return s['byComponent'][m][c]
        if c=='total': return s['byTier'][t][m]
        return s['byTier'][t].get('components',{}).get(m,{}).get(c) if 'components' in s['byTier'][t] else None
    if m in ('grr','nrr','logoRenewal','dollarRenewal'):
        return s['retention'][m] if t=='all' else s['byTier'][t].get(m)
    if m in ('customersWon','customersLost'):
        k={'customersWon':'won','customersLost':'lost'}[m]
        return s['customers'][k] if t=='all' else s['byTier'][t].get(m) or s['byTier'][t].get('customers',{}).get(k)
    if m=='leads': return s['byTier'][t].get('leads')
sums=collections.defaultdict(float)
for r in rows:
    st=src(r['metric'],r['tier'],r['component'])
    if r['tier']!='all' and r['component']!='total': sums[(r['metric'],r['component'])]+=float(r['value'])
    if st is None: print('no source',r); continue
    v = st[r['statistic']] if r['statistic'] in ('mean','sd') else st['percentiles'][r['statistic']]
    n+=1
    if r['value']=='' : bad.append((r,v)); continue
    if abs(float(r['value'])-v)>0.0051+1e-9*abs(v): bad.append((r,v))
for (m,c),v in sums.items():
    n+=1
    ref=s['byComponent'][m][c]['mean']
    if abs(v-ref)>1+1e-6*abs(ref): bad.append(('tier component sum',m,c,v,ref))
mrows=list(csv.DictReader(open(f'{d}/monthly.csv')))
for r in mrows:
    mo=[x for x in s['monthly'] if x['month']==int(r['month'])][0]
    if mo['label']!=r['label']: bad.append(('label',r))
    st=mo[r['metric']]
    for k in ['mean','p5','p10','p25','p50','p75','p90','p95']:
        v=st['mean'] if k=='mean' else st['percentiles'][k]; n+=1
        if abs(float(r[k])-v)>0.0051+1e-9*abs(v): bad.append((r['month'],r['metric'],k,r[k],v))
print(d,'csv checks',n,'bad',len(bad))
for b in bad[:20]: print(' ',b)
