"""python3 report.py queries.jsonl results.jsonl  -> markdown tables on stdout"""
import json, sys, re, collections, random
import lists
from gen import fold


def groups():
    """entities of the three lists that are one person / organisation: linked by a shared name (word set)
    or, for persons, by given name + surname with the same date of birth"""
    L = lists.load()
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        parent[find(a)] = find(b)
    seen = {}
    for r in L:
        keys = [('n', tuple(sorted(re.findall(r'\w+', fold(r['name'])))))]
        if r['kind'] == 'P' and r.get('dob'):
            keys.append(('gs', fold(r['given']), fold(r['surname']), r['dob'][:4]))
        for k in keys:
            if k in seen:
                union(r['eid'], seen[k])
            else:
                seen[k] = r['eid']
            find(r['eid'])
    g = collections.defaultdict(set)
    for e in list(parent):
        g[find(e)].add(e)
    return {e: g[find(e)] for e in parent}


ABBR = ['OJSC', 'CJSC', 'JSC', 'LLC', 'Co.', 'Corp.', 'Ltd', 'Inc', 'Intl', 'Ind.', 'Assn', 'Hldg', 'Mfg', 'Eng.', 'Res.',
        'Inst.', 'Prod.', 'Rep.', 'UE', 'Sci.', 'DB', 'Dept.', 'Dir.', 'Min.', 'Cttee', 'Bel', 'Bel-', 'Natl', 'St.', 'Grp',
        'Trdg', 'Plt', 'Fcty', 'Bros', 'Co', 'Corp', 'Ltd.']
PFX = ['c/o', 'C/O', 'attn', 'ATTN:', 'Attn.', 'FBO', 'F/B/O', 'ben:', 'BEN:', 'ben.', 'For benefit of', 'ref:']


def sub(q):
    """the sub-kind of a variant, for the breakdowns"""
    f, n, b = q['family'], q['party']['name'], q['base']
    if f in ('P03_typo2_ins_del', 'P04_typo2_two_subs', 'P05_typo2_transpose_double', 'P07_keyboard_2_surname',
             'P06_keyboard_1', 'P10_vowels_dropped_surname'):
        L = q['slen']
        return 'surname <=5 letters' if L <= 5 else ('surname 6-8' if L <= 8 else 'surname >=9')
    if f in ('P11_vowels_dropped_all', 'P26_mixed_script_word', 'O19_mixed_script_word', 'P02_diminutive_cyrillic', 'O12_vowels_dropped'):
        return 'base ' + q['script']
    if f == 'P15_wrong_middle_name':
        return 'listed with patronymic (replaced)' if q['nmid'] else 'listed without patronymic (one added)'
    if f in ('P24_payment_prefix', 'O17_payment_prefix'):
        for p in sorted(PFX, key=len, reverse=True):
            if n.startswith(p):
                rest = n[len(p):]
                return ('glued ' if rest[:1].isalnum() else 'spaced ') + p.lower().strip(':.')
        return '?'
    if f == 'O01_abbrev_co_corp_ltd_bel':
        bw = set(b.split())
        new = [t for t in ABBR if (t in n.split() or (t == 'Bel-' and 'Bel-' in n)) and t not in bw]
        return 'added legal form only' if new and all(t in ('Co.', 'Corp.', 'Ltd', 'Inc', 'Ltd.', 'Co', 'Corp') for t in new) and len(n.split()) > len(b.split()) else ','.join(sorted(set(new))) or 'other'
    if f == 'O04_generic_word_translated':
        a, c = set(w.lower() for w in b.split()), [w for w in n.split() if w.lower() not in set(x.lower() for x in b.split())]
        return ' '.join(c).lower()
    if f == 'O15_concat_camel':
        if ' ' not in n:
            return 'all joined UPPER' if n.isupper() else 'CamelCase'
        return 'two words joined'
    return None


def pct(a, b):
    return f'{100.0 * a / b:.1f}' if b else '-'


def main(qp, rp):
    Q = {}
    for l in open(qp):
        q = json.loads(l); Q[q['id']] = q
    R = [json.loads(l) for l in open(rp)]
    G = groups()
    fam = collections.defaultdict(list)
    ufam = collections.defaultdict(list)
    for r in R:
        q = Q[r['id']]
        ids = {m['eid'] for m in r['matches']}
        if q['listed']:
            r['strict'] = q['expect'] in ids
            r['group'] = bool(ids & G.get(q['expect'], {q['expect']}))
            fam[q['family']].append((q, r))
        else:
            ufam[q['family']].append((q, r))
    rnd = random.Random(29)
    print('## Listed variants (every Belarus-regime name and alias of the three lists)\n')
    print('found = not CLEAR and the expected entity (or the same person/organisation on another of the three lists) among the matches; '
          'strict = the very entity the variant was made from among the matches.\n')
    print('| family | n | CLEAR (miss) % | REVIEW % | BLOCK % | expected entity in matches (strict) % | same person/org in matches % | found % |')
    print('|---|---|---|---|---|---|---|---|')
    tot = collections.Counter()
    rows = []
    for f in sorted(fam):
        xs = fam[f]
        n = len(xs)
        c = collections.Counter(r['decision'] for _, r in xs)
        st = sum(r['strict'] for _, r in xs)
        gr = sum(r['group'] for _, r in xs)
        fd = sum(r['group'] and r['decision'] != 'CLEAR' for _, r in xs)
        tot.update(n=n, CLEAR=c['CLEAR'], REVIEW=c['REVIEW'], BLOCK=c['BLOCK'], st=st, gr=gr, fd=fd)
        rows.append((f, n, c['CLEAR'] / n))
        print(f"| {f} | {n} | {pct(c['CLEAR'], n)} | {pct(c['REVIEW'], n)} | {pct(c['BLOCK'], n)} | {pct(st, n)} | {pct(gr, n)} | {pct(fd, n)} |")
    n = tot['n']
    print(f"| **all listed** | {n} | {pct(tot['CLEAR'], n)} | {pct(tot['REVIEW'], n)} | {pct(tot['BLOCK'], n)} | {pct(tot['st'], n)} | {pct(tot['gr'], n)} | {pct(tot['fd'], n)} |")
    # surname+dob by precision
    if 'P14_surname_dob_country' in fam:
        print('\nP14 (surname alone + date of birth + country BY) by the precision of the listed date:\n')
        print('| dob precision | n | CLEAR % | REVIEW % | BLOCK % |')
        print('|---|---|---|---|---|')
        bp = collections.defaultdict(list)
        for q, r in fam['P14_surname_dob_country']:
            bp[q.get('dob_precision')].append(r)
        for k, xs in sorted(bp.items()):
            c = collections.Counter(r['decision'] for r in xs)
            print(f"| {k} | {len(xs)} | {pct(c['CLEAR'], len(xs))} | {pct(c['REVIEW'], len(xs))} | {pct(c['BLOCK'], len(xs))} |")
    print('\n### Breakdowns\n')
    for f in sorted(fam):
        subs = collections.defaultdict(list)
        for q, r in fam[f]:
            k = sub(q)
            if k is not None:
                subs[k].append(r)
        if not subs: continue
        print(f'**{f}**\n')
        print('| sub-kind | n | CLEAR % | REVIEW % | BLOCK % | found % |')
        print('|---|---|---|---|---|---|')
        for k, xs in sorted(subs.items(), key=lambda kv: -len(kv[1]))[:25]:
            c = collections.Counter(r['decision'] for r in xs)
            fd = sum(r['group'] and r['decision'] != 'CLEAR' for r in xs)
            print(f"| {k} | {len(xs)} | {pct(c['CLEAR'], len(xs))} | {pct(c['REVIEW'], len(xs))} | {pct(c['BLOCK'], len(xs))} | {pct(fd, len(xs))} |")
        print()
    print('\n### Worst families by CLEAR rate\n')
    for f, n, cr in sorted(rows, key=lambda x: -x[2])[:8]:
        print(f'- {f}: {100 * cr:.1f} % CLEAR of {n}')
    print('\n### Example misses per family (query → expected listed name [entity])\n')
    for f in sorted(fam):
        xs = fam[f]
        miss = [(q, r) for q, r in xs if r['decision'] == 'CLEAR']
        wrong = [(q, r) for q, r in xs if r['decision'] != 'CLEAR' and not r['group']]
        if not miss and not wrong:
            continue
        print(f'**{f}** — {len(miss)} CLEAR, {len(wrong)} flagged but only other entities\n')
        for q, r in rnd.sample(miss, min(10, len(miss))):
            print(f"- CLEAR `{q['party']['name']!r}`" + (f" (dob {q['party'].get('date_of_birth')})" if q['party'].get('date_of_birth') else '')
                  + f" → `{q['base']}` [{q['expect']}]")
        for q, r in rnd.sample(wrong, min(max(0, 10 - len(miss)), len(wrong), 5)):
            m = r['matches'][0]
            print(f"- {r['decision']} but wrong entity `{q['party']['name']!r}` → `{q['base']}` [{q['expect']}]; got `{m['listed']}` {m['score']}")
        print()
    print('## Unlisted control set (not listed; same transformations)\n')
    print('| family | n | REVIEW | BLOCK | REVIEW % | BLOCK % |')
    print('|---|---|---|---|---|---|')
    ut = collections.Counter()
    cat = collections.defaultdict(collections.Counter)
    for f in sorted(ufam):
        xs = ufam[f]
        c = collections.Counter(r['decision'] for _, r in xs)
        ut.update(n=len(xs), REVIEW=c['REVIEW'], BLOCK=c['BLOCK'])
        for q, r in xs:
            cat[q['ucat']].update(n=1, **{r['decision']: 1})
        print(f"| {f} | {len(xs)} | {c['REVIEW']} | {c['BLOCK']} | {pct(c['REVIEW'], len(xs))} | {pct(c['BLOCK'], len(xs))} |")
    print(f"| **all unlisted** | {ut['n']} | {ut['REVIEW']} | {ut['BLOCK']} | {pct(ut['REVIEW'], ut['n'])} | {pct(ut['BLOCK'], ut['n'])} |")
    print('\nBy kind of unlisted base name (all families together):\n')
    print('| base kind | n | REVIEW | BLOCK |')
    print('|---|---|---|---|')
    for k in sorted(cat):
        print(f"| {k} | {cat[k]['n']} | {cat[k]['REVIEW']} | {cat[k]['BLOCK']} |")
    print('\n### Unlisted BLOCKs (all, up to 60 shown) and sample REVIEWs\n')
    blocks = [(q, r) for f in sorted(ufam) for q, r in ufam[f] if r['decision'] == 'BLOCK']
    for q, r in blocks[:60]:
        m = r['matches'][0]
        print(f"- BLOCK [{q['family']}/{q['ucat']}] `{q['party']['name']!r}` (base `{q['base']}`) → `{m['listed']}` (matched `{m['matched']}`, {m['score']}, {m['eid']})")
    revs = [(q, r) for f in sorted(ufam) for q, r in ufam[f] if r['decision'] == 'REVIEW']
    print()
    for q, r in rnd.sample(revs, min(30, len(revs))):
        m = r['matches'][0]
        print(f"- REVIEW [{q['family']}/{q['ucat']}] `{q['party']['name']!r}` → `{m['listed']}` (matched `{m['matched']}`, {m['score']})")


if __name__ == '__main__':
    main(*sys.argv[1:3])
