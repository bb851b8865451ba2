import sys,os,json
# The round-6 client (scripts/messages/client.py), one level up: the same calls and stubs.
sys.path.insert(0,os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from client import screen, party
from xml.sax.saxutils import escape as x
def iso(tx_extra='', ustrd=None, dbtr='Claire Dubois', cdtr='De Vries Meubelen BV', grp_extra='', strd='', cdtracct_nm=None, ustrd_raw=False, cdtr_extra='', dbtr_extra=''):
    ustrd = ['ORDER 2025-118 OAK DINING TABLE'] if ustrd is None else ustrd
    u=''.join(f'<Ustrd>{(s if ustrd_raw else x(s))}</Ustrd>' for s in ustrd)
    rmt=f'<RmtInf>{u}{strd}</RmtInf>' if (u or strd) else ''
    acctnm=f'<Nm>{x(cdtracct_nm)}</Nm>' if cdtracct_nm else ''
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"><FIToFICstmrCdtTrf><GrpHdr><MsgId>MSG-1</MsgId>'
      f'<CreDtTm>2025-03-12T09:30:00Z</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf>{grp_extra}</GrpHdr>'
      '<CdtTrfTxInf><PmtId><InstrId>I1</InstrId><EndToEndId>E2E-1</EndToEndId><UETR>8a562c67-ca16-48ba-b074-65581be6f011</UETR></PmtId>'
      '<IntrBkSttlmAmt Ccy="EUR">1000.00</IntrBkSttlmAmt><IntrBkSttlmDt>2025-03-12</IntrBkSttlmDt><ChrgBr>SHAR</ChrgBr>'
      '<InstgAgt><FinInstnId><BICFI>BNPAFRPPXXX</BICFI></FinInstnId></InstgAgt><InstdAgt><FinInstnId><BICFI>INGBNL2AXXX</BICFI></FinInstnId></InstdAgt>'
      f'<Dbtr><Nm>{x(dbtr)}</Nm><PstlAdr><TwnNm>Paris</TwnNm><Ctry>FR</Ctry></PstlAdr>{dbtr_extra}</Dbtr>'
      '<DbtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></DbtrAcct>'
      '<DbtrAgt><FinInstnId><BICFI>BNPAFRPPXXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>INGBNL2AXXX</BICFI></FinInstnId></CdtrAgt>'
      f'<Cdtr><Nm>{x(cdtr)}</Nm><PstlAdr><TwnNm>Amsterdam</TwnNm><Ctry>NL</Ctry></PstlAdr>{cdtr_extra}</Cdtr>'
      f'<CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id>{acctnm}</CdtrAcct>'
      f'{tx_extra}{rmt}</CdtTrfTxInf></FIToFICstmrCdtTrf></Document>')
def mt103(f50=None,f59=None,f57=None,f70=None,f72=None,f77b=None,f52='NDEASESS',tag50='50K',tag59='59',tag57='57A'):
    f50=f50 or ['/DE44500105175407324931','MUELLER MASCHINENBAU GMBH','INDUSTRIESTRASSE 7','60311 FRANKFURT']
    f59=f59 or ['/DE89370400440532013000','HANSE LOGISTIK GMBH','SPEICHERSTADT 1','HAMBURG']
    f57=f57 or ['DEUTDEFF']
    f70=f70 or ['/INV/2025-31 FREIGHT SERVICES']
    lines=[':20:REF103X',':23B:CRED',':32A:250312EUR48000,00',f':{tag50}:'+f50[0],*f50[1:],f':52A:{f52}',f':{tag57}:'+f57[0],*f57[1:],
           f':{tag59}:'+f59[0],*f59[1:],':70:'+f70[0],*f70[1:],':71A:SHA']
    if f72: lines+=[':72:'+f72[0],*f72[1:]]
    if f77b: lines+=[':77B:'+f77b[0],*f77b[1:]]
    return '{1:F01COBADEFFAXXX0000000000}{2:I103RZBAATWWXXXXN}{3:{121:0d1c9f8e-5b0a-4f4e-9d1a-6c1b2e3f4a5b}}{4:\n'+'\n'.join(lines)+'\n-}'
def short(r):
    if not r['ok']: return f"ERR {r['code']} {r['err'][:200]} {r['ms']:.0f}ms"
    return f"{r['decision']} {r['ms']:.0f}ms f={r['fields']} "+'; '.join(f"{h[0].split('/')[-2:] if h[0].startswith('/') else h[0]} {h[2]} {h[3][:3]} {h[4][:60]!r} {h[5]}" for h in r['hits'])
