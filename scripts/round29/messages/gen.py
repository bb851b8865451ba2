#!/usr/bin/env python3
"""Generate the A (recall), B (faults) and C (false positive) message sets from our own list parse."""
import json, os, random, re, unicodedata, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lists
R = random.Random(29)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'queries')
os.makedirs(OUT, exist_ok=True)

# ---------------- character handling ----------------
TR = dict(zip('АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЎЄЇҐ',
              ['A','B','V','G','D','E','E','J','Z','I','I','K','L','M','N','O','P','R','S','T','U','F','H','C','CH','SH','SHCH',"'",'Y',"'","E'",'IU','IA','I','U','E','I','G']))
def translit_swift(s):
    """Bank of Russia / SWIFT MT Cyrillic transliteration (upper case)."""
    out = []
    for ch in s:
        u = ch.upper()
        out.append(TR.get(u, u))
    return ''.join(out)
XOK = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ")
def xcharset(s):
    s = ' '.join(s.split())
    s = s.replace('&', ' AND ').replace('«', '').replace('»', '').replace('"', '').replace('“', '').replace('”', '').replace('’', "'")
    s = translit_swift(s)
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).upper()
    s = ''.join(c if c in XOK else ' ' for c in s)
    return ' '.join(s.split())
def hardwrap(s, w=35):
    lines = []
    while s:
        lines.append(s[:w].rstrip()); s = s[w:].lstrip()
    return lines
def wordwrap(s, w=35):
    lines, cur = [], ''
    for word in s.split():
        if len(cur) + len(word) + (1 if cur else 0) <= w:
            cur = (cur + ' ' + word).strip()
        else:
            if cur: lines.append(cur)
            while len(word) > w:
                lines.append(word[:w]); word = word[w:]
            cur = word
    if cur: lines.append(cur)
    return lines
def xml_esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')

# ---------------- unlisted fillers ----------------
FIRST = ['PETER', 'ANNA', 'JOHN', 'MARIA', 'THOMAS', 'ELENA', 'MARK', 'OLGA', 'DAVID', 'IRINA', 'PAUL', 'SOFIA', 'LUCAS', 'NINA', 'JAN', 'KATARZYNA']
LAST = ['MUELLER', 'SCHMIDT', 'NOWAK', 'HARTMANN', 'JANSSEN', 'BERGSTROM', 'LINDQVIST', 'DUBOIS', 'MORETTI', 'KOWALCZYK', 'VAN DIJK', 'HOLMES']
ORGS = ['NORDIC TIMBER TRADING AB', 'RHEINLAND MASCHINENBAU GMBH', 'BALTIC LOGISTICS SIA', 'ALPINE FOODS AG', 'VISTULA PACKAGING SP Z O O', 'ATLANTIC OFFICE SUPPLY LTD']
DEB_BICS = ['DEUTDEFFXXX', 'COBADEFFXXX', 'NDEASESSXXX', 'BKAUATWWXXX', 'RZBAATWWXXX', 'PKOPPLPWXXX']
BY_BANKS_UNLISTED = ['TECHNOBANK JSC', 'BANK RESHENIE JSC', 'RRB-BANK JSC', 'ZEPTER BANK CJSC', 'STATUSBANK OJSC', 'BSB BANK CJSC', 'TK BANK JSC']
BY_BICS_UNLISTED = ['TECNBY22', 'RSHNBY2X', 'REDJBY22', 'ZEPTBY2X', 'BLNBBY2X', 'UNBSBY2X', 'BLNKBY2X']  # invented / not on the lists
STREETS = ['UL LENINA 5', 'PR NEZAVISIMOSTI 95', 'UL KIROVA 12', 'UL SOVETSKAYA 18', 'UL MASHEROVA 21', 'PR POBEDITELEY 7', 'UL NEMIGA 3', 'UL SURGANOVA 43']
TOWNS = ['MINSK', 'GRODNO', 'BREST', 'VITEBSK', 'GOMEL', 'MOGILEV', 'BARANOVICHI', 'BOBRUISK', 'PINSK', 'ORSHA', 'SOLIGORSK', 'NOVOPOLOTSK']
def acct_by():
    return 'BY%02d%s%s' % (R.randint(10, 99), R.choice(['AKBB', 'BPSB', 'ALFA', 'PJCB', 'MTBK']), ''.join(R.choice('0123456789') for _ in range(20)))
def acct_de():
    return 'DE%02d%s' % (R.randint(10, 99), ''.join(R.choice('0123456789') for _ in range(18)))
def unl_person():
    return f'{R.choice(FIRST)} {R.choice(LAST)}'

# ---------------- MT builders ----------------
def mt103(f50, f59, f52=None, f57=None, f70=None, f72=None, snd='DEUTDEFFXXX', rcv='AKBBBY2XXXX', ref=None, crlf=False, mt='103'):
    ref = ref or 'REF%08d' % R.randint(0, 10**8)
    b = [f':20:{ref}', ':23B:CRED', f':32A:240115EUR{R.randint(100, 90000)},00', f':50K:/{acct_de()}' if f50 is None else f50]
    if f50 is None:
        b += [unl_person(), 'HAUPTSTRASSE 1', 'DE/BERLIN']
    if f52: b.append(f52)
    if f57: b.append(f57)
    b.append(f59)
    if f70: b.append(f70)
    b.append(':71A:SHA')
    if f72: b.append(f72)
    nl = '\r\n' if crlf else '\n'
    hdr = f'{{1:F01{snd[:8]}A{snd[8:] or "XXX"}0000000000}}{{2:I{mt}{rcv[:8]}X{rcv[8:] or "XXX"}N}}{{3:{{108:MSG{R.randint(0, 99999)}}}{{121:{uuid()}}}}}'
    return hdr + '{4:' + nl + nl.join(b) + nl + '-}'
def uuid():
    h = '%032x' % R.getrandbits(128)
    return f'{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}'
def f59k(name, wrap=hardwrap, addr=True, tag='59', acct=None):
    lines = wrap(name)
    trunc = len(lines) > 4
    if addr:
        for a in [R.choice(STREETS), 'BY/' + R.choice(TOWNS)]:
            if len(lines) < 4: lines.append(a)
    return f':{tag}:/{acct or acct_by()}\n' + '\n'.join(lines[:4]), trunc
def f50f(name, person):
    # option F: party identifier, then numbered lines, 4 lines max after the identifier
    lines = ['1/' + l for l in hardwrap(name, 33)]
    extra = ['2/' + R.choice(STREETS), '3/BY/' + R.choice(TOWNS)]
    extra.append(f'4/19{R.randint(50, 89)}0{R.randint(1, 9)}1{R.randint(0, 9)}' if person else '6/BY/MNSK/19' + str(R.randint(1000000, 9999999)))
    trunc = len(lines) > 4
    for e in extra:
        if len(lines) < 4: lines.append(e)
    return ':50F:/' + acct_by() + '\n' + '\n'.join(lines[:4]), trunc
def f59f(name):
    lines = ['1/' + l for l in hardwrap(name, 33)]
    trunc = len(lines) > 4
    for e in ['2/' + R.choice(STREETS), '3/BY/' + R.choice(TOWNS)]:
        if len(lines) < 4: lines.append(e)
    return ':59F:/' + acct_by() + '\n' + '\n'.join(lines[:4]), trunc
def f70(text):
    lines = hardwrap(text)
    return ':70:' + '\n'.join(lines[:4]), len(lines) > 4
def f72(text, code='/BNF/'):
    first = code + text[:35 - len(code)]
    rest = text[35 - len(code):]
    lines = [first] + ['//' + l for l in hardwrap(rest, 33)] if rest else [first]
    return ':72:' + '\n'.join(lines[:6]), len(lines) > 6

# ---------------- ISO builders ----------------
def pty(tag, name, p='', ctry='BY', adr=None, person=False, dob=None):
    adrx = ''
    if adr is not None:
        adrx = ''.join(f'<{p}AdrLine>{xml_esc(a)}</{p}AdrLine>' for a in adr)
        adrx = f'<{p}PstlAdr>{adrx}</{p}PstlAdr>' if adr else ''
    else:
        adrx = f'<{p}PstlAdr><{p}StrtNm>{R.choice(STREETS).title()}</{p}StrtNm><{p}TwnNm>{R.choice(TOWNS).title()}</{p}TwnNm><{p}Ctry>{ctry}</{p}Ctry></{p}PstlAdr>'
    idx = ''
    if person and dob:
        idx = f'<{p}Id><{p}PrvtId><{p}DtAndPlcOfBirth><{p}BirthDt>{dob}</{p}BirthDt><{p}CityOfBirth>Minsk</{p}CityOfBirth><{p}CtryOfBirth>BY</{p}CtryOfBirth></{p}DtAndPlcOfBirth></{p}PrvtId></{p}Id>'
    return f'<{p}{tag}><{p}Nm>{xml_esc(name)}</{p}Nm>{adrx}{idx}</{p}{tag}>'
def agt(tag, bic, name=None, p=''):
    nm = f'<{p}Nm>{xml_esc(name)}</{p}Nm>' if name else ''
    return f'<{p}{tag}><{p}FinInstnId><{p}BICFI>{bic}</{p}BICFI>{nm}</{p}FinInstnId></{p}{tag}>'
def pacs008(cdtr, dbtr, ustrd=None, ultcdtr='', ultdbtr='', cdtragt=None, ver='08', p='', apphdr=False, envelope=False):
    cdtragt = cdtragt or agt('CdtrAgt', 'AKBBBY2XXXX', p=p)
    mid = 'MSG%010d' % R.getrandbits(32)
    amt = f'{R.randint(100, 90000)}.00'
    rmt = ''
    if ustrd:
        rmt = f'<{p}RmtInf>' + ''.join(f'<{p}Ustrd>{xml_esc(u)}</{p}Ustrd>' for u in ustrd) + f'</{p}RmtInf>'
    ns = f'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.{ver}'
    xmlns = f'xmlns:{p[:-1]}="{ns}"' if p else f'xmlns="{ns}"'
    doc = (f'<{p}Document {xmlns}><{p}FIToFICstmrCdtTrf><{p}GrpHdr><{p}MsgId>{mid}</{p}MsgId><{p}CreDtTm>2024-01-15T10:00:00+01:00</{p}CreDtTm>'
           f'<{p}NbOfTxs>1</{p}NbOfTxs><{p}SttlmInf><{p}SttlmMtd>INDA</{p}SttlmMtd></{p}SttlmInf></{p}GrpHdr>'
           f'<{p}CdtTrfTxInf><{p}PmtId><{p}InstrId>{mid}</{p}InstrId><{p}EndToEndId>E2E{mid}</{p}EndToEndId><{p}UETR>{uuid()}</{p}UETR></{p}PmtId>'
           f'<{p}IntrBkSttlmAmt Ccy="EUR">{amt}</{p}IntrBkSttlmAmt><{p}IntrBkSttlmDt>2024-01-15</{p}IntrBkSttlmDt><{p}ChrgBr>SHAR</{p}ChrgBr>'
           f'{agt("InstgAgt", "DEUTDEFFXXX", p=p)}{agt("InstdAgt", "AKBBBY2XXXX", p=p)}'
           f'{ultdbtr}{dbtr}<{p}DbtrAcct><{p}Id><{p}IBAN>{acct_de()}</{p}IBAN></{p}Id></{p}DbtrAcct>{agt("DbtrAgt", "DEUTDEFFXXX", p=p)}'
           f'{cdtragt}{cdtr}<{p}CdtrAcct><{p}Id><{p}IBAN>{acct_by()}</{p}IBAN></{p}Id></{p}CdtrAcct>{ultcdtr}{rmt}</{p}CdtTrfTxInf></{p}FIToFICstmrCdtTrf></{p}Document>')
    if apphdr:
        h = ('<h:AppHdr xmlns:h="urn:iso:std:iso:20022:tech:xsd:head.001.001.02"><h:Fr><h:FIId><h:FinInstnId><h:BICFI>DEUTDEFFXXX</h:BICFI></h:FinInstnId></h:FIId></h:Fr>'
             '<h:To><h:FIId><h:FinInstnId><h:BICFI>AKBBBY2XXXX</h:BICFI></h:FinInstnId></h:FIId></h:To>'
             f'<h:BizMsgIdr>{mid}</h:BizMsgIdr><h:MsgDefIdr>pacs.008.001.{ver}</h:MsgDefIdr><h:BizSvc>swift.cbprplus.02</h:BizSvc><h:CreDt>2024-01-15T09:00:00Z</h:CreDt></h:AppHdr>')
        doc = h + doc
    if envelope:
        doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<Envelope xmlns="urn:swift:xsd:envelope">{doc}</Envelope>'
    return doc
def pacs009(cdtr_name, cov=False, ucdtr=None):
    mid = 'FIM%010d' % R.getrandbits(32)
    und = ''
    if cov:
        und = (f'<UndrlygCstmrCdtTrf><Dbtr><Nm>{unl_person()}</Nm></Dbtr><DbtrAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></DbtrAgt>'
               f'<CdtrAgt><FinInstnId><BICFI>AKBBBY2XXXX</BICFI></FinInstnId></CdtrAgt><Cdtr><Nm>{xml_esc(ucdtr)}</Nm><PstlAdr><TwnNm>Minsk</TwnNm><Ctry>BY</Ctry></PstlAdr></Cdtr></UndrlygCstmrCdtTrf>')
    cd = f'<Cdtr><FinInstnId><BICFI>AKBBBY2XXXX</BICFI></FinInstnId></Cdtr>' if cdtr_name is None else f'<Cdtr><FinInstnId><Nm>{xml_esc(cdtr_name)}</Nm><PstlAdr><TwnNm>Minsk</TwnNm><Ctry>BY</Ctry></PstlAdr></FinInstnId></Cdtr>'
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08"><FICdtTrf><GrpHdr>'
            f'<MsgId>{mid}</MsgId><CreDtTm>2024-01-15T10:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr>'
            f'<CdtTrfTxInf><PmtId><InstrId>{mid}</InstrId><EndToEndId>E2E{mid}</EndToEndId><UETR>{uuid()}</UETR></PmtId>'
            f'<IntrBkSttlmAmt Ccy="USD">{R.randint(1000, 900000)}.00</IntrBkSttlmAmt><IntrBkSttlmDt>2024-01-15</IntrBkSttlmDt>'
            f'<InstgAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></InstgAgt><InstdAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></InstdAgt>'
            f'<Dbtr><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></Dbtr><CdtrAgt><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></CdtrAgt>'
            f'{cd}{und}</CdtTrfTxInf></FICdtTrf></Document>')
def pain001(cdtr='', initg=None, ustrd=None):
    mid = 'PMT%010d' % R.getrandbits(32)
    ip = initg or R.choice(ORGS)
    rmt = f'<RmtInf><Ustrd>{xml_esc(ustrd)}</Ustrd></RmtInf>' if ustrd else ''
    return ('<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn><GrpHdr>'
            f'<MsgId>{mid}</MsgId><CreDtTm>2024-01-15T10:00:00</CreDtTm><NbOfTxs>1</NbOfTxs><InitgPty><Nm>{xml_esc(ip)}</Nm></InitgPty></GrpHdr>'
            f'<PmtInf><PmtInfId>{mid}-1</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt><Dt>2024-01-16</Dt></ReqdExctnDt>'
            f'<Dbtr><Nm>{R.choice(ORGS)}</Nm></Dbtr><DbtrAcct><Id><IBAN>{acct_de()}</IBAN></Id></DbtrAcct><DbtrAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></DbtrAgt>'
            f'<CdtTrfTxInf><PmtId><EndToEndId>E2E{mid}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">{R.randint(100, 90000)}.00</InstdAmt></Amt>'
            f'<CdtrAgt><FinInstnId><BICFI>AKBBBY2XXXX</BICFI></FinInstnId></CdtrAgt>{cdtr or pty("Cdtr", unl_person())}<CdtrAcct><Id><IBAN>{acct_by()}</IBAN></Id></CdtrAcct>{rmt}</CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn></Document>')

# ---------------- A: recall ----------------
def gen_A():
    es = [e for e in lists.load() if e['kind'] in ('person', 'org')]
    out = []
    def add(fam, e, msg, fmt=0, trunc=False, text=None):
        out.append(dict(family=fam, expect=e['id'], kind=e['kind'], name=e['name'], text=text, trunc=trunc, format=fmt, message=msg))
    for e in es:
        nm = ' '.join(e['name'].split())
        X = xcharset(nm)
        person = e['kind'] == 'person'
        # MT 59 / 50K: name wrapped at 35 (hard cut, a word cut in two), uppercase X charset
        f, t = f59k(X, hardwrap); add('MT103 :59: hard-wrapped 35', e, mt103(None, f), trunc=t, text=X)
        f, t = f59k(X, wordwrap); add('MT103 :59: word-wrapped 35', e, mt103(None, f), trunc=t, text=X)
        f, t = f59k(X, hardwrap, tag='50K', acct=acct_de())
        add('MT103 :50K: hard-wrapped 35', e, mt103(f, ':59:/' + acct_by() + '\n' + unl_person() + '\nBY/MINSK'), trunc=t, text=X)
        f, t = f50f(X, person); add('MT103 :50F: 1/ name lines', e, mt103(f, ':59:/' + acct_by() + '\n' + unl_person()), trunc=t, text=X)
        f, t = f59f(X); add('MT103 :59F: 1/ name lines', e, mt103(None, f), trunc=t, text=X)
        f, t = f70('/INV/2024-113 PAYMENT TO ' + X + ' FOR GOODS')
        add('MT103 :70: name in remittance, hard-wrapped', e, mt103(None, ':59:/' + acct_by() + '\n' + R.choice(ORGS)[:35] + '\nBY/MINSK', f70=f), trunc=t, text=X)
        lines = wordwrap('/INV/2024-113 PAYMENT TO ' + X + ' FOR GOODS')
        add('MT103 :70: name in remittance, word-wrapped', e, mt103(None, ':59:/' + acct_by() + '\n' + R.choice(ORGS)[:35] + '\nBY/MINSK', f70=':70:' + '\n'.join(lines[:4])), trunc=len(lines) > 4, text=X)
        f, t = f72('FAVOUR ' + X + ' ACC ' + acct_by())
        add('MT103 :72: /BNF/ with // lines', e, mt103(None, ':59:/' + acct_by() + '\n' + R.choice(ORGS)[:35], f72=f), trunc=t, text=X)
        lines = [unl_person()] + hardwrap('C/O ' + X)
        trunc = len(lines) > 4
        add('MT103 :59: name only in address line (C/O)', e, mt103(None, ':59:/' + acct_by() + '\n' + '\n'.join(lines[:4])), trunc=trunc, text=X)
        if e['cyr']:
            c = e['cyr'][0]
            T = xcharset(c)
            f, t = f59k(T, hardwrap); add('MT103 :59: Cyrillic alias, SWIFT translit', e, mt103(None, f), trunc=t, text=T)
        # ISO
        addr = None
        add('pacs.008.001.08 Cdtr/Nm', e, pacs008(pty('Cdtr', nm, person=person), pty('Dbtr', unl_person(), ctry='DE')), text=nm)
        add('pacs.008.001.10 ns2: prefix + AppHdr + envelope, Cdtr/Nm', e,
            pacs008(pty('Cdtr', nm, p='ns2:', person=person), pty('Dbtr', unl_person(), p='ns2:', ctry='DE'), ver='10', p='ns2:', apphdr=True, envelope=True), text=nm)
        add('pacs.008 Dbtr/Nm (upper, no diacritics)', e, pacs008(pty('Cdtr', unl_person()), pty('Dbtr', X, person=person)), text=X)
        add('pacs.008 UltmtCdtr/Nm only', e, pacs008(pty('Cdtr', R.choice(ORGS), ctry='BY'), pty('Dbtr', unl_person(), ctry='DE'), ultcdtr=pty('UltmtCdtr', nm, person=person)), text=nm)
        add('pacs.008 UltmtDbtr/Nm only', e, pacs008(pty('Cdtr', R.choice(ORGS), ctry='BY'), pty('Dbtr', unl_person(), ctry='DE'), ultdbtr=pty('UltmtDbtr', nm, person=person)), text=nm)
        u = 'INVOICE 2024-113 PAYMENT ON BEHALF OF ' + nm.upper() + ' CONTRACT 77/2023'
        us = [u] if len(u) <= 140 else [u[:140], u[140:]]
        add('pacs.008 RmtInf/Ustrd mention', e, pacs008(pty('Cdtr', R.choice(ORGS)), pty('Dbtr', unl_person(), ctry='DE'), ustrd=us), text=nm)
        adr = [R.choice(STREETS)] + ['C/O ' + nm.upper()][:1] + ['220030 MINSK BELARUS']
        add('pacs.008 name only in Cdtr/PstlAdr/AdrLine (C/O)', e, pacs008(pty('Cdtr', unl_person(), adr=adr), pty('Dbtr', unl_person(), ctry='DE')), text=nm)
        add('pain.001.001.09 Cdtr/Nm', e, pain001(cdtr=pty('Cdtr', nm, person=person)), text=nm)
        add('pain.001.001.09 InitgPty/Nm', e, pain001(initg=nm), text=nm)
        if person:
            add('pacs.009.001.08 COV UndrlygCstmrCdtTrf/Cdtr/Nm', e, pacs009(None, cov=True, ucdtr=nm), text=nm)
        else:
            add('pacs.009.001.08 Cdtr/FinInstnId/Nm', e, pacs009(nm), text=nm)
            add('pacs.008 CdtrAgt/FinInstnId/Nm (+unlisted BIC)', e, pacs008(pty('Cdtr', unl_person()), pty('Dbtr', unl_person(), ctry='DE'),
                cdtragt=agt('CdtrAgt', 'TECNBY22XXX', nm[:140])), text=nm)
            f = ':58D:/' + acct_by() + '\n' + '\n'.join(hardwrap(X)[:4])
            mt202 = mt103(None, f, mt='202').replace(':23B:CRED\n', '').replace(':71A:SHA\n', '')
            mt202 = re.sub(r':50K:/[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n', '', mt202)
            mt202 = re.sub(r'(:20:[^\n]*\n)', r'\1:21:REL12345\n', mt202)
            add('MT202 :58D: name', e, mt202, trunc=len(hardwrap(X)) > 4, text=X)
        for b in e['bics']:
            b11 = b + 'XXX' if len(b) == 8 else b
            add('MT103 :57A: listed BIC', e, mt103(None, ':59:/' + acct_by() + '\n' + unl_person(), f57=':57A:' + b), text=b)
            add('MT103 :52A: listed BIC', e, mt103(None, ':59:/' + acct_by() + '\n' + unl_person(), f52=':52A:' + b11), text=b11)
            add('MT103 :72: /INS/ listed BIC', e, mt103(None, ':59:/' + acct_by() + '\n' + unl_person(), f72=':72:/INS/' + b), text=b)
            add('pacs.008 CdtrAgt/BICFI listed BIC', e, pacs008(pty('Cdtr', unl_person()), pty('Dbtr', unl_person(), ctry='DE'), cdtragt=agt('CdtrAgt', b11)), text=b11)
            add('MT103 header {2:} receiver listed BIC', e, mt103(None, ':59:/' + acct_by() + '\n' + unl_person(), rcv=b11), text=b11)
    out = [o for o in out if o['message']]
    return out

# ---------------- C: ordinary unlisted payments ----------------
C_FIRST = ['ALEKSEI', 'ANASTASIA', 'ARTEM', 'DARIA', 'DENIS', 'EKATERINA', 'EVGENY', 'IRINA', 'KIRILL', 'KSENIA', 'MAKSIM', 'MARINA', 'NIKITA', 'OKSANA',
           'PAVEL', 'POLINA', 'ROMAN', 'SVETLANA', 'TATIANA', 'VLADISLAV', 'YULIA', 'ANDREI', 'HANNA', 'STANISLAU', 'ALES', 'YAHOR', 'PETER', 'ANNA', 'MARIA', 'THOMAS']
C_LAST = ['KOVALCHUK', 'ZAYATS', 'KOROTKEVICH', 'LAPTSEVICH', 'ZHUK', 'PASHKEVICH', 'TKACHUK', 'SAVCHENKO', 'DEMIDOVICH', 'KLIMOVICH', 'YAKUBOVSKI',
          'GRINKEVICH', 'OSTROVSKI', 'MALINOVSKAYA', 'RUDNITSKAYA', 'BOGDANOVICH', 'KUCHINSKI', 'SHUMSKAYA', 'TARASEVICH', 'LISOVSKI', 'WEBER', 'FISCHER', 'NOWAK', 'ROSSI']
C_ORG1 = ['MINSK', 'BREST', 'GRODNO', 'VITEBSK', 'GOMEL', 'POLESIE', 'NEMAN', 'DVINA', 'BELTRANS', 'BELSOFT', 'BELAGRO', 'BELMEBEL', 'BELPACK', 'PRIPYAT', 'SVISLOCH', 'NALIBOKI', 'BELSTROY', 'ZUBR', 'LIDA', 'BOBR']
C_ORG2 = ['TRADE', 'LOGISTIC', 'SOFT', 'FURNITURE', 'DAIRY PRODUCTS', 'TIMBER', 'IT SOLUTIONS', 'PRINT', 'TEXTILE', 'AGRO SERVICE', 'MEDICAL SUPPLY', 'AUTO PARTS', 'CONSULTING', 'BUILDING MATERIALS']
C_ORG3 = ['LLC', 'OOO', 'ODO', 'CJSC', 'JSC', 'UE', 'PUE', 'IP', 'LTD', 'GMBH', 'SP Z O O']
C_TEXT = ['INVOICE {n} MINSK OFFICE RENT', 'PAYMENT FOR INVOICE {n} SOFTWARE DEVELOPMENT SERVICES', 'CONTRACT {n} DELIVERY OF SPARE PARTS TO BREST',
          'SALARY {m} 2024', 'RENT APARTMENT UL KIROVA 12 MINSK {m}', 'TUITION FEE BELARUSIAN STATE UNIVERSITY {m}', 'ADVANCE PAYMENT CONTRACT {n} TIMBER',
          'INV {n} FREIGHT GRODNO - WARSAW', 'GIFT TO FAMILY', 'MEDICAL TREATMENT GOMEL CLINIC INV {n}', 'PAYMENT FOR HOTEL BOOKING VITEBSK {m}',
          'MEMBERSHIP FEE {m} ASSOCIATION', 'CONSULTING SERVICES {m} AS PER AGREEMENT {n}', 'REFUND ORDER {n}', 'DAIRY PRODUCTS SHIPMENT INV {n} MOGILEV',
          'TRANSPORT SERVICES MINSK - VILNIUS CMR {n}', 'OFFICE EQUIPMENT PURCHASE INV {n}', 'LOAN REPAYMENT AGREEMENT {n}', 'PENSION TRANSFER {m}',
          'TRAINING COURSE FEE INVOICE {n}', 'PAYMENT FOR TRACTOR SPARE PARTS INV {n}', 'POTASH FERTILIZER SAMPLE ANALYSIS INV {n}', 'REPAIR OF TRUCK MAZ INV {n}']
def c_name(kind):
    if kind == 'person':
        return f'{R.choice(C_FIRST)} {R.choice(C_LAST)}'
    if kind == 'bank':
        return R.choice(BY_BANKS_UNLISTED)
    return f'{R.choice(C_ORG1)} {R.choice(C_ORG2)} {R.choice(C_ORG3)}'
def c_text():
    return R.choice(C_TEXT).format(n=f'{R.randint(2023, 2025)}-{R.randint(1, 999):03d}', m=R.choice(['JAN', 'FEB', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUG', 'SEPT', 'OCT', 'NOV', 'DEC']))
def gen_C(n=2000):
    global C_LAST, C_ORG1, BY_BANKS_UNLISTED
    words = set()
    for e in lists.load():
        for nm in [e['name']] + list(e.get('aliases') or [] if isinstance(e.get('aliases'), list) else []):
            words |= set(xcharset(nm).split())
    C_LAST = [w for w in C_LAST if w not in words]
    C_ORG1 = [w for w in C_ORG1 if w not in words]
    BY_BANKS_UNLISTED = [b for b in BY_BANKS_UNLISTED if b.split()[0] not in words and b.split()[0].replace('-', '') not in words]
    print('C pools:', C_LAST, C_ORG1, BY_BANKS_UNLISTED, file=sys.stderr)
    out = []
    for i in range(n):
        cred = c_name(R.choice(['person', 'person', 'org', 'org']))
        deb = c_name(R.choice(['person', 'org']))
        txt = c_text()
        street, town = R.choice(STREETS), R.choice(TOWNS)
        k = i % 4
        if k == 0:
            f59, _ = f59k(cred, hardwrap)
            msg = mt103(None, f59, f70=f70(txt)[0], f57=':57A:' + R.choice(BY_BICS_UNLISTED))
        elif k == 1:
            msg = mt103(f50f(deb, False)[0], f59f(cred)[0], f70=f70(txt)[0], f72=':72:/BNF/' + txt[:30])
        elif k == 2:
            msg = pacs008(pty('Cdtr', cred.title(), adr=[f'{street.title()}', f'220{R.randint(10, 99)}0 {town.title()}', 'Belarus']), pty('Dbtr', deb),
                          ustrd=[txt], cdtragt=agt('CdtrAgt', R.choice(BY_BICS_UNLISTED) + 'XXX', R.choice(BY_BANKS_UNLISTED)))
        else:
            msg = pain001(cdtr=pty('Cdtr', cred), ustrd=txt)
        out.append(dict(family='C', cred=cred, deb=deb, text=txt, message=msg))
    return out

if __name__ == '__main__':
    A = gen_A()
    with open(f'{OUT}/A.jsonl', 'w') as f:
        for i, q in enumerate(A):
            q['qid'] = f'A{i:05d}'; f.write(json.dumps(q, ensure_ascii=False) + '\n')
    C = gen_C()
    with open(f'{OUT}/C.jsonl', 'w') as f:
        for i, q in enumerate(C):
            q['qid'] = f'C{i:05d}'; f.write(json.dumps(q, ensure_ascii=False) + '\n')
    from collections import Counter
    print(len(A), Counter(q['family'] for q in A)); print(len(C))
