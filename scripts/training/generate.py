#!/usr/bin/env python3
"""Generate prompts/training/topics.jsonl, the training set of the offline topic classifier.

Input (hand-written, the maintained source):
  prompts/training/sentences/<topic>.txt  questions of one topic, one per line ('#' starts a comment line)
  prompts/training/keywords.txt            keyword priors: words of each topic's description, under [topic]

Output: every hand-written question as written plus two generated variants (one plain: a
greeting or closing particle added, accents often dropped; one chat-style: teen code, typos,
accents sometimes dropped), then every keyword once, shuffled with a fixed seed. The same input
always gives the same bytes. Run from anywhere:

    python3 scripts/training/generate.py          # rewrite topics.jsonl
    python3 scripts/training/generate.py --check  # exit 1 if topics.jsonl is not what the input gives

The teen-code table below is the generator's own, deliberately independent of the normaliser's
lexicon (prompts/nlp/lexicon.yaml): the classifier must learn from spellings the normaliser was
not written for. Held-out sets (test/quality/) are hand-written and never generated.
"""
import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
SENTENCES = os.path.join(ROOT, "prompts/training/sentences")
KEYWORDS = os.path.join(ROOT, "prompts/training/keywords.txt")
OUTPUT = os.path.join(ROOT, "prompts/training/topics.jsonl")
SEED = 20261130
# Order in which topics are expanded: part of what makes the output reproducible.
TOPICS = [
    "viec_lam", "khoi_nghiep", "hoc_tap", "can_bo_tre", "dang_doan", "an_sinh",
    "phap_luat", "moi_truong", "tinh_nguyen_van_hoa", "chuyen_doi_so", "khac",
]

# Word → the ways youth type it (a choice is drawn for each occurrence).
TEEN = [
    (r"\bkhông\b", ["ko", "k", "hok", "hông", "khum", "ko"]), (r"\bđược\b", ["dc", "đc", "dk", "dc"]), (r"\bgì\b", ["j", "gì"]),
    (r"\bem\b", ["e", "e", "em"]), (r"\bmình\b", ["mk", "mik", "mình"]), (r"\bbạn\b", ["bn", "bạn"]), (r"\bthanh niên\b", ["tn", "thanh niên"]),
    (r"\bsinh viên\b", ["sv"]), (r"\bnhư thế nào\b", ["ntn"]), (r"\bthế nào\b", ["ntn", "thế nào"]), (r"\bvới\b", ["vs"]), (r"\bvậy\b", ["z", "v"]),
    (r"\brồi\b", ["r"]), (r"\bcũng\b", ["cx", "cg"]), (r"\bnói\b", ["ns"]), (r"\bnước\b", ["nc", "nước"]), (r"\bđoàn viên\b", ["đv", "đoàn viên"]),
    (r"\bngười\b", ["ng", "người"]), (r"\bbiết\b", ["bít", "bt", "bik"]), (r"\bmuốn\b", ["mún", "muốn"]), (r"\bhọc sinh\b", ["hs"]), (r"\btrước\b", ["trc"]),
    (r"\bđiện thoại\b", ["đt", "dt"]), (r"\blàm\b", ["lm", "làm", "làm"]), (r"\bbao giờ\b", ["bh", "bao giờ"]), (r"\bbảo hiểm y tế\b", ["bhyt", "BHYT"]),
    (r"\bbảo hiểm xã hội\b", ["bhxh", "BHXH"]), (r"\bxuất khẩu lao động\b", ["xkld", "XKLĐ"]), (r"\bcông ty\b", ["cty"]), (r"\bnhiều\b", ["nhìu", "nhiều"]),
    (r"\bđăng ký\b", ["đk", "dky", "đăng kí"]), (r"\bthông tin\b", ["tt", "thông tin"]), (r"\bmọi người\b", ["mn", "mng"]),
]
PREFIX = ["", "", "", "cho e hỏi ", "ad ơi ", "cho mình hỏi ", "xin hỏi ", "a chị ơi ", "mn ơi ", "em chào anh chị, ", "hỏi chút "]
SUFFIX = ["", "", "", " ạ", " vậy ạ", " ạ?", " ko ạ", "??", " với ạ", " nhé", " ạ ad"]


def strip(s):
    """Accents removed (đ → d), case kept."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", s.replace("đ", "d").replace("Đ", "D"))


def teen(s, rnd):
    s = s[0].lower() + s[1:]
    for pat, reps in TEEN:
        if rnd.random() < 0.8:
            s = re.sub(pat, lambda m: rnd.choice(reps), s, flags=re.I)
    if rnd.random() < 0.5:
        s = s.rstrip("?.")
    return s


def typo(s, rnd):
    out = []
    for w in s.split(" "):
        r = rnd.random()
        if len(w) > 3 and r < 0.08:  # accents of one word dropped
            w = strip(w)
        elif len(w) > 4 and r < 0.12:  # two letters swapped
            i = rnd.randrange(1, len(w) - 2)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif len(w) > 4 and r < 0.14:  # a letter dropped
            i = rnd.randrange(1, len(w) - 1)
            w = w[:i] + w[i + 1:]
        out.append(w)
    return " ".join(out)


def variants(s, rnd):
    """The sentence as written, a plain variant and a chat-style variant."""
    v = [s]
    a = rnd.choice(PREFIX) + s[0].lower() + s[1:]
    a = a.rstrip("?.") + rnd.choice(SUFFIX)
    v.append(strip(a).lower() if rnd.random() < 0.7 else strip(a))
    b = teen(rnd.choice(PREFIX) + s, rnd) + rnd.choice(SUFFIX)
    if rnd.random() < 0.5:
        b = typo(b, rnd)
    if rnd.random() < 0.3:
        b = strip(b)
    v.append(b)
    return v


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.strip().startswith("#")]


def keywords():
    """(topic, keyword) in file order."""
    out, topic = [], None
    for l in read_lines(KEYWORDS):
        m = re.fullmatch(r"\[(\w+)\]", l)
        if m:
            topic = m.group(1)
            if topic not in TOPICS:
                sys.exit(f"keywords.txt: unknown topic [{topic}]")
        elif topic is None:
            sys.exit("keywords.txt: a keyword before the first [topic]")
        else:
            out.append((topic, l))
    return out


def generate():
    files = sorted(f[:-4] for f in os.listdir(SENTENCES) if f.endswith(".txt"))
    if files != sorted(TOPICS):
        sys.exit(f"prompts/training/sentences/ must hold exactly one file per topic: {sorted(TOPICS)}, found {files}")
    rnd = random.Random(SEED)
    out = []
    for topic in TOPICS:
        for s in read_lines(os.path.join(SENTENCES, topic + ".txt")):
            out.extend({"text": v, "topic": topic} for v in variants(s, rnd))
    out.extend({"text": s, "topic": topic} for topic, s in keywords())
    rnd.shuffle(out)
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), len(out)


if __name__ == "__main__":
    text, n = generate()
    if "--check" in sys.argv[1:]:
        with open(OUTPUT, encoding="utf-8") as f:
            same = f.read() == text
        print(f"topics.jsonl {'is' if same else 'is NOT'} what the sentences and keywords give ({n} examples)")
        sys.exit(0 if same else 1)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {n} examples to prompts/training/topics.jsonl")
