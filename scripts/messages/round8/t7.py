from lib import *
import random,time
R=random.Random(1)
def bicw(): return ''.join(R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(6))+R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789')+R.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
tests={}
tests['ustrd_140x_bic']=iso(ustrd=[' '.join(bicw() for _ in range(15))[:140] for _ in range(1000)])
tests['ustrd_2000_short']=iso(ustrd=['AB' for _ in range(2000)])
tests['ustrd_3000_words']=iso(ustrd=['PRIOR BANK STATUS INTER SERVICE' for _ in range(3000)])
tests['ustrd_one_4000']=iso(ustrd=[' '.join(bicw() for _ in range(444))[:4000]])
tests['ustrd_500_glue']=iso(ustrd=['BELARUS'+'K' for _ in range(500)])
tests['ustrd_midword_1000']=iso(ustrd=['ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI' for _ in range(1000)])
tests['mt70_bic']=mt103(f70=[' '.join(bicw() for _ in range(4))[:35] for _ in range(4)])
tests['mt72_many']=mt103(f72=['/ACC/'+bicw()]+['//'+bicw()+' '+bicw()+' '+bicw() for _ in range(500)])
tests['mt59_many_full']=mt103(f59=['/DE89370400440532013000']+['OPEN JOINT STOCK COMPANY BELARUSIA' +'N' for _ in range(400)])
tests['mt77b_many']=mt103(f77b=['/ORDERRES/BE//'+bicw() for _ in range(600)])
for k,m in tests.items():
    t=time.time(); r=screen(m,timeout=60); 
    print(k, len(m), f"{(time.time()-t)*1000:.0f}ms", short(r)[:250])
