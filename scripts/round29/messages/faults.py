#!/usr/bin/env python3
"""B: malformed / unusual messages. Writes each input to queries/B/<case>.bin (the exact bytes of the
proto `message` field) and results/B.jsonl. Usage: faults.py HOST:PORT"""
import json, os, sys, time, random
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from client import stub, health, pb, DEC, ROLE
import grpc
addr = sys.argv[1]
ch, st = stub(addr)
OUT = f'{HERE}/queries/B'; os.makedirs(OUT, exist_ok=True)
R = random.Random(7)
from faults_lib import LISTED, pacs, mt
def varint(n):
    o = b''
    while True:
        x = n & 0x7f; n >>= 7
        if n: o += bytes([x | 0x80])
        else: return o + bytes([x])
raw_call = ch.unary_unary('/screening.v1.ScreeningService/ScreenMessage', request_serializer=lambda b: b, response_deserializer=pb.ScreenMessageResponse.FromString)

cases = []  # (name, payload bytes, format, expectation) expectation: 'error' | 'find' | 'find_or_error' | 'clear_or_error'
def add(name, payload, expect, fmt=0):
    if isinstance(payload, str): payload = payload.encode('utf-8', 'surrogatepass')
    cases.append((name, payload, fmt, expect))

# --- XML entity attacks
lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + ''.join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)) + ']>'
lol = lol.replace('&lol;', '&lol;')
add('billion laughs (DOCTYPE, 9 levels x10)', lol + pacs(cdtr='&lol9;'), 'error')
add('external entity SYSTEM file:///etc/passwd', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + pacs(cdtr='&xxe;'), 'error')
add('external parameter entity http', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]>' + pacs(), 'error')
add('DOCTYPE without entities', '<?xml version="1.0"?><!DOCTYPE Document>' + pacs(), 'error')
add('undefined entity, no DOCTYPE', pacs(cdtr='BELARUSKALI &foo; OAO'), 'error')
add('predefined entities + char refs in name (&#66;ELARUSKALI &amp; OAO)', pacs(cdtr='&#66;ELARUSKALI&#x20;OAO'), 'find')
add('comment inside name BELARUS<!-- -->KALI OAO', pacs(cdtr='BELARUS<!-- x -->KALI OAO'), 'find')
add('CDATA name', pacs(cdtr='<![CDATA[BELARUSKALI OAO]]>'), 'find')
add('processing instruction inside name', pacs(cdtr='BELARUS<?pi x?>KALI OAO'), 'find')
# --- nesting / size
add('deep nesting 10^5 levels (<a>, 700 KB)', pacs(ustrd='<a>' * 100000 + 'x' + '</a>' * 100000), 'error')
add('deep nesting 30,000 levels inside Ustrd (under 256 KiB)', pacs(ustrd='<a>' * 30000 + 'x' + '</a>' * 30000), 'error')
add('deep nesting 65 levels inside Ustrd', pacs(ustrd='<a>' * 65 + 'x' + '</a>' * 65), 'error')
add('deep nesting 80,000 unclosed <a>', pacs(ustrd='<a>' * 80000), 'error')
add('huge attribute 200 KB on Cdtr', pacs().replace('<Cdtr>', '<Cdtr x="' + 'A' * 200000 + '">'), 'find_or_error')
add('huge attribute 3 MB', pacs().replace('<Cdtr>', '<Cdtr x="' + 'A' * 3000000 + '">'), 'error')
add('200 attributes on Cdtr', pacs().replace('<Cdtr>', '<Cdtr ' + ' '.join(f'a{i}="1"' for i in range(200)) + '>'), 'find_or_error')
add('4 MB message (Ustrd padding)', pacs(ustrd='X' * (4 << 20)), 'error')
add('4 MB MT message (:70: padding)', mt(f70=':70:' + '\n'.join(['INVOICE 2024-113 PAYMENT FOR GOODS'] * 120000)), 'error')
add('250 KB XML with 5,000 Ustrd', pacs().replace('<Ustrd>INVOICE 2024-113</Ustrd>', '<Ustrd>INVOICE 2024-113 MINSK OFFICE RENT</Ustrd>' * 5000), 'clear_or_error')
add('Ustrd of 200 KB one word-free text', pacs(ustrd=('MINSK OFFICE RENT ' * 11000)), 'error')
add('long element name 100 KB', pacs().replace('<Dbtr>', '<' + 'E' * 100000 + '/><Dbtr>'), 'error')
# --- namespaces / types
add('wrong namespace version pacs.008.001.99', pacs(ver='99'), 'find_or_error')
add('old version pacs.008.001.02', pacs(ver='02'), 'find_or_error')
add('unknown namespace urn:example:foo', pacs(ns='urn:example:foo'), 'find_or_error')
add('camt.053 document (not a payment)', '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>', 'error')
add('no namespace at all', pacs().replace(' xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08"', ''), 'find_or_error')
add('ns prefix undeclared (ns2:Cdtr without xmlns:ns2)', pacs().replace('<Cdtr>', '<ns2:Cdtr>').replace('</Cdtr>', '</ns2:Cdtr>'), 'find_or_error')
# --- truncation / concatenation
full = pacs()
add('truncated XML (cut at 60%)', full[:int(len(full) * .6)], 'error')
add('truncated XML right after listed Cdtr/Nm', full[:full.index('</Cdtr>') + 7], 'find_or_error')
m = mt()
add('truncated MT (cut at 60%)', m[:int(len(m) * .6)], 'find_or_error')
add('MT without block 4 end -}', mt(end=''), 'find_or_error')
add('MT with -} but no final newline before it', mt().replace('\n-}', '-}'), 'find_or_error')
add('MT block 4 with trailing {5:{CHK:...}}', mt() + '{5:{CHK:123456789ABC}}', 'find')
add('two MT103 concatenated, listed party only in the 2nd', mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + mt(), 'find_or_error')
add('two MT103 separated by newline, listed only in 2nd', mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + '\n' + mt(), 'find_or_error')
add('two MT103 with $ batch separator, listed only in 2nd', mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + '\n$\n' + mt(), 'find_or_error')
add('two XML Documents concatenated, listed only in 2nd', pacs(cdtr='NORDIC TIMBER TRADING AB') + pacs(), 'find_or_error')
add('XML then trailing junk text BELARUSKALI OAO', pacs(cdtr='NORDIC TIMBER TRADING AB') + ' BELARUSKALI OAO', 'find_or_error')
add('MT then XML concatenated, listed only in XML', mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB') + pacs(), 'find_or_error')
add('field 59 twice in MT (2nd listed)', mt(f59=':59:/BY20AKBB30120000000000000000\nNORDIC TIMBER TRADING AB\n:59:/BY20AKBB30120000000000000001\nBELARUSKALI OAO'), 'find_or_error')
add('Envelope with 2 Documents, listed only in 2nd', '<Envelope>' + pacs(cdtr='NORDIC TIMBER TRADING AB') + pacs() + '</Envelope>', 'find_or_error')
add('Document with 2 FIToFICstmrCdtTrf, listed only in 2nd', pacs(cdtr='NORDIC TIMBER TRADING AB').replace('</FIToFICstmrCdtTrf></Document>', '</FIToFICstmrCdtTrf>' + pacs()[pacs().index('<FIToFICstmrCdtTrf>'):]), 'find_or_error')
# --- encodings
add('UTF-8 BOM + XML', '\ufeff<?xml version="1.0" encoding="UTF-8"?>' + full, 'find_or_error')
add('UTF-8 BOM + MT', '\ufeff' + m, 'find_or_error')
add('UTF-16LE bytes with BOM (invalid UTF-8 in proto string)', b'\xff\xfe' + ('<?xml version="1.0" encoding="UTF-16"?>' + full).encode('utf-16-le'), 'error')
add('UTF-16 as text (NUL-interleaved, valid UTF-8)', ('<?xml version="1.0" encoding="UTF-16"?>' + full).encode('utf-16-le').decode('latin-1'), 'error')
add('UTF-8 content with encoding="UTF-16" declaration', '<?xml version="1.0" encoding="UTF-16"?>' + full, 'find_or_error')
add('ISO-8859-1 declaration, Cyrillic UTF-8 name', '<?xml version="1.0" encoding="ISO-8859-1"?>' + pacs(cdtr='ОАО Беларуськалий'), 'find_or_error')
add('Latin-1 bytes (invalid UTF-8) in name', pacs(cdtr='BELARUSKALI OAO').encode().replace(b'OAO', b'O\xc4O'), 'error')
add('MT in CRLF', mt(nl='\r\n'), 'find')
add('MT in CR only', mt(nl='\r'), 'find_or_error')
add('MT mixed CRLF / LF', mt(nl='\r\n').replace('\r\nBELARUSKALI', '\nBELARUSKALI'), 'find')
add('MT lowercase + Cyrillic UTF-8 in :59: (not X charset)', mt(f59=':59:/BY20AKBB30120000000000000000\nОАО Беларуськалий\nг. Солигорск'), 'find_or_error')
add('MT :59: name with tab inside', mt(f59=':59:/BY20AKBB30120000000000000000\nBELARUSKALI\tOAO'), 'find_or_error')
add('NUL byte inside XML name', pacs(cdtr='BELARUS\x00KALI OAO'), 'error')
add('NUL byte inside MT :59:', mt(f59=':59:/BY20AKBB30120000000000000000\nBELARUS\x00KALI OAO'), 'error')
add('zero-width space inside name (XML)', pacs(cdtr='BELARUS\u200bKALI OAO'), 'find_or_error')
add('soft hyphen inside name (MT)', mt(f59=':59:/BY20AKBB30120000000000000000\nBELARUS\u00adKALI OAO'), 'find_or_error')
# --- junk
add('empty message', '', 'error')
add('whitespace only', ' \n\t\r\n ', 'error')
add('binary junk (random bytes, invalid UTF-8)', bytes(R.getrandbits(8) for _ in range(5000)), 'error')
add('junk text (random printable)', ''.join(chr(R.randint(33, 126)) for _ in range(5000)), 'error')
add('junk starting with {1: (MT-looking)', '{1:' + ''.join(chr(R.randint(33, 126)) for _ in range(3000)), 'error')
add('junk starting with < (XML-looking)', '<' + ''.join(chr(R.randint(33, 126)) for _ in range(3000)), 'error')
add('free text only (no MT/XML) naming listed co', 'PLEASE PAY BELARUSKALI OAO INVOICE 2024-113', 'find_or_error')
add('XML with format=SWIFT_MT', full, 'find_or_error', 2)
add('MT with format=ISO20022', m, 'find_or_error', 1)
add('unknown format enum 7', m, 'error', 7)
add('MT202 with MT103 fields in it', m.replace('I103', 'I202'), 'find_or_error')
add('MT199 (unsupported type)', m.replace('I103', 'I199'), 'find_or_error')
# --- a party on 2,000 lines
add('MT :59: party on 2,000 lines (listed name on line 1)', mt(f59=':59:/BY20AKBB30120000000000000000\nBELARUSKALI OAO\n' + '\n'.join(f'ADDRESS LINE {i}' for i in range(2000))), 'find_or_error')
add('MT :59: party on 2,000 lines (listed name on last line)', mt(f59=':59:/BY20AKBB30120000000000000000\n' + '\n'.join(f'ADDRESS LINE {i}' for i in range(2000)) + '\nBELARUSKALI OAO'), 'find_or_error')
add('MT :59: name wrapped over 2,000 one-char lines', mt(f59=':59:/BY20AKBB30120000000000000000\n' + '\n'.join(('BELARUSKALI OAO ' * 200)[:2000])), 'find_or_error')
add('MT :50F: party on 2,000 1/ lines', mt().replace(':50K:/DE12345678901234567890\nJOHN HOLMES\nDE/BERLIN', ':50F:/DE12345678901234567890\n' + '\n'.join(['1/BELARUSKALI OAO'] + [f'2/STREET {i}' for i in range(1999)])), 'find_or_error')
add('MT :72: on 2,000 // lines (listed name in last)', mt().replace(':71A:SHA', ':71A:SHA\n:72:/BNF/PAYMENT\n' + '\n'.join(['//FOR GOODS'] * 1998) + '\n//BELARUSKALI OAO'), 'find_or_error')
add('XML Cdtr with 2,000 AdrLine (listed name in last)', pacs(cdtr='JOHN SMITH', extra_cdtr='<PstlAdr>' + ''.join(f'<AdrLine>LINE {i}</AdrLine>' for i in range(1999)) + '<AdrLine>C/O BELARUSKALI OAO</AdrLine></PstlAdr>'), 'find_or_error')
add('XML Cdtr/Nm with 2,000 newlines inside name', pacs(cdtr='BELARUSKALI\n' + '\n' * 2000 + 'OAO'), 'find_or_error')
add('XML 2,000 transactions, listed in last', pacs(cdtr='NORDIC TIMBER').replace('</FIToFICstmrCdtTrf>', ''.join(pacs(cdtr=('NORDIC TIMBER' if i < 1999 else LISTED))[pacs().index('<CdtTrfTxInf>'):pacs().index('</FIToFICstmrCdtTrf>')] for i in range(1999)) + '</FIToFICstmrCdtTrf>'), 'find_or_error')
add(':70: one 100 KB line', mt(f70=':70:' + 'A' * 100000), 'error')
add('control char BEL in Nm', pacs(cdtr='BELARUSKALI\x07 OAO'), 'error')

results = []
for name, payload, fmt, expect in cases:
    fn = ''.join(c if c.isalnum() else '_' for c in name)[:80]
    open(f'{OUT}/{fn}.bin', 'wb').write(payload)
    req = b'\x0a' + varint(len(b'B')) + b'B' + b'\x12' + varint(len(payload)) + payload + (b'\x18' + varint(fmt) if fmt else b'')
    t = time.perf_counter()
    try:
        r = raw_call(req, timeout=60)
        ms = (time.perf_counter() - t) * 1000
        ids = sorted({m.entity_id for h in r.hits for m in h.matches})
        res = dict(ok=True, decision=DEC[r.decision], type=r.message_type, fields=r.fields_screened,
                   hits=[dict(path=h.path, decision=DEC[h.decision], text=h.text[:80], ids=[m.entity_id for m in h.matches][:3]) for h in r.hits], ms=ms)
        found = any(i in ('us-ofac-sdn:32746', 'ca-sema:belarus/1-part-2/15', 'uk-ofsi:14154') for i in ids)
    except grpc.RpcError as e:
        ms = (time.perf_counter() - t) * 1000
        res = dict(ok=False, code=e.code().name, detail=(e.details() or '')[:300], ms=ms); found = False
    h = health(ch)
    clean_err = (not res['ok']) and res['code'] in ('INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED')
    if res.get('code') in ('UNAVAILABLE', 'INTERNAL', 'UNKNOWN', 'DEADLINE_EXCEEDED', 'CANCELLED'): verdict = 'CRASH/UNCLEAN ' + res['code']
    elif h != 'SERVING': verdict = 'UNHEALTHY AFTER'
    elif expect == 'error': verdict = 'ok' if clean_err else 'NOT REFUSED'
    elif expect == 'find': verdict = 'ok' if found else ('REFUSED (valid input)' if clean_err else 'MISSED LISTED NAME')
    elif expect == 'find_or_error': verdict = 'ok' if (found or clean_err) else 'SCREENED BUT MISSED LISTED NAME'
    elif expect == 'clear_or_error': verdict = 'ok' if (clean_err or (res['ok'] and res['decision'] == 'CLEAR')) else 'FLAGGED'
    if ms > 1000: verdict = ('' if verdict == 'ok' else verdict + ', ') + f'SLOW {ms:.0f} ms'
    res.update(case=name, file=f'queries/B/{fn}.bin', bytes=len(payload), format=fmt, expect=expect, health=h, verdict=verdict)
    results.append(res)
    print(f"{verdict:40s} {ms:8.1f}ms {res.get('decision') or res.get('code'):18s} {name} :: {(res.get('detail') or str([(x['path'], x['decision'], x['ids'][:1]) for x in res.get('hits', [])]))[:200]}", flush=True)
os.makedirs(f'{HERE}/results', exist_ok=True)
with open(f'{HERE}/results/B.jsonl', 'w') as f:
    for r in results: f.write(json.dumps(r, ensure_ascii=False) + '\n')
