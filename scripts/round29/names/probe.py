"""Optional: a few hand probes behind the report's worst families (python3 probe.py HOST:PORT > probe.txt).
Not needed for the tables; run_all.sh leaves it out."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # proto_stubs
import grpc
from proto_stubs import pb, pbg as g
D = {1: 'CLEAR', 2: 'REVIEW', 3: 'BLOCK'}
P = [
    ('PERSON', 'Dmitry VINNIKOV'), ('PERSON', 'Dmitry Alexandrovich VINNIKOV'), ('PERSON', 'Dmitry Sergeevich VINNIKOV'),
    ('PERSON', 'Aleksandr Grigoryevich Lukashenko'), ('PERSON', 'Aleksandr Ivanovich Lukashenko'), ('PERSON', 'Aleksandr Lukashenko'),
    ('PERSON', 'Ivan Tertel'), ('PERSON', 'Ivan Aleksandrovich Tertel'), ('PERSON', 'Ivan Stanislavovich Tertel'),
    ('PERSON', 'Ivan Josephovich BOGUSLAVSKY'), ('PERSON', 'Ivan Josephovich BOGUSLAVSKZ'), ('PERSON', 'Ivan Josephovich BFGUSLAVSKZ'),
    ('PERSON', 'Ivan Josephovich BOHUSLAVSKIJ'),
    ('PERSON', 'Aleksandr Grigoryevich Lukashemki'), ('PERSON', 'Aleksandr Grigoryevich Lulashebko'), ('PERSON', 'Aleksandr Grigoryevich Lukqshenjo'),
    ('PERSON', 'Aleksandr Grigoryevich LUKASХЕНКО'), ('PERSON', 'Aleksandr Grigoryevich Lukaшенко'), ('PERSON', 'Лукаshenko Александр'),
    ('PERSON', 'FBOAleksandr Lukashenko'), ('PERSON', 'c/oAleksandr Lukashenko'), ('PERSON', 'For benefit ofAleksandr Lukashenko'),
    ('ORGANIZATION', 'For benefit of Belvnesheconombank OJSC'), ('ORGANIZATION', 'Belvnesheconombank OJSC'),
    ('ORGANIZATION', 'B.S.S.'), ('ORGANIZATION', 'BSS'), ('ORGANIZATION', 'B.S.Z.'), ('ORGANIZATION', 'BSW'),
    ('ORGANIZATION', 'Minsk Gear Plt'), ('ORGANIZATION', 'Bel-Potash Co.'), ('ORGANIZATION', 'BelPotash'), ('ORGANIZATION', 'BELARUSIAN STATE SECURITY COMMISSION'),
    ('ORGANIZATION', 'MINSKWHEELTRACTORPLANT'), ('ORGANIZATION', 'Priowbamnk JSC'), ('ORGANIZATION', 'OJSC BERAUSKALI'),
]
ch = grpc.insecure_channel(sys.argv[1])
st = g.ScreeningServiceStub(ch)
for t, n in P:
    r = st.ScreenParty(pb.ScreenPartyRequest(party=pb.Party(name=n, type=pb.PartyType.Value(t))))
    top = r.matches[0] if r.matches else None
    print(f"{D[r.decision]:6} {n!r:50} " + (f"{top.score:.3f} {top.listed_name} (via {top.matched_name})" if top else ''))
