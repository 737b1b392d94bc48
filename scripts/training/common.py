import random, re, unicodedata, json
def strip(s):
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return unicodedata.normalize('NFC', s.replace('đ','d').replace('Đ','D'))
TEEN = [
 (r'\bkhông\b', ['ko','k','hok','hông','khum','ko']), (r'\bđược\b', ['dc','đc','dk','dc']), (r'\bgì\b', ['j','gì']),
 (r'\bem\b', ['e','e','em']), (r'\bmình\b', ['mk','mik','mình']), (r'\bbạn\b', ['bn','bạn']), (r'\bthanh niên\b', ['tn','thanh niên']),
 (r'\bsinh viên\b', ['sv']), (r'\bnhư thế nào\b', ['ntn']), (r'\bthế nào\b', ['ntn','thế nào']), (r'\bvới\b', ['vs']), (r'\bvậy\b', ['z','v']),
 (r'\brồi\b', ['r']), (r'\bcũng\b', ['cx','cg']), (r'\bnói\b', ['ns']), (r'\bnước\b', ['nc','nước']), (r'\bđoàn viên\b', ['đv','đoàn viên']),
 (r'\bngười\b', ['ng','người']), (r'\bbiết\b', ['bít','bt','bik']), (r'\bmuốn\b', ['mún','muốn']), (r'\bhọc sinh\b', ['hs']), (r'\btrước\b', ['trc']),
 (r'\bđiện thoại\b', ['đt','dt']), (r'\blàm\b', ['lm','làm','làm']), (r'\bbao giờ\b', ['bh','bao giờ']), (r'\bbảo hiểm y tế\b', ['bhyt','BHYT']),
 (r'\bbảo hiểm xã hội\b', ['bhxh','BHXH']), (r'\bxuất khẩu lao động\b', ['xkld','XKLĐ']), (r'\bcông ty\b', ['cty']), (r'\bnhiều\b', ['nhìu','nhiều']),
 (r'\bđăng ký\b', ['đk','dky','đăng kí']), (r'\bthông tin\b', ['tt','thông tin']), (r'\bmọi người\b', ['mn','mng']),
]
PREFIX = ['', '', '', 'cho e hỏi ', 'ad ơi ', 'cho mình hỏi ', 'xin hỏi ', 'a chị ơi ', 'mn ơi ', 'em chào anh chị, ', 'hỏi chút ']
SUFFIX = ['', '', '', ' ạ', ' vậy ạ', ' ạ?', ' ko ạ', '??', ' với ạ', ' nhé', ' ạ ad']
def teen(s, rnd):
    s = s[0].lower() + s[1:]
    for pat, reps in TEEN:
        if rnd.random() < 0.8:
            s = re.sub(pat, lambda m: rnd.choice(reps), s, flags=re.I)
    if rnd.random() < 0.5: s = s.rstrip('?.')
    return s
def typo(s, rnd):
    words = s.split(' ')
    out = []
    for w in words:
        r = rnd.random()
        if len(w) > 3 and r < 0.08:  # drop accents of one word
            w = strip(w)
        elif len(w) > 4 and r < 0.12:  # swap two letters
            i = rnd.randrange(1, len(w)-2); w = w[:i] + w[i+1] + w[i] + w[i+2:]
        elif len(w) > 4 and r < 0.14:  # drop a letter
            i = rnd.randrange(1, len(w)-1); w = w[:i] + w[i+1:]
        out.append(w)
    return ' '.join(out)
def variants(s, rnd):
    v = [s]
    a = rnd.choice(PREFIX) + s[0].lower() + s[1:]
    a = a.rstrip('?.') + rnd.choice(SUFFIX)
    v.append(strip(a).lower() if rnd.random() < 0.7 else strip(a))
    b = teen(rnd.choice(PREFIX) + s, rnd) + rnd.choice(SUFFIX)
    if rnd.random() < 0.5: b = typo(b, rnd)
    if rnd.random() < 0.3: b = strip(b)
    v.append(b)
    return v
def lines(txt): return [l.strip() for l in txt.strip().split('\n') if l.strip()]
