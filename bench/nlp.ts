// Offline NLP of the dialogue Q&A (issue 3): topic accuracy, duplicate F1, classification
// time, and FAQ search over 100,000 synthetic published answers.
import { readFileSync } from "node:fs";
import { duplicateF1, topicAccuracy } from "../handlers/dialogue/nlp/quality.ts";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { TopicClassifier } from "../handlers/dialogue/nlp/classifier.ts";
import { isDuplicate } from "../handlers/dialogue/nlp/similarity.ts";
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
  out.duplicate_f1_public = duplicateF1(pubD);
  out.duplicate_f1_holdout = duplicateF1(holdD);
  out.duplicate_f1_holdout2 = duplicateF1(hold2D);
  console.log(`classifier trained in ${out.nlp_train_ms.toFixed(0)} ms`);
  console.log(`topic accuracy: public sample ${out.topic_accuracy_public.toFixed(3)} (${pubQ.length}), holdout ${out.topic_accuracy_holdout.toFixed(3)} (${holdQ.length}), holdout2 ${out.topic_accuracy_holdout2.toFixed(3)} (${hold2Q.length}) (target ≥ 0.85)`);
  console.log(`duplicate F1: public sample ${out.duplicate_f1_public.toFixed(3)} (${pubD.length} pairs), holdout ${out.duplicate_f1_holdout.toFixed(3)} (${holdD.length} pairs), holdout2 ${out.duplicate_f1_holdout2.toFixed(3)} (${hold2D.length} pairs) (target ≥ 0.8)`);

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
  for (let i = 0; i < 5000; i++) {
    const r = holdD[i % holdD.length]!;
    const t = performance.now();
    isDuplicate(r.a, r.b);
    dupTimes.push(performance.now() - t);
  }
  out.duplicate_p99_ms = quantile(dupTimes, 0.99);
  console.log(`duplicate check: p99 ${out.duplicate_p99_ms.toFixed(3)} ms per pair`);

  // ---- FAQ search over 100,000 synthetic published answers
  const training = readJsonl<{ text: string; topic: string }>("../prompts/training/topics.jsonl").map((r) => r.text);
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
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
