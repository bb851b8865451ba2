import sys,json
from lib import *
from concurrent.futures import ThreadPoolExecutor
def run(cases, tag):
    def one(c):
        name,msg=c[0],c[1]; fmt=c[2] if len(c)>2 else 0
        return name,screen(msg,fmt)
    with ThreadPoolExecutor(4) as ex: res=list(ex.map(one,cases))
    out=[]
    for (name,r),c in zip(res,cases):
        print(f"{name:40s} {short(r)}")
        out.append({'name':name,'msg':c[1],'r':r})
    json.dump(out,open(f'out/{tag}.json','w'))
    return res
