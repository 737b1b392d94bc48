import json, random, sys
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import *
T={}
from merge import load_all
T=load_all()
rnd=random.Random(20261130)
out=[]
for topic, txt in T.items():
    for s in lines(txt):
        for v in variants(s, rnd):
            out.append({'text': v, 'topic': topic})
from keywords import examples as keyword_examples
for topic, s in keyword_examples():
    out.append({'text': s, 'topic': topic})
rnd.shuffle(out)
with open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), '../../') + 'prompts/training/topics.jsonl','w') as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False)+'\n')
print(len(out))
