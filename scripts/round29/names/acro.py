"""Every three-letter acronym AAA..ZZZ as an ORGANIZATION, plain and dotted: how many meet a listed
acronym they do not equal (one letter off) and with what decision.
python3 acro.py gen acro_queries.jsonl ; python3 run.py HOST:PORT acro_queries.jsonl acro_results.jsonl ; python3 acro.py report"""
import itertools, json, os, sys, collections, re
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

if sys.argv[1] == 'gen':
    with open(sys.argv[2], 'w') as f:
        n = 0
        for t in itertools.product('ABCDEFGHIJKLMNOPQRSTUVWXYZ', repeat=3):
            a = ''.join(t)
            for form in (a, '.'.join(a) + '.'):
                f.write(json.dumps(dict(id=f'a{n:06d}', family='acronym3', listed=False, party=dict(name=form, type='ORGANIZATION'),
                                        expect='', base=a)) + '\n')
                n += 1
else:
    Q = {json.loads(l)['id']: json.loads(l) for l in open(os.path.join(HERE, 'acro_queries.jsonl'))}
    c = collections.Counter()
    ex = collections.defaultdict(list)
    for l in open(os.path.join(HERE, 'acro_results.jsonl')):
        r = json.loads(l)
        q = Q[r['id']]
        if r['decision'] == 'CLEAR':
            c['CLEAR'] += 1
            continue
        if r['decision'] == 'ERROR':
            c['refused (INVALID_ARGUMENT: nothing to screen once titles and labels are removed)'] += 1
            ex['refused'].append(q['party']['name'])
            continue
        m = r['matches'][0]
        from gen import cyr2lat
        words = {re.sub(r'\W', '', w).upper() for w in re.split(r'[\s"«»()]+', cyr2lat(m['matched']))}
        same = q['base'] in words or re.sub(r'\W', '', m['matched']).upper() == q['base']
        k = r['decision'] + (' (equals a listed acronym)' if same else ' (meets another listed name/acronym)')
        c[k] += 1
        ex[k].append(f"{q['party']['name']} → {m['matched']} [{m['listed']}] {m['score']}")
    print(f'{sum(c.values())} queries (17,576 acronyms × plain/dotted)')
    for k, v in sorted(c.items()):
        print(f'- {k}: {v}')
    for k in sorted(ex):
        if 'another' in k or k == 'refused':
            print(f'\n{k}, first 25:')
            for e in ex[k][:25]:
                print('  -', e)
