from probe import *
import random,textwrap,io,contextlib
R=random.Random(8)
NOUN=['INVOICE','ORDER','CONTRACT','PO','AGREEMENT','ACT','WAYBILL','CMR','PROFORMA','SPECIFICATION','ANNEX','CREDIT NOTE','DEBIT NOTE','QUOTE']
WHAT=['SPARE PARTS','STEEL PIPES','TIMBER','FERTILIZER','CONSULTING SERVICES','FREIGHT','CUSTOMS CLEARANCE','SOFTWARE LICENCE','OFFICE RENT','WAREHOUSE STORAGE','TRANSPORT SERVICES','FUEL','MEDICAL SUPPLIES','TRAINING COURSE','HOTEL ACCOMMODATION','AIR TICKETS','INSURANCE PREMIUM','LEGAL FEES','AUDIT FEES','MAINTENANCE','REPAIR WORKS','PACKAGING MATERIAL','CHEMICALS','TRACTOR TYRES','AGRICULTURAL MACHINERY','DAIRY PRODUCTS','POTATOES','FURNITURE','ELECTRONIC COMPONENTS','TEXTILES','PAPER','BITUMEN','OIL PRODUCTS','CAR PARTS','BUS SPARE PARTS','MINING EQUIPMENT','RADIO EQUIPMENT','OPTICAL INSTRUMENTS','ENGINEERING SERVICES','SECURITY SERVICES','INTER SERVICE CHARGES','PRIOR PERIOD ADJUSTMENT','STATUS REPORT','BANK CHARGES','NATIONAL HOLIDAY BONUS','STATE DUTY','CUSTOMS DUTY','TAX','VAT','SALARY','BONUS','DIVIDENDS','LOAN REPAYMENT','INTEREST','ROYALTIES','MEMBERSHIP FEE','TUITION','DONATION','CHARITY','ADVANCE PAYMENT','FINAL PAYMENT','DEPOSIT','REFUND','COMMISSION']
WHO=['HANSE LOGISTIK GMBH','MINSK BAKERY SUPPLIES LLC','BALTIC TIMBER EXPORT SIA','ACME INDUSTRIAL LTD','GRODNO FURNITURE OUTLET','BREST DAIRY TRADE','VITEBSK TEXTILE LLC','GOMEL AGRO SERVICE','POLSKA GRUPA MEBLOWA','ALFA STROY LLC','TECHNOSERVICE GROUP','NORTHERN GRAIN TRADERS','ZAVOD ELEKTROINSTRUMENT','MOGILEV BUS DEPOT','NEMAN RIVER TOURS','BELARUS TOURIST OFFICE','NATIONAL LIBRARY','STATE UNIVERSITY','REPUBLIC SQUARE CAFE','PLANT NURSERY GREEN','MINSK CITY HOSPITAL NO 5']
MONTH=['JANUARY','FEBRUARY','MARCH','APRIL','MAY','JUNE','JULY','AUGUST','SEPTEMBER','OCTOBER','NOVEMBER','DECEMBER']
def ref(): return R.choice([f'{R.randint(1,9999)}',f'{R.randint(1,999)}/{R.choice([2023,2024,2025])}',f'{R.choice(["INV","ORD","PO","SO","AB"])}-{R.randint(10000,999999)}',f'{R.randint(10,99)}.{R.randint(1,12):02d}.2025',f'{R.choice(["A","B","K","M"])}{R.randint(100000,9999999)}',f'{R.randint(100000000,999999999)}'])
def text():
    parts=[R.choice(['PAYMENT FOR','PMT','FOR','RE','AS PER','ACCORDING TO','']),R.choice(NOUN),ref(),R.choice(['DATED '+ref(),'','OF '+R.choice(MONTH)]),R.choice(WHAT),R.choice(['','TO '+R.choice(WHO),'FROM '+R.choice(WHO),'VAT '+str(R.choice([0,10,20]))+' PCT','AMOUNT EUR '+str(R.randint(100,99999))+'.'+str(R.randint(10,99)), 'QTY '+str(R.randint(1,999))+' PCS']),R.choice(['',R.choice(NOUN)+' '+ref(),R.choice(WHAT),'CUSTOMER NO '+ref()])]
    return ' '.join(p for p in parts if p)
C=[];N=0
for i in range(600):
    t=text()
    lines=textwrap.wrap(t,35)[:4]
    if len(lines)<2: continue
    k=i%4
    if k==0: C.append((f'ustrd_multi_{i}',iso(ustrd=lines)))
    elif k==1: C.append((f'mt70_{i}',mt103(f70=lines)))
    elif k==2: C.append((f'mt72_{i}',mt103(f72=['/BNF/'+lines[0][:30]]+['//'+l[:33] for l in lines[1:]])))
    else: C.append((f'mt59addr_{i}',mt103(f59=['/DE89370400440532013000',R.choice(WHO)]+lines[:3])))
    # also hard-wrapped 35 mid-word
    hl=[t[j:j+35] for j in range(0,len(t),35)][:4]
    C.append((f'mt70hard_{i}',mt103(f70=hl)))
    C.append((f'ustrd_hard_{i}',iso(ustrd=hl)))
f=io.StringIO()
with contextlib.redirect_stdout(f): res=run(C,'t6')
from collections import Counter
print(len(C), Counter(r.get('decision',r.get('code')) for n,r in res))
cnt=Counter()
for (n,r),c in zip(res,C):
    if r.get('decision')!='CLEAR':
        cnt[n.rsplit('_',1)[0]]+=1
        print(n, short(r)[:400])
print(cnt)
