import sys,glob,collections,unicodedata,difflib,re
def norm_chars(s):
    return [unicodedata.normalize('NFKC',c) for c in s if not c.isspace() and c not in '|┃']
def lines(s):
    return [re.sub(r'\s+','',l) for l in s.replace('\x0c','\n').split('\n') if l.strip() and not l.startswith('<page')]
docs=sorted(set(f.split('.')[0] for f in glob.glob('p0*.txt')))
tools=['lopdf','pdfextract','oxidetext','oxideplain','layout','ours']
print('doc tool chars% lines lines_equal_to_poppler% order%')
for d in docs:
    ref=open(f'{d}.poppler.txt').read()
    rc=collections.Counter(norm_chars(ref)); rl=lines(ref)
    for t in tools:
        s=open(f'{d}.{t}.txt').read()
        c=collections.Counter(norm_chars(s))
        common=sum((rc&c).values())
        chars=100*common/max(1,sum(rc.values()))
        extra=sum((c-rc).values())
        tl=lines(s)
        same=len(set(tl)&set(rl))
        sm=difflib.SequenceMatcher(None,''.join(norm_chars(ref)),''.join(norm_chars(s)),autojunk=False)
        order=100*sum(b.size for b in sm.get_matching_blocks())/max(1,sum(rc.values()))
        print(f'{d[:3]} {t:11} {chars:6.1f} +{extra:<4} {len(tl):4} {100*same/max(1,len(rl)):6.1f} {order:6.1f}')
