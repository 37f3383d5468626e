import sys, os, re, json, random, unicodedata, html
sys.path.insert(0, '/tmp/blindkb/tools')
from questions_src import A, U, DROP, RENAME
KB = '/tmp/blindkb/kb'
EN_DOCS = {'datasheet-sb-550m','installer-partner-program','about-us','maintenance-guide','ev-charger','extended-warranty-plan'}

def norm(t):
    t = unicodedata.normalize('NFKD', t.lower())
    return ''.join(c for c in t if not unicodedata.combining(c))

def doc_text(stem):
    for f in os.listdir(KB):
        if os.path.splitext(f)[0] == stem:
            t = open(os.path.join(KB, f), encoding='utf-8').read()
            if f.endswith('.html'):
                t = html.unescape(re.sub(r'<[^>]+>', ' ', t))
            return t
    raise SystemExit('missing doc ' + stem)

docs = {os.path.splitext(f)[0]: doc_text(os.path.splitext(f)[0]) for f in os.listdir(KB)}
items = []
bad = 0
for doc, lang, q, facts in A:
    if q in DROP: continue
    q = RENAME.get(q, q)
    nt = norm(docs[doc])
    for f in facts:
        if norm(f) not in nt:
            print('FACT FAIL', doc, f, '|', q); bad += 1
    items.append({"question": q, "lang": lang, "document_id": doc, "facts": facts, "answerable": True, "split": "probe"})
for lang, kind, q in U:
    items.append({"question": q, "lang": lang, "document_id": "", "facts": [], "answerable": False, "split": "probe"})
random.Random(20250301).shuffle(items)
with open('/tmp/blindkb/questions.jsonl', 'w', encoding='utf-8') as out:
    for i, it in enumerate(items, 1):
        out.write(json.dumps({"id": "bk%03d" % i, **it}, ensure_ascii=False) + '\n')
ans = [i for i in items if i['answerable']]
print('total', len(items), 'answerable', len(ans), 'unanswerable', len(items) - len(ans), 'fact failures', bad)
from collections import Counter
print('by lang/answerable', Counter((i['lang'], i['answerable']) for i in items))
cross = [i for i in ans if (i['document_id'] in EN_DOCS) != (i['lang'] == 'en')]
print('cross-lingual', len(cross), Counter((i['lang'], i['document_id'] in EN_DOCS) for i in cross))
