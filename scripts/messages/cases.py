import json, random, re
from gen import *
from xml.sax.saxutils import escape as xesc
RS=random.Random(2025)
E=L['entities']
def pick(src,typ,n):
    c=[e for e in E if e['source']==src and e['type']==typ]; return RS.sample(c,min(n,len(c)))
PERSONS=pick('us-ofac-sdn','person',9)+pick('uk-ofsi','person',8)+pick('ca-sema','person',8)
ORGS=pick('us-ofac-sdn','org',9)+pick('uk-ofsi','org',8)+pick('ca-sema','org',8)
# unlisted: ordinary names
NEG_P=['Ivan Petrov','Sergei Ivanov','Olga Smirnova','Aleksandr Kuznetsov','Dmitry Sokolov','Natalia Popova','Andrei Kovalenko','Tatsiana Novik',
 'Siarhei Zhuk','Volha Karpovich','Jan Kowalski','Anna Nowak','Piotr Wisniewski','Katarzyna Wojcik','John Smith','Emily Johnson','Michael Brown',
 'Hans Mueller','Claudia Schmidt','Juergen Weber','Maria Wagner','Yuliya Shevchenko','Pavel Morozov','Elena Volkova','Viktor Orlov','Alena Lis']
NEG_O=['OOO Romashka','Minsk Bakery Supplies LLC','Vitebsk Textile Trading LLC','Baltic Timber Export SIA','Polska Grupa Meblowa Sp. z o.o.',
 'Hanse Logistik GmbH','Siemens AG','Robert Bosch GmbH','Deutsche Post AG','Acme Industrial Supplies Ltd','Northern Grain Traders Ltd',
 'Brest Dairy Products JSC','Gomel Agro Service LLC','Kowalski i Synowie Sp. z o.o.','Volga Auto Parts OOO','Mueller Maschinenbau GmbH',
 'Alfa Stroy LLC','Grodno Furniture Factory Outlet','Belarusian Red Cross Society','Minsk City Clinical Hospital No 5','Zavod Elektroinstrument OOO','TechnoService Group LLC']
NEG_TEXT=['SALARY NOVEMBER','INVOICE 4711 DATED 12.03.2025','RENT DECEMBER FLAT 12 UL SURGANOVA 57 MINSK','PAYMENT FOR SPARE PARTS CONTRACT 12/2024',
 'ADVANCE PAYMENT 30 PCT FOR TIMBER','VAT 20 PCT INCLUDED','TUITION FEE BELARUSIAN STATE UNIVERSITY','PR NEZAVISIMOSTI 95 MINSK 220043 BELARUS',
 'LOAN REPAYMENT AGREEMENT 5/2023','POTASH FERTILIZER SAMPLES TEST LAB','GIFT FOR MOTHER BIRTHDAY','FREIGHT MINSK - WARSAW TRUCK AB1234-7']
cases=[]
def add(**k): cases.append(k)
def ustr_sentence(n,typ): return f"PAYMENT FOR INVOICE 123 TO {n}"+(' LLC' if typ=='org' and not re.search(r'(LLC|OJSC|JSC|COMPANY|OAO|ZAO)\b',n.upper()) else '')
TX=r'CdtTrfTxInf\[1\]/'
def field_cases(ent, name, form, kind):
    typ=ent['type'] if ent else kind[1]
    base=dict(kind=kind[0],entity=ent['id'] if ent else None,etype=typ,form=form,name=name,transform='none')
    sent=ustr_sentence(name,typ)
    # ISO pacs.008
    for fld,t,suf in [('Dbtr/Nm',{'dbtr':name},'Dbtr/Nm'),('Cdtr/Nm',{'cdtr':name},'Cdtr/Nm'),('UltmtDbtr/Nm',{'udbtr':name},'UltmtDbtr/Nm'),
                      ('UltmtCdtr/Nm',{'ucdtr':name},'UltmtCdtr/Nm'),('InitgPty/Nm',{'initg':name},'InitgPty/Nm'),
                      ('RmtInf/Ustrd',{'ustrd':sent},'RmtInf/Ustrd'),('InstrForCdtrAgt/InstrInf',{'instr':'CREDIT '+name+' ACCOUNT ON RECEIPT'},'InstrForCdtrAgt/InstrInf')]+(
                     [('DbtrAgt/FinInstnId/Nm',{'dagt_nm':name,'dagt_bic':None},'DbtrAgt/FinInstnId/Nm'),('CdtrAgt/FinInstnId/Nm',{'cagt_nm':name,'cagt_bic':None},'CdtrAgt/FinInstnId/Nm'),
                      ('IntrmyAgt1/FinInstnId/Nm',{'imy_nm':name},'IntrmyAgt1/FinInstnId/Nm')] if typ=='org' else []):
        add(**base,fmt='pacs.008',field=fld,msg=pacs008([t]),path_re=TX+suf+'$')
    # pacs.009
    add(**base,fmt='pacs.009',field='Undrlyg/Cdtr/Nm',msg=pacs009(u_cdtr=name),path_re='UndrlygCstmrCdtTrf/Cdtr/Nm$')
    add(**base,fmt='pacs.009',field='Undrlyg/Dbtr/Nm',msg=pacs009(u_dbtr=name),path_re='UndrlygCstmrCdtTrf/Dbtr/Nm$')
    add(**base,fmt='pacs.009',field='Undrlyg/RmtInf/Ustrd',msg=pacs009(u_ustrd=sent),path_re='UndrlygCstmrCdtTrf/RmtInf/Ustrd$')
    if typ=='org': add(**base,fmt='pacs.009',field='Cdtr/FinInstnId/Nm',msg=pacs009(cdtr_fi_nm=name),path_re=r'\]/Cdtr/FinInstnId/Nm$')
    # pain.001
    add(**base,fmt='pain.001',field='Cdtr/Nm(tx2)',msg=pain001(cdtr=name),path_re=r'CdtTrfTxInf\[2\]/Cdtr/Nm$')
    add(**base,fmt='pain.001',field='PmtInf/Dbtr/Nm',msg=pain001(dbtr=name),path_re=r'PmtInf\[1\]/Dbtr/Nm$')
    add(**base,fmt='pain.001',field='UltmtCdtr/Nm',msg=pain001(ucdtr=name),path_re=r'UltmtCdtr/Nm$')
    add(**base,fmt='pain.001',field='RmtInf/Ustrd',msg=pain001(ustrd=sent),path_re=r'CdtTrfTxInf\[2\]/RmtInf/Ustrd$')
    # MT103
    m=mtsafe(name).upper()
    add(**base,fmt='MT103',field=':50K:',msg=mt103(f50=['/BY86AKBB10100000002966000000',*wrap35(m),'UL LENINA 1','MINSK BELARUS']),path_re='^:50K:$')
    add(**base,fmt='MT103',field=':59:',msg=mt103(f59=['/BY86AKBB10100000002966000000',*wrap35(m),'UL LENINA 1','MINSK BELARUS']),path_re='^:59:$')
    add(**base,fmt='MT103',field=':59F:',msg=mt103(tag59='59F',f59=['/BY86AKBB10100000002966000000',*['1/'+x for x in wrap35(m,33)],'2/UL LENINA 1','3/BY/MINSK']),path_re='^:59F:')
    add(**base,fmt='MT103',field=':50F:',msg=mt103(tag50='50F',f50=['/BY86AKBB10100000002966000000',*['1/'+x for x in wrap35(m,33)],'2/UL LENINA 1','3/BY/MINSK']),path_re='^:50F:')
    if typ=='org': add(**base,fmt='MT103',field=':57D:',msg=mt103(tag57='57D',f57=[*wrap35(m),'MINSK BELARUS']),path_re='^:57D:$')
    add(**base,fmt='MT103',field=':70:',msg=mt103(f70=wrap35(mtsafe(sent).upper())[:4]),path_re='^:70:$')
    add(**base,fmt='MT103',field=':72:',msg=mt103(f72=['/REC/'+x if i==0 else '//'+x for i,x in enumerate(wrap35(mtsafe('BENEFICIARY '+m),30)[:6])]),path_re='^:72:$')
    # MT202COV
    add(**base,fmt='MT202COV',field='B/:59:',msg=mt202cov(b59=['/AT611904300234573201',*wrap35(m),'MINSK']),path_re='^B/:59:$')
    add(**base,fmt='MT202COV',field='B/:50K:',msg=mt202cov(b50=['/US12345678901',*wrap35(m),'MINSK']),path_re='^B/:50K:$')
    if typ=='org': add(**base,fmt='MT202COV',field=':58D:',msg=mt202cov(f58=[*wrap35(m),'MINSK']).replace(':58A:',':58D:'),path_re='^:58D:$')

def transform_cases(ent,name,kind):
    typ=ent['type'] if ent else kind[1]
    base=dict(kind=kind[0],entity=ent['id'] if ent else None,etype=typ,form='exact',name=name,field='Cdtr/Nm')
    P=TX+'Cdtr/Nm$'
    X=xesc(name)
    def iso(tr,msg,pre=P,fld='Cdtr/Nm',fmt='pacs.008'): add(**{**base,'field':fld},fmt=fmt,transform=tr,msg=msg,path_re=pre)
    ws=name.split()
    # XML-level
    if len(ws)>1:
        w=ws[1]; iso('char_reference',pacs008([{'cdtr':ws[0]+' '+f'&#{ord(w[0])};'+xesc(w[1:]+' '+' '.join(ws[2:])).rstrip()}],raw=True))
        iso('nbsp_between_words',pacs008([{'cdtr':'\u00a0'.join(ws)}]))
    iso('cdata',pacs008([{'cdtr':f'<![CDATA[{name}]]>'}],raw=True))
    iso('quotes_escaped',pacs008([{'cdtr':'&quot;'+X+'&quot;'+(' OJSC' if typ=='org' else '')}],raw=True))
    iso('apos_escaped',pacs008([{'cdtr':'&apos;'+X+'&apos;'}],raw=True))
    iso('curly_quotes',pacs008([{'cdtr':'\u201c'+name+'\u201d'+(' OJSC' if typ=='org' else '')}]))
    msg=pacs008([{'cdtr':name}]); 
    ns=msg.replace('<Document xmlns=','<ns2:Document xmlns:ns2=').replace('</Document>','</ns2:Document>')
    ns=re.sub(r'<(/?)(?!ns2:|\?|!)([A-Za-z])',r'<\1ns2:\2',ns)
    iso('ns_prefix',ns)
    iso('bom_crlf','\ufeff'+pacs008([{'cdtr':name}]).replace('><','>\r\n<'))
    iso('pretty_ws_in_Nm',pacs008([{'cdtr':'\n        '+name+'\n      '}],raw=False))
    iso('apphdr_envelope',pacs008([{'cdtr':name}],apphdr=True))
    iso('version_001_10',pacs008([{'cdtr':name}],ver='10'))
    iso('tx2_of_3',pacs008([{},{'cdtr':name},{}]),pre=r'CdtTrfTxInf\[2\]/Cdtr/Nm$')
    iso('tx3_of_3',pacs008([{},{},{'cdtr':name}]),pre=r'CdtTrfTxInf\[3\]/Cdtr/Nm$')
    iso('nm_with_address',pacs008([{'cdtr':name+', UL. LENINA 1, 220030 MINSK, BELARUS'}]))
    long=prefix(ent or {'type':typ})+name.upper()
    iso('split35_space',pacs008([{'cdtr':long[:35]+' '+long[35:]}]))
    iso('lowercase',pacs008([{'cdtr':name.lower()}]))
    iso('adrline_only_no_nm',pacs008([{'cdtr':'ACCOUNT HOLDER','cdtr_addr':f'<AdrLine>{X}</AdrLine><AdrLine>UL LENINA 1 MINSK</AdrLine>'}]),pre=TX+'Cdtr/PstlAdr/AdrLine')
    # Ustrd variations
    sent=ustr_sentence(name,typ)
    PU=TX+'RmtInf/Ustrd'
    iso('ustrd_lowercase',pacs008([{'ustrd':sent.lower()}]),pre=PU,fld='RmtInf/Ustrd')
    m=pacs008([{'ustrd':'INVOICE 4711'}]).replace('<Ustrd>INVOICE 4711</Ustrd>','<Ustrd>INVOICE 4711</Ustrd><Ustrd>'+xesc(sent)+'</Ustrd>')
    iso('ustrd_second_line',m,pre=PU,fld='RmtInf/Ustrd')
    s2=sent.upper(); cut=s2.find(name.upper()[:3])+len(name)//2
    m=pacs008([{'ustrd':'X'}]).replace('<Ustrd>X</Ustrd>','<Ustrd>'+xesc(s2[:cut])+'</Ustrd><Ustrd>'+xesc(s2[cut:])+'</Ustrd>')
    iso('ustrd_name_split_2_lines',m,pre=PU,fld='RmtInf/Ustrd')
    m=pacs008([{'ustrd':'X'}]).replace('<RmtInf><Ustrd>X</Ustrd></RmtInf>','<RmtInf><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>123</Nb></RfrdDocInf><AddtlRmtInf>'+xesc(sent)+'</AddtlRmtInf></Strd></RmtInf>')
    iso('strd_addtlrmtinf',m,pre='AddtlRmtInf',fld='RmtInf/Strd')
    m=pacs008([{'ustrd':'X'}]).replace('<RmtInf><Ustrd>X</Ustrd></RmtInf>','<RmtInf><Strd><Invcr><Nm>'+X+'</Nm></Invcr></Strd></RmtInf>')
    iso('strd_invcr_nm',m,pre='Invcr/Nm',fld='RmtInf/Strd/Invcr')
    # MT transformations on :59:
    M=mtsafe(name).upper(); baseM={**base,'field':':59:'}
    def mt(tr,msg,pre='^:59:$',fld=':59:'): add(**{**baseM,'field':fld},fmt='MT103',transform=tr,msg=msg,path_re=pre)
    acct='/BY86AKBB10100000002966000000'
    mt('crlf',mt103(f59=[acct,*wrap35(M),'MINSK'],nl='\r\n'))
    lp=mtsafe(prefix(ent or {'type':typ})+name).upper()
    mt('wrap35_midword',mt103(f59=[acct,*wrap35(lp),'MINSK']))
    mt('lowercase',mt103(f59=[acct,*wrap35(mtsafe(name).lower()),'minsk']))
    mt('trailing_spaces',mt103(f59=[acct+'  ',*[x+'   ' for x in wrap35(M)],'MINSK  ']))
    mt('no_account_line',mt103(f59=[*wrap35(M),'UL LENINA 1','MINSK']))
    mt('address_then_name',mt103(f59=[acct,'C/O',*wrap35(M),'MINSK']))
    mt('59F_name_over_2_lines',mt103(tag59='59F',f59=[acct,*['1/'+x for x in wrap35(M,len(M)//2+1)],'2/UL LENINA 1','3/BY/MINSK']),pre='^:59F:')
    mt('no_block3',mt103(f59=[acct,*wrap35(M)],block3=False))
    mt('70_name_wrapped',mt103(f70=wrap35('/INV/123 GOODS '+M)[:4]),pre='^:70:$',fld=':70:')
    mt('70_lowercase',mt103(f70=wrap35(mtsafe(sent).lower())[:4]),pre='^:70:$',fld=':70:')
def bic_cases():
    for b in L['bics']:
        base=dict(kind='pos',entity=b['id'],etype='bic',form='bic',name=b['bic'])
        for tr,v in [('bic8',b['bic']),('bic11_XXX',b['bic']+'XXX'),('bic11_branch',b['bic']+'MIN'),('lower',b['bic'].lower()+'xxx')]:
            add(**base,fmt='pacs.008',field='CdtrAgt/BICFI',transform=tr,msg=pacs008([{'cagt_bic':v}]),path_re=TX+'CdtrAgt/FinInstnId/BICFI$')
            add(**base,fmt='pacs.008',field='IntrmyAgt1/BICFI',transform=tr,msg=pacs008([{'imy_bic':v}]),path_re=TX+'IntrmyAgt1/FinInstnId/BICFI$')
            add(**base,fmt='pacs.008',field='AppHdr/Fr/BICFI',transform=tr,msg=pacs008([{}],apphdr=True,fr_bic=v),path_re='AppHdr/Fr')
            add(**base,fmt='pacs.009',field='IntrmyAgt1/BICFI',transform=tr,msg=pacs009(imy_bic=v),path_re='IntrmyAgt1/FinInstnId/BICFI$')
            if tr=='lower': continue
            add(**base,fmt='MT103',field=':57A:',transform=tr,msg=mt103(f57=[v]),path_re='^:57A:$')
            add(**base,fmt='MT103',field=':57A:',transform=tr+'+partyid',msg=mt103(f57=['//BY123456',v]),path_re='^:57A:$')
            add(**base,fmt='MT103',field=':52A:',transform=tr,msg=mt103(f52=v),path_re='^:52A:$')
            add(**base,fmt='MT202COV',field=':56A:',transform=tr,msg=mt202cov(f56=[v]),path_re='^:56A:$')
            add(**base,fmt='MT202COV',field=':58A:',transform=tr,msg=mt202cov(f58=[v]),path_re='^:58A:$')
            if len(v)in(8,11) and v.isupper():
                snd=(v[:8]+'A'+(v[8:] if len(v)==11 else 'XXX'))
                add(**base,fmt='MT103',field='{1:} sender',transform=tr,msg=mt103(sender=snd),path_re=r'^\{1:\}$')
        add(**base,fmt='MT103',field=':72:',transform='bic_in_72',msg=mt103(f72=['/INS/'+b['bic']]),path_re='^:72:$')
        add(**base,fmt='pacs.008',field='RmtInf/Ustrd',transform='bic_in_ustrd',msg=pacs008([{'ustrd':'PAY VIA '+b['bic']+' REF 12'}]),path_re='Ustrd$')
def build():
    for e in PERSONS+ORGS:
        for form,n in forms(e).items(): field_cases(e,n,form,('pos',))
        transform_cases(e,forms(e)['exact'],('pos',))
    bic_cases()
    for n in NEG_P: field_cases(None,n,'neg',('neg','person')); transform_cases(None,n,('neg','person'))
    for n in NEG_O: field_cases(None,n,'neg',('neg','org')); transform_cases(None,n,('neg','org'))
    for t in NEG_TEXT:
        base=dict(kind='neg',entity=None,etype='text',form='neg',name=t,transform='none',path_re='')
        add(**base,fmt='pacs.008',field='RmtInf/Ustrd',msg=pacs008([{'ustrd':t}]))
        add(**base,fmt='MT103',field=':70:',msg=mt103(f70=wrap35(t)[:4]))
        add(**base,fmt='MT103',field=':59: address',msg=mt103(f59=['/BY86AKBB10100000002966000000','IVAN PETROV',*wrap35(t)[:2]]))
    for i,c in enumerate(cases): c['cid']=i
    return cases
