import re,sys
def blocks(s):
    pat=re.compile(r'<<<<<<< [^\n]*\n(.*?)=======\n(.*?)>>>>>>> [^\n]*\n',re.S)
    return pat
def resolve(path, choose):
    s=open(path).read()
    pat=blocks(s)
    i=[0]
    def rep(m):
        r=choose(i[0], m.group(1), m.group(2)); i[0]+=1; return r
    s=pat.sub(rep,s)
    assert '<<<<<<<' not in s and '>>>>>>>' not in s, path
    open(path,'w').write(s)
both=lambda i,a,b: a+b
ours=lambda i,a,b: a
theirs=lambda i,a,b: b
