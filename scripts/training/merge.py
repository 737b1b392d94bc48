def load_all(mods='abcdefgh'):
    T = {}
    for m in mods:
        for k, v in __import__('train_' + m).T.items():
            T[k] = T.get(k, '') + '\n' + v
    return T
