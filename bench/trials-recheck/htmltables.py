import re,html,sys,json
s=open(sys.argv[1]).read()
out=[]
for t in re.finditer(r'<table[^>]*>(.*?)</table>', s, re.S):
    body=t.group(1)
    cap=re.search(r'<caption[^>]*>(.*?)</caption>', body, re.S)
    rows=[]
    for m in re.finditer(r'<tr[^>]*>(.*?)</tr>', body, re.S):
        rows.append([html.unescape(re.sub('<[^>]+>','',c)).strip() for c in re.findall(r'<t[hd][^>]*>(.*?)</t[hd]>', m.group(1), re.S)])
    # preceding heading
    pre=s[:t.start()]; h=re.findall(r'<h[234][^>]*>(.*?)</h[234]>', pre, re.S)
    out.append({'heading': html.unescape(re.sub('<[^>]+>','',h[-1])) if h else '', 'caption': html.unescape(re.sub('<[^>]+>','',cap.group(1))) if cap else '', 'rows': rows})
json.dump(out, sys.stdout)
