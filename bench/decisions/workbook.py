"""report.xlsx (converted to CSV by LibreOffice) against summary.json: summary, targets, budgets, downside, attribution. Usage: workbook.py REPORT_DIR"""
import csv, json, sys, glob, subprocess, os, tempfile
d=sys.argv[1]; s=json.load(open(f'{d}/summary.json'))
tmp=tempfile.mkdtemp()
subprocess.run(['soffice','--headless','--convert-to','csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',f'{d}/report.xlsx','--outdir',tmp],capture_output=True,timeout=180)
def sheet(name): return list(csv.reader(open(f'{tmp}/report-{name}.csv')))
bad=[];n=0
def num(x):
    x=x.strip()
    if x.endswith('%'): return float(x[:-1])/100
    return float(x)
def eq(a,b,what):
    global n; n+=1
    if b is None:
        if a.strip()!='': bad.append((what,a,b))
        return
    if a.strip()=='' : bad.append((what,'(empty)',b)); return
    if abs(num(a)-b)>1e-6*abs(b)+1e-9: bad.append((what,a,b))
ML={'Recognized revenue':'revenue','Bookings':'bookings','Ending ARR':'endingArr'}
PS=['p1','p5','p10','p25','p50','p75','p90','p95','p99']
for r in sheet('Summary')[4:]:
    if r[0] in ML:
        st=s['metrics'][ML[r[0]]]; eq(r[1],st['mean'],'sum mean '+r[0]); eq(r[2],st['sd'],'sum sd')
        for i,p in enumerate(PS): eq(r[3+i],st['percentiles'][p],'sum '+p+r[0])
dec=s['decisions']
tb=sheet('Targets and budgets')
for r in tb[2:]:
    if r[0]=='Target':
        if r[1]=='All targets in the same year': t={'probability':dec['jointProbability']}; 
        else: t=[x for x in dec['targets'] if x['label']==r[1]][0]; eq(r[2],t['value'],'tv'); eq(r[6],t['shortfall']['meanGap'] if t['shortfall']['trialsMissing'] else None,'gap '+r[1])
        eq(r[3],t['probability']['value'],'P '+r[1]); eq(r[4],t['probability']['interval'][0],'lo'); eq(r[5],t['probability']['interval'][1],'hi')
    elif r[0].startswith('Budget'):
        b=dec['budgets']['metrics'][ML[r[1]]]; eq(r[2],b['value'],'budget'); eq(r[4],b['interval'][0],'blo'); eq(r[5],b['interval'][1],'bhi')
    elif r[0].startswith('1-in-10'):
        b=dec['downside'][ML[r[1]]]['p10']; eq(r[2],b['value'],'p10'); eq(r[4],b['interval'][0],'p10lo'); eq(r[5],b['interval'][1],'p10hi')
    elif r[0].startswith('1-in-20'):
        st=s['metrics'][ML[r[1]]]; eq(r[2],st['percentiles']['p5'],'p5'); eq(r[4],st['percentileIntervals']['p5'][0],'p5lo'); eq(r[5],st['percentileIntervals']['p5'][1],'p5hi')
    elif r[0].startswith('Mean of the worst'):
        k='10' if '10%' in r[0] else '5'; ds=dec['downside'][ML[r[1]]]
        eq(r[2],ds[f'worst{k}Mean'],'w'+k); iv=ds[f'worst{k}Interval']; eq(r[4],iv[0] if iv else None,'wlo'); eq(r[5],iv[1] if iv else None,'whi')
    else: print('tb row',r)
att=sheet('Attribution')
drv={x['label']:x for x in s['sensitivity']['drivers']}
for r in att[2:]:
    if r[0] not in drv: print('att row?',r); continue
    x=drv[r[0]]; eq(r[2],x['varianceShare'],'share '+r[0])
    iv=x.get('varianceShareInterval'); eq(r[3],iv[0] if iv else None,'slo'); eq(r[4],iv[1] if iv else None,'shi')
    if x.get('low'): eq(r[5],x['low']['metricMedian'],'low'); eq(r[6],x['high']['metricMedian'],'high'); eq(r[7],x['swing'],'swing')
print(d,'xlsx checks',n,'bad',len(bad))
for b in bad[:30]: print(' ',b)
print(open(f'{tmp}/report-Summary.csv').read()[:0])
