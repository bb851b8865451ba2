import os
HERE=os.path.dirname(os.path.abspath(__file__))
"""Own generator of ISO 20022 / SWIFT MT messages carrying listed or unlisted names."""
import json, random, re, textwrap, uuid
from xml.sax.saxutils import escape as xesc
R=random.Random(6)
L=json.load(open(os.path.join(HERE,'out','listed.json')))

# ---------- name forms ----------
def title(s): return ' '.join(w.capitalize() for w in s.split())
TRANSLIT=[('kh','h'),('ya','ia'),('yu','iu'),('iy','ii'),('y','i'),('ia','ya'),('zh','z'),('ts','c'),('ei','ey'),('ou','u'),('ka','ko'),('e','ie')]
def translit(s):
    low=s.lower()
    for a,b in TRANSLIT:
        if a in low:
            i=low.index(a); out=s[:i]+(b.upper() if s[i].isupper() else b)+s[i+len(a):]
            return out
    return s
def forms(e):
    if e['type']=='person':
        giv=title(e['given']); sur=title(e['surname']); g=giv.split()
        f={'exact':f"{giv} {sur}",
           'upper':f"{giv} {sur}".upper(),
           'surname_first':f"{sur.upper()} {giv.upper()}",
           'no_patronymic':f"{g[0]} {sur}" if len(g)>1 else f"{giv} {sur}",
           'translit':f"{g[0]} {translit(sur)}"}
    else:
        n=e['listed']; f={'exact':n,'upper':n.upper(),'translit':translit(n)}
    return f
def mtsafe(s):  # SWIFT X character set
    s=s.replace('&',' AND ').replace('"','').replace('«','').replace('»','')
    return re.sub(r"[^A-Za-z0-9/\-?:().,'+ ]",' ',s)
def prefix(e): return 'INDIVIDUAL ENTREPRENEUR ' if e['type']=='person' else 'OPEN JOINT STOCK COMPANY '

# ---------- ISO 20022 ----------
CLEAN_TX=dict(dbtr='Claire Dubois',cdtr='De Vries Meubelen BV',udbtr=None,ucdtr=None,dagt_bic='BNPAFRPPXXX',dagt_nm=None,
              cagt_bic='INGBNL2AXXX',cagt_nm=None,imy_bic=None,imy_nm=None,ustrd='ORDER 2025-118 OAK DINING TABLE',initg=None,instr=None,cdtr_addr=None)
def nm(v,raw=False): return v if raw else xesc(v)
def agent(tag,bic,name,raw):
    if not bic and not name: return ''
    s=f'<{tag}><FinInstnId>'
    if bic: s+=f'<BICFI>{bic}</BICFI>'
    if name: s+=f'<Nm>{nm(name,raw)}</Nm>'
    return s+f'</FinInstnId></{tag}>'
def party(tag,name,raw,addr=None):
    if name is None: return ''
    a=f'<PstlAdr>{addr}</PstlAdr>' if addr else ''
    return f'<{tag}><Nm>{nm(name,raw)}</Nm>{a}</{tag}>'
def tx008(t,i,raw=False):
    t={**CLEAN_TX,**t}
    return (f'<CdtTrfTxInf><PmtId><InstrId>I{i}</InstrId><EndToEndId>E2E-{i}</EndToEndId><UETR>{uuid.UUID(int=R.getrandbits(128),version=4)}</UETR></PmtId>'
      f'<IntrBkSttlmAmt Ccy="EUR">{1000+i}.00</IntrBkSttlmAmt><IntrBkSttlmDt>2025-03-12</IntrBkSttlmDt><ChrgBr>SHAR</ChrgBr>'
      f'<InstgAgt><FinInstnId><BICFI>BNPAFRPPXXX</BICFI></FinInstnId></InstgAgt><InstdAgt><FinInstnId><BICFI>INGBNL2AXXX</BICFI></FinInstnId></InstdAgt>'
      + agent('IntrmyAgt1',t['imy_bic'],t['imy_nm'],raw)
      + party('UltmtDbtr',t['udbtr'],raw) + party('InitgPty',t['initg'],raw)
      + party('Dbtr',t['dbtr'],raw,'<TwnNm>Paris</TwnNm><Ctry>FR</Ctry>')
      + '<DbtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></DbtrAcct>'
      + agent('DbtrAgt',t['dagt_bic'],t['dagt_nm'],raw) + agent('CdtrAgt',t['cagt_bic'],t['cagt_nm'],raw)
      + party('Cdtr',t['cdtr'],raw,t['cdtr_addr'] or '<TwnNm>Amsterdam</TwnNm><Ctry>NL</Ctry>')
      + '<CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></CdtrAcct>'
      + party('UltmtCdtr',t['ucdtr'],raw)
      + (f'<InstrForCdtrAgt><InstrInf>{nm(t["instr"],raw)}</InstrInf></InstrForCdtrAgt>' if t['instr'] else '')
      + (f'<RmtInf><Ustrd>{nm(t["ustrd"],raw)}</Ustrd></RmtInf>' if t['ustrd'] is not None else '')
      + '</CdtTrfTxInf>')
def pacs008(txs,raw=False,ver='08',apphdr=False,fr_bic='BNPAFRPPXXX'):
    body=''.join(tx008(t,i+1,raw) for i,t in enumerate(txs))
    doc=(f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.{ver}"><FIToFICstmrCdtTrf><GrpHdr><MsgId>MSG-{R.randint(1,10**6)}</MsgId>'
         f'<CreDtTm>2025-03-12T09:30:00Z</CreDtTm><NbOfTxs>{len(txs)}</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>{body}</FIToFICstmrCdtTrf></Document>')
    if apphdr:
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<BizMsgEnvlp><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><Fr><FIId><FinInstnId><BICFI>'+fr_bic+'</BICFI></FinInstnId></FIId></Fr>'
                '<To><FIId><FinInstnId><BICFI>INGBNL2AXXX</BICFI></FinInstnId></FIId></To><BizMsgIdr>B1</BizMsgIdr><MsgDefIdr>pacs.008.001.08</MsgDefIdr>'
                '<BizSvc>swift.cbprplus.02</BizSvc><CreDt>2025-03-12T09:30:00Z</CreDt></AppHdr>'+doc+'</BizMsgEnvlp>')
    return '<?xml version="1.0" encoding="UTF-8"?>\n'+doc
def pacs009(cdtr_fi_nm=None,u_cdtr='Danube Fuel Distribution GmbH',u_dbtr='Atlantic Petroleum Traders Inc',imy_bic=None,u_ustrd='CARGO 14/2025'):
    imy=f'<IntrmyAgt1><FinInstnId><BICFI>{imy_bic}</BICFI></FinInstnId></IntrmyAgt1>' if imy_bic else ''
    cn=f'<Nm>{xesc(cdtr_fi_nm)}</Nm>' if cdtr_fi_nm else ''
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf><GrpHdr><MsgId>COV-1</MsgId><CreDtTm>2025-03-12T08:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>'
      '<CdtTrfTxInf><PmtId><InstrId>COV-1</InstrId><EndToEndId>E2E-1</EndToEndId><UETR>b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d</UETR></PmtId><IntrBkSttlmAmt Ccy="USD">250000.00</IntrBkSttlmAmt><IntrBkSttlmDt>2025-03-12</IntrBkSttlmDt>'
      '<InstgAgt><FinInstnId><BICFI>CITIUS33XXX</BICFI></FinInstnId></InstgAgt><InstdAgt><FinInstnId><BICFI>RZBAATWWXXX</BICFI></FinInstnId></InstdAgt>'+imy+
      '<Dbtr><FinInstnId><BICFI>CITIUS33XXX</BICFI></FinInstnId></Dbtr><DbtrAgt><FinInstnId><BICFI>CITIUS33XXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>RZBAATWWXXX</BICFI></FinInstnId></CdtrAgt>'
      f'<Cdtr><FinInstnId><BICFI>RZBAATWWXXX</BICFI>{cn}</FinInstnId></Cdtr>'
      f'<UndrlygCstmrCdtTrf><Dbtr><Nm>{xesc(u_dbtr)}</Nm></Dbtr><DbtrAgt><FinInstnId><BICFI>CHASUS33XXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>RZBAATWWXXX</BICFI></FinInstnId></CdtrAgt>'
      f'<Cdtr><Nm>{xesc(u_cdtr)}</Nm></Cdtr><RmtInf><Ustrd>{xesc(u_ustrd)}</Ustrd></RmtInf></UndrlygCstmrCdtTrf></CdtTrfTxInf></FICdtTrf></Document>')
def pain001(cdtr='Yorkshire Steel Fabrications Ltd',dbtr='ACME Industrial Supplies Ltd',ucdtr=None,ustrd='PO 88812 STEEL BRACKETS'):
    u=f'<UltmtCdtr><Nm>{xesc(ucdtr)}</Nm></UltmtCdtr>' if ucdtr else ''
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr><MsgId>P1</MsgId><CreDtTm>2025-03-12T07:45:00</CreDtTm><NbOfTxs>2</NbOfTxs><InitgPty><Nm>ACME Industrial Supplies Ltd</Nm></InitgPty></GrpHdr>'
      f'<PmtInf><PmtInfId>PI-1</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt><Dt>2025-03-13</Dt></ReqdExctnDt><Dbtr><Nm>{xesc(dbtr)}</Nm></Dbtr><DbtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>NWBKGB2LXXX</BICFI></FinInstnId></DbtrAgt>'
      '<CdtTrfTxInf><PmtId><EndToEndId>A-1</EndToEndId></PmtId><Amt><InstdAmt Ccy="GBP">1500.00</InstdAmt></Amt><CdtrAgt><FinInstnId><BICFI>BARCGB22XXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>Pennine Haulage Co</Nm></Cdtr><RmtInf><Ustrd>FREIGHT FEB</Ustrd></RmtInf></CdtTrfTxInf>'
      f'<CdtTrfTxInf><PmtId><EndToEndId>A-2</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">20000.00</InstdAmt></Amt><CdtrAgt><FinInstnId><BICFI>RZBAATWWXXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>{xesc(cdtr)}</Nm></Cdtr>{u}<RmtInf><Ustrd>{xesc(ustrd)}</Ustrd></RmtInf></CdtTrfTxInf>'
      '</PmtInf></CstmrCdtTrfInitn></Document>')

# ---------- SWIFT MT ----------
def wrap35(s, width=35):  # hard wrap at 35 chars, mid-word allowed (as MT systems do)
    return [s[i:i+width] for i in range(0,len(s),width)]
def mt103(f50=None,f59=None,f57=None,f70=None,f72=None,f52='NDEASESS',tag50='50K',tag59='59',tag57='57A',sender='COBADEFFAXXX',block3=True,nl='\n'):
    f50=f50 or ['/DE44500105175407324931','MUELLER MASCHINENBAU GMBH','INDUSTRIESTRASSE 7','60311 FRANKFURT']
    f59=f59 or ['/DE89370400440532013000','HANSE LOGISTIK GMBH','SPEICHERSTADT 1','HAMBURG']
    f57=f57 or ['DEUTDEFF']
    f70=f70 or ['/INV/2025-31 FREIGHT SERVICES']
    b3='{3:{121:0d1c9f8e-5b0a-4f4e-9d1a-6c1b2e3f4a5b}}' if block3 else ''
    lines=[':20:REF103X',':23B:CRED',':32A:250312EUR48000,00',f':{tag50}:'+f50[0],*f50[1:],f':52A:{f52}',f':{tag57}:'+f57[0],*f57[1:],
           f':{tag59}:'+f59[0],*f59[1:],':70:'+f70[0],*f70[1:],':71A:SHA']
    if f72: lines+=[':72:'+f72[0],*f72[1:]]
    return '{1:F01'+sender+'0000000000}{2:I103RZBAATWWXXXXN}'+b3+'{4:'+nl+nl.join(lines)+nl+'-}'
def mt202cov(b59=None,b50=None,f58=None,f56=None,b70=None,nl='\n'):
    b59=b59 or ['/AT611904300234573201','DANUBE FUEL DISTRIBUTION GMBH','VIENNA']
    b50=b50 or ['/US12345678901','ATLANTIC PETROLEUM TRADERS INC','HOUSTON TX']
    f58=f58 or ['RZBAATWW']; f56=f56 or ['CHASUS33']
    b70=b70 or ['CARGO 14/2025 VACUUM GAS OIL']
    lines=[':20:COV1',':21:E2E1',':32A:250312USD250000,00',':52A:CITIUS33',':56A:'+f56[0],*f56[1:],':57A:RZBAATWW',':58A:'+f58[0],*f58[1:],
           ':50K:'+b50[0],*b50[1:],':52A:CHASUS33',':57A:RZBAATWW',':59:'+b59[0],*b59[1:],':70:'+b70[0],*b70[1:]]
    return '{1:F01CITIUS33AXXX0000000000}{2:I202RZBAATWWXXXXN}{3:{119:COV}}{4:'+nl+nl.join(lines)+nl+'-}'
