from probe import *
import textwrap
C=[]
C.append(('invcee_nm_id',iso(strd='<Strd><Invcee><Nm>Hanse Logistik GmbH</Nm><Id><OrgId><Othr><Id>600390798</Id></Othr></OrgId></Id></Invcee></Strd>')))
C.append(('invcr_id',iso(strd='<Strd><Invcr><Id><OrgId><Othr><Id>600390798</Id></Othr></OrgId></Id></Invcr></Strd>')))
C.append(('invcee_lei',iso(strd='<Strd><Invcee><Id><OrgId><AnyBIC>ABLTBY22</AnyBIC></OrgId></Id></Invcee></Strd>')))
C.append(('dbtr_id_only',iso(dbtr_extra='<Id><OrgId><Othr><Id>600390798</Id></Othr></OrgId></Id>')))
C.append(('invcee_prvt',iso(strd='<Strd><Invcee><Id><PrvtId><Othr><Id>MP2663333</Id></Othr></PrvtId></Id></Invcee></Strd>')))
LONG='OPEN JOINT STOCK COMPANY BYELORUSSIAN STEEL WORKS MANAGEMENT COMPANY OF HOLDING BYELORUSSIAN METALLURGICAL COMPANY'
def w35(s,w=35): return [s[i:i+w] for i in range(0,len(s),w)]
for nm in [LONG,'JSC MINSK MECHANICAL PLANT NAMED AFTER S.I. VAVILOV MANAGEMENT COMPANY OF BELOMO HOLDING','OPEN JOINT STOCK COMPANY BELAVIA BELARUSIAN AIRLINES','OPEN JOINT STOCK COMPANY MINSK AUTOMOBILE PLANT','DEPARTMENT OF FINANCIAL INVESTIGATIONS OF THE STATE CONTROL COMMITTEE OF THE REPUBLIC OF BELARUS','OPEN JOINT STOCK COMPANY AMKODOR MANAGEMENT HOLDING COMPANY']:
    k=nm.split()[4][:8] if len(nm.split())>4 else nm[:8]
    C.append((f'mt59_w35_{k}',mt103(f59=['/BY86AKBB10100000002966000000',*w35(nm),'MINSK'])))
    C.append((f'mt59_word_{k}',mt103(f59=['/BY86AKBB10100000002966000000',*textwrap.wrap(nm,35),'MINSK'])))
    C.append((f'mt59_w30_{k}',mt103(f59=['/BY86AKBB10100000002966000000',*w35(nm,30),'MINSK'])))
    C.append((f'mt50_word_{k}',mt103(f50=['/BY86AKBB10100000002966000000',*textwrap.wrap(nm,35)])))
# C/O
C.append(('co_alone_then_listed',mt103(f59=['/DE89370400440532013000','HANSE LOGISTIK GMBH','C/O','BELARUSKALI OAO','SOLIGORSK'])))
C.append(('co_listed_sameline',mt103(f59=['/DE89370400440532013000','HANSE LOGISTIK GMBH','C/O BELARUSKALI OAO','SOLIGORSK'])))
C.append(('co_listed_person',mt103(f59=['/DE89370400440532013000','JOHN SMITH','C/O VIKTOR LUKASHENKO','MINSK'])))
C.append(('co_first',mt103(f59=['/DE89370400440532013000','C/O','NAFTAN','NOVOPOLOTSK'])))
C.append(('co_lower',mt103(f59=['/DE89370400440532013000','c/o','NAFTAN','NOVOPOLOTSK'])))
C.append(('co_clean',mt103(f59=['/DE89370400440532013000','JOHN SMITH','C/O','HANSE LOGISTIK GMBH','HAMBURG'])))
# full first line is a listed name prefix, continuing to ordinary
C.append(('full1_ord',mt103(f59=['/DE89370400440532013000','MINSK TRACTOR WORKS SPARE PARTS DEP','OT OF VITEBSK','VITEBSK'])))
C.append(('full1_ord2',mt103(f59=['/DE89370400440532013000','BELARUSIAN RAILWAY WORKERS TRADE UN','ION OF MOGILEV','MOGILEV'])))
run(C,'t3')
