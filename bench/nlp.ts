// Offline NLP of the dialogue Q&A (issues 3, 12): topic accuracy, duplicate F1/precision/recall
// (the project's held-out sets and the independently written ones), recall@3, classification
// time, and FAQ search over 100,000 synthetic published answers. Times are wall clock; on a
// shared, loaded machine the CPU time of the check is printed beside them.
import { readFileSync } from "node:fs";
import { duplicateF1, duplicateScores, topicAccuracy } from "../handlers/dialogue/nlp/quality.ts";
import { offlinePool, rankDuplicates } from "../handlers/dialogue/nlp/duplicates.ts";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { TopicClassifier } from "../handlers/dialogue/nlp/classifier.ts";
import { features, forgetFeatures, isDuplicate } from "../handlers/dialogue/nlp/similarity.ts";
import { SearchIndex } from "../handlers/dialogue/nlp/search.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const readJsonl = <T>(p: string): T[] =>
  readFileSync(here(p), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** A full garbage collection, so heap figures mean something (no --expose-gc needed). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
};

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ANSWER_OPENINGS = [
  "Chào bạn, về nội dung bạn hỏi, ",
  "Cảm ơn em đã quan tâm. Theo quy định hiện hành, ",
  "Ban Thường vụ trả lời như sau: ",
  "Về vấn đề này, đơn vị phụ trách cho biết ",
];
const ANSWER_BODY = [
  "bạn liên hệ bộ phận một cửa của Ủy ban nhân dân xã để được hướng dẫn hồ sơ",
  "thời gian giải quyết là 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
  "Đoàn xã sẽ phối hợp với các ngành chức năng kiểm tra và thông tin lại",
  "mức hỗ trợ cụ thể được công khai tại nhà văn hóa thôn và trên trang của xã",
  "đề nghị bạn theo dõi thông báo trên ứng dụng Thanh niên Việt Nam",
  "hồ sơ gồm đơn đề nghị, bản sao căn cước và giấy xác nhận của địa phương",
  "kinh phí do ngân sách tỉnh bảo đảm theo kế hoạch năm",
  "bạn có thể nộp trực tuyến trên Cổng dịch vụ công quốc gia",
];

export async function runNlpBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};

  // ---- quality
  let t0 = performance.now();
  const clf = TopicClassifier.default();
  out.nlp_train_ms = performance.now() - t0;
  const pubQ = readJsonl<{ text: string; topic: string }>("../test/quality/public/questions.sample.jsonl");
  const holdQ = readJsonl<{ text: string; topic: string }>("../test/quality/topics.holdout.jsonl");
  const hold2Q = readJsonl<{ text: string; topic: string }>("../test/quality/topics.holdout2.jsonl");
  const pubD = readJsonl<{ a: string; b: string; duplicate: boolean }>("../test/quality/public/duplicates.sample.jsonl");
  const holdD = readJsonl<{ a: string; b: string; duplicate: boolean }>("../test/quality/duplicates.holdout.jsonl");
  const hold2D = readJsonl<{ a: string; b: string; duplicate: boolean }>("../test/quality/duplicates.holdout2.jsonl");
  out.topic_accuracy_public = topicAccuracy(clf, pubQ);
  out.topic_accuracy_holdout = topicAccuracy(clf, holdQ);
  out.topic_accuracy_holdout2 = topicAccuracy(clf, hold2Q);
  // written independently (issue 12), by someone who had not read the training data
  const hold3Q = readJsonl<{ text: string; topic: string }>("../test/quality/independent/topics.holdout3.jsonl");
  out.topic_accuracy_independent_holdout3 = topicAccuracy(clf, hold3Q);
  console.log(`topic accuracy: independent holdout3 ${out.topic_accuracy_independent_holdout3.toFixed(3)} (${hold3Q.length}) (target ≥ 0.90)`);
  out.duplicate_f1_public = duplicateF1(pubD);
  out.duplicate_f1_holdout = duplicateF1(holdD);
  out.duplicate_f1_holdout2 = duplicateF1(hold2D);
  console.log(`classifier trained in ${out.nlp_train_ms.toFixed(0)} ms`);
  console.log(`topic accuracy: public sample ${out.topic_accuracy_public.toFixed(3)} (${pubQ.length}), holdout ${out.topic_accuracy_holdout.toFixed(3)} (${holdQ.length}), holdout2 ${out.topic_accuracy_holdout2.toFixed(3)} (${hold2Q.length}) (target ≥ 0.85)`);
  console.log(`duplicate F1: public sample ${out.duplicate_f1_public.toFixed(3)} (${pubD.length} pairs), holdout ${out.duplicate_f1_holdout.toFixed(3)} (${holdD.length} pairs), holdout2 ${out.duplicate_f1_holdout2.toFixed(3)} (${hold2D.length} pairs) (target ≥ 0.8)`);
  // Pairs written independently of the project (issue 12), each by someone who had not read the
  // lexicon, the need bank or any other set: dev, holdout, holdout3, holdout4 and (round 6) dev2,
  // holdout5 to holdout8 have been tuned on; holdout9 was written at the end of round 6 and never
  // read pair by pair: it is the honest figure (see scripts/training/README.md).
  const pairs = (name: string) => readJsonl<{ a: string; b: string; duplicate: boolean }>(`../test/quality/independent/duplicates.${name}.jsonl`);
  const indepDev = pairs("dev");
  const indepHold = pairs("holdout");
  const indepHold7 = pairs("holdout7");
  const indepHold8 = pairs("holdout8");
  const indepHold9 = pairs("holdout9");
  const independent = ["dev", "dev2", "holdout", "holdout3", "holdout4", "holdout5", "holdout6"].map((n) => [`independent_${n}`, pairs(n)] as const);
  for (const [name, rows] of [["public", pubD], ["holdout", holdD], ["holdout2", hold2D], ...independent, ["independent_holdout7", indepHold7], ["independent_holdout8", indepHold8], ["independent_holdout9", indepHold9]] as const) {
    const r = duplicateScores(rows);
    out[`duplicate_f1_${name}`] = r.f1;
    out[`duplicate_precision_${name}`] = r.precision;
    out[`duplicate_recall_${name}`] = r.recall;
    console.log(`duplicates ${name} (${rows.length} pairs): F1 ${r.f1.toFixed(3)}, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
  }

  // ---- classification speed
  const texts = [...pubQ, ...holdQ, ...hold2Q].map((r) => r.text);
  for (let i = 0; i < 1000; i++) clf.classify(texts[i % texts.length]!);
  const times: number[] = [];
  const N = 20_000;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    clf.classify(texts[i % texts.length]!);
    times.push(performance.now() - t);
  }
  out.classify_mean_ms = times.reduce((a, b) => a + b, 0) / N;
  out.classify_p99_ms = quantile(times, 0.99);
  console.log(`offline classify: mean ${out.classify_mean_ms.toFixed(3)} ms, p99 ${out.classify_p99_ms.toFixed(3)} ms over ${N.toLocaleString("en")} calls (target < 2 ms)`);

  const dupTimes: number[] = [];
  const dupCpu: number[] = [];
  // Each pair read from scratch (the feature cache emptied first), as `similar` reads new pairs.
  for (let i = 0; i < 5000; i++) {
    const r = holdD[i % holdD.length]!;
    forgetFeatures();
    const c = process.cpuUsage();
    const t = performance.now();
    isDuplicate(r.a, r.b);
    dupTimes.push(performance.now() - t);
    const cu = process.cpuUsage(c);
    dupCpu.push((cu.user + cu.system) / 1000);
  }
  out.duplicate_p99_ms = quantile(dupTimes, 0.99);
  out.duplicate_mean_ms = dupTimes.reduce((a, b) => a + b, 0) / dupTimes.length;
  out.duplicate_cpu_p99_ms = quantile(dupCpu, 0.99);
  console.log(
    `duplicate check (similar): mean ${out.duplicate_mean_ms.toFixed(3)} ms, p99 ${out.duplicate_p99_ms.toFixed(3)} ms per pair (target < 2 ms); CPU time p99 ${out.duplicate_cpu_p99_ms.toFixed(3)} ms`,
  );

  const training = readJsonl<{ text: string; topic: string }>("../prompts/training/topics.jsonl").map((r) => r.text);
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

  // ---- retrieval as the member sees it: the true duplicate among the three shown, 1,000 open questions
  for (const [name, rows] of [["independent_dev", indepDev], ["independent_holdout", indepHold], ["independent_holdout7", indepHold7], ["independent_holdout8", indepHold8], ["independent_holdout9", indepHold9]] as const) {
    const r = recallAt3(rows, training, rng(7));
    out[`duplicate_recall_at3_${name}`] = r;
    console.log(`recall@3 ${name}: ${r.toFixed(3)} (true duplicate among the 3 shown, 1,000 open questions)`);
  }

  // ---- the me-too check before queueing, over 100,000 open questions
  const open = new SearchIndex<{ unitId: number; askerKey: string }>();
  const openTexts = new Map<number, string>();
  const OPEN = 100_000;
  for (let id = 1; id <= OPEN; id++) {
    const q = pick(training);
    open.add(id, q, { unitId: 1 + (id % 40), askerKey: `k${id % 5000}` });
    openTexts.set(id, q);
    // read once when queued (the features of a question are computed at insert and cached)
    features(q);
  }
  const meTooQueries = [...indepDev.map((r) => r.a), ...holdQ.map((r) => r.text), ...pubQ.map((r) => r.text)];
  const meTooTimes: number[] = [];
  const meTooCpu: number[] = [];
  for (let i = 0; i < 400; i++) {
    const units = new Set([1 + (i % 40), 1 + ((i + 7) % 40), 1 + ((i + 19) % 40)]);
    const query = meTooQueries[i % meTooQueries.length]!;
    const c = process.cpuUsage();
    const t = performance.now();
    const hits = open.search(query, { limit: 20, filter: (m) => units.has(m.unitId) && m.askerKey !== "k1" });
    rankDuplicates(query, hits.map((h) => ({ id: h.id, text: openTexts.get(h.id)! })));
    meTooTimes.push(performance.now() - t);
    const cu = process.cpuUsage(c);
    meTooCpu.push((cu.user + cu.system) / 1000);
  }
  out.metoo_p50_ms = quantile(meTooTimes, 0.5);
  out.metoo_p95_ms = quantile(meTooTimes, 0.95);
  // CPU time of the check itself: on a shared, loaded machine wall time also counts waiting for a core.
  out.metoo_cpu_p95_ms = quantile(meTooCpu, 0.95);
  console.log(
    `me-too check over ${OPEN.toLocaleString("en")} open questions: p50 ${out.metoo_p50_ms.toFixed(2)} ms, p95 ${out.metoo_p95_ms.toFixed(2)} ms (target p95 < 20 ms); CPU time p95 ${out.metoo_cpu_p95_ms.toFixed(2)} ms`,
  );

  // ---- FAQ search over 100,000 synthetic published answers
  const units = Array.from({ length: 50 }, (_, i) => `/1/${2 + (i % 5)}/${100 + i}/`);
  collectGarbage();
  const memBefore = process.memoryUsage();
  t0 = performance.now();
  const index = new SearchIndex<{ unitPath: string; topic: string }>();
  const DOCS = 100_000;
  for (let id = 1; id <= DOCS; id++) {
    const q = pick(training);
    const a = pick(ANSWER_OPENINGS) + pick(ANSWER_BODY) + ". " + pick(ANSWER_BODY) + ". " + pick(training);
    // Most answers are published by the province (visible to every unit), the rest by units.
    const unitPath = id % 5 === 0 ? pick(units) : "/1/";
    index.add(id, `${q}\n${a}`, { unitPath, topic: "khac" });
  }
  out.faq_build_ms = performance.now() - t0;
  collectGarbage();
  const memAfter = process.memoryUsage();
  out.faq_heap_mb = (memAfter.heapUsed - memBefore.heapUsed) / 1048576;
  // MiniSearch keeps its index on the JS heap; typed arrays should stay near 0.
  out.faq_array_buffers_mb = (memAfter.arrayBuffers - memBefore.arrayBuffers) / 1048576;
  console.log(
    `FAQ index: ${index.size.toLocaleString("en")} answers built in ${out.faq_build_ms.toFixed(0)} ms, heap +${out.faq_heap_mb.toFixed(0)} MB, typed arrays +${out.faq_array_buffers_mb.toFixed(0)} MB`,
  );

  const queries = [...holdQ.map((r) => r.text), ...pubQ.map((r) => r.text), "vay vốn", "hiến máu", "bhyt", "doan phi bn tien", "ket nap dang"];
  const searchTimes: number[] = [];
  let hits = 0;
  for (let i = 0; i < 500; i++) {
    const reader = pick(units);
    const t = performance.now();
    // The FaqIndex filter: an entry is visible to the subtree of the unit that published it.
    const r = index.search(queries[i % queries.length]!, { limit: 5, filter: (m) => [reader].some((p) => p.startsWith(m.unitPath)) });
    searchTimes.push(performance.now() - t);
    hits += r.length;
  }
  out.faq_search_p50_ms = quantile(searchTimes, 0.5);
  out.faq_search_p95_ms = quantile(searchTimes, 0.95);
  console.log(
    `FAQ search over ${DOCS.toLocaleString("en")} answers: p50 ${out.faq_search_p50_ms.toFixed(2)} ms, p95 ${out.faq_search_p95_ms.toFixed(2)} ms (target p95 < 50 ms), ${(hits / 500).toFixed(1)} hits per query`,
  );

  const strictTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const reader = pick(units);
    const t = performance.now();
    index.search(queries[i % queries.length]!, { limit: 5, filter: (m) => m.unitPath === reader });
    strictTimes.push(performance.now() - t);
  }
  out.faq_search_strict_filter_p95_ms = quantile(strictTimes, 0.95);
  console.log(`FAQ search with a filter passing ~0.4% of answers: p95 ${out.faq_search_strict_filter_p95_ms.toFixed(2)} ms`);
  return out;
}

/**
 * Share of true duplicate pairs whose b side is among the three candidates shown for its a side,
 * when the b sides of the set sit among 1,000 open questions (the rest are training questions).
 */
function recallAt3(rows: { a: string; b: string; duplicate: boolean }[], distractors: string[], rand: () => number): number {
  const index = new SearchIndex<null>();
  const texts = new Map<number, string>();
  let id = 0;
  const target = new Map<string, number>();
  for (const r of rows) {
    if (texts.size >= 1000) break;
    if (target.has(r.b)) continue;
    target.set(r.b, ++id);
    texts.set(id, r.b);
  }
  while (texts.size < 1000) texts.set(++id, distractors[Math.floor(rand() * distractors.length)]!);
  for (const [i, t] of texts) index.add(i, t, null);
  const positives = rows.filter((r) => r.duplicate);
  let found = 0;
  for (const r of positives) {
    // the pool the bot builds: BM25 hits of the text and of its need's words
    const shown = rankDuplicates(r.a, offlinePool(index, r.a).map((id) => ({ id, text: texts.get(id)! })));
    if (shown.some((d) => d.id === target.get(r.b))) found++;
  }
  return positives.length ? found / positives.length : 0;
}
