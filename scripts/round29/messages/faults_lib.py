"""Message builders shared by faults.py and faults_extra.py."""
LISTED = 'BELARUSKALI OAO'

def pacs(cdtr=LISTED, ver='08', pre='', post='', ustrd='INVOICE 2024-113', ns=None, extra_cdtr=''):
    ns = ns or f'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.{ver}'
    return (f'{pre}<Document xmlns="{ns}"><FIToFICstmrCdtTrf><GrpHdr><MsgId>B-1</MsgId><CreDtTm>2024-01-15T10:00:00Z</CreDtTm><NbOfTxs>1</NbOfTxs>'
            '<SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf></GrpHdr><CdtTrfTxInf><PmtId><EndToEndId>E2E1</EndToEndId></PmtId>'
            '<IntrBkSttlmAmt Ccy="EUR">100.00</IntrBkSttlmAmt><ChrgBr>SHAR</ChrgBr><Dbtr><Nm>JOHN HOLMES</Nm></Dbtr>'
            '<DbtrAgt><FinInstnId><BICFI>DEUTDEFFXXX</BICFI></FinInstnId></DbtrAgt><CdtrAgt><FinInstnId><BICFI>AKBBBY2XXXX</BICFI></FinInstnId></CdtrAgt>'
            f'<Cdtr><Nm>{cdtr}</Nm>{extra_cdtr}</Cdtr><RmtInf><Ustrd>{ustrd}</Ustrd></RmtInf></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>{post}')
def mt(f59=':59:/BY20AKBB30120000000000000000\nBELARUSKALI OAO\nBY/SOLIGORSK', nl='\n', end='-}', f70=':70:INVOICE 2024-113', ref='B-MT'):
    b = [f':20:{ref}', ':23B:CRED', ':32A:240115EUR100,00', ':50K:/DE12345678901234567890', 'JOHN HOLMES', 'DE/BERLIN'] + f59.split('\n') + [f70, ':71A:SHA']
    return '{1:F01DEUTDEFFAXXX0000000000}{2:I103AKBBBY2XXXXXN}{4:' + nl + nl.join(b) + nl + end
