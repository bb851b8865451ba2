import re, unicodedata
from translit import bgn
CYR = re.compile('[\u0400-\u04ff]')
def skel(w):
    w = _fold(w)
    if CYR.search(w): w = bgn(w).lower()
    w = w.replace('ł', 'l')
    for a, b in [('shch', 's'), ('sch', 's'), ('sz', 's'), ('sh', 's'), ('zh', 'z'), ('kh', 'h'), ('ch', 'c'), ('ts', 'c'), ('tz', 'c'), ('w', 'v'), ('g', 'h'), ('dz', 'd'), ('x', 'ks'), ('j', 'y')]:
        w = w.replace(a, b)
    w = re.sub(r'[^a-z]', '', w)
    w = re.sub(r'[aeiouy]+', 'a', w)
    w = re.sub(r'(.)\1+', r'\1', w)
    return re.sub(r'a$', '', w)
def _fold(s):
    s = unicodedata.normalize('NFKD', s.lower())
    return ''.join(c for c in s if not unicodedata.combining(c))
def cluster_of(ents):
    """Union-find of entities that are the same person (surname skeleton + DOB year, or any two
    equal full-name token sets) or the same company (equal folded name without legal forms)."""
    par = {e['id']: e['id'] for e in ents}
    def find(x):
        while par[x] != x: par[x] = par[par[x]]; x = par[x]
        return x
    def union(a, b): par[find(a)] = find(b)
    key = {}
    LF = r'\b(ojsc|oao|jsc|cjsc|zao|llc|ooo|ue|rue|ao|open|closed|joint|stock|company|limited|liability|republican|unitary|enterprise|оао|зао|ооо|ао|уп|руп|аат|таа)\b'
    for e in ents:
        for n in e['names']:
            if e['type'] == 'PERSON':
                ks = []
                if n.get('surname') and e.get('dob'):
                    ks.append(('p', skel(n['surname']), e['dob'][:4]))
                toks = sorted(skel(t) for t in n['name'].replace(',', ' ').split())
                if len(toks) >= 2: ks.append(('n',) + tuple(toks))
            else:
                k = re.sub(LF, ' ', _fold(n['name'])); k = re.sub(r'[^\w]+', ' ', k).strip()
                ks = [('o', k)] if k else []
            for k in ks:
                if k in key: union(e['id'], key[k])
                else: key[k] = e['id']
    return {i: find(i) for i in par}
