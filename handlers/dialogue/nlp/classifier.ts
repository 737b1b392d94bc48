// Offline topic classifier: a blend of multinomial logistic regression and multinomial naive
// Bayes over IDF-weighted word unigrams, word bigrams and character n-grams of the normalised
// text (accent-, typo- and teen-code tolerant). Both are linear in the same features, so the blend
// is one weight matrix: classifying is a sparse dot product (~0.1 ms).
// `npm run build` trains it once into dist/models/ (scripts/build.mjs); a process loads that
// file in a few milliseconds and trains only when it is missing or stale (from source, tests).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LEXICON_FILE } from "./lexicon.ts";
import { normalize, stopwords } from "./normalize.ts";

export interface TopicExample {
  text: string;
  topic: string;
}

/** Where the shipped training examples live, whatever the working directory. */
export const TRAINING_FILE = fileURLToPath(new URL("../../../prompts/training/topics.jsonl", import.meta.url));
/** The model trained by the build, beside the compiled code (dist/models/); absent when run from source. */
export const MODEL_FILE = fileURLToPath(new URL("../../../models/topic-classifier.json", import.meta.url));
/** Bumped when the saved form or the features change in a way the fingerprint cannot see. */
const MODEL_FORMAT = 1;

const CHAR_MIN = 3;
const CHAR_MAX = 5;
/** Relative weight of the feature groups before the vector is L2-normalised. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.8;
const CHAR_WEIGHT = 0.1;
const EPOCHS = 8;
const LEARNING_RATE = 1;
const L2 = 1e-5;
/** Naive Bayes: additive smoothing, share in the blend, and scale of its log-probabilities. */
const NB_ALPHA = 0.1;
const NB_SHARE = 0.2;
const NB_SCALE = 3;
/** Softmax temperature of the blended scores, fitted by grouped cross-validation on the training set. */
const TEMPERATURE = 1.2;
// The values above were chosen by 5-fold cross-validation over the hand-written sentences
// (grouped: a sentence and its generated variants fall in the same fold), never on held-out sets.
/** Features seen in fewer training examples than this are dropped. */
const MIN_COUNT = 2;

/**
 * What a trained model depends on besides the code: the training data, the lexicon the text is
 * normalised with, and the hyperparameters. A saved model with another fingerprint is stale.
 */
export function trainingFingerprint(): string {
  if (fingerprintMemo) return fingerprintMemo;
  const h = createHash("sha256");
  h.update(JSON.stringify({ MODEL_FORMAT, CHAR_MIN, CHAR_MAX, WORD_WEIGHT, BIGRAM_WEIGHT, CHAR_WEIGHT, EPOCHS, LEARNING_RATE, L2, NB_ALPHA, NB_SHARE, NB_SCALE, MIN_COUNT }));
  h.update(readFileSync(TRAINING_FILE));
  h.update(readFileSync(LEXICON_FILE));
  return (fingerprintMemo = h.digest("hex"));
}
let fingerprintMemo: string | null = null;

/** Another table the build derives from the training data (dist/models/<name>.json), stamped like the model. */
export const modelFile = (name: string) => fileURLToPath(new URL(`../../../models/${name}.json`, import.meta.url));

/** A saved table, or null when it is missing, unreadable or stale. */
export function loadSaved<T>(name: string): T | null {
  const file = modelFile(name);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as { format: number; fingerprint: string; data: T };
    return m.format === MODEL_FORMAT && m.fingerprint === trainingFingerprint() ? m.data : null;
  } catch {
    return null;
  }
}

/** The saved form of such a table. */
export const savedForm = (data: unknown) => JSON.stringify({ format: MODEL_FORMAT, fingerprint: trainingFingerprint(), data });

/** The shipped training examples. */
export function trainingExamples(): TopicExample[] {
  return readFileSync(TRAINING_FILE, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TopicExample);
}

/** The saved form of a model (JSON; the float arrays as base64 of their little-endian bytes). */
interface SavedModel {
  format: number;
  fingerprint: string;
  topics: string[];
  vocab: string[];
  weights: string;
  bias: string;
  idf: string;
}

const toBase64 = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
/** Copied into a fresh buffer: a decoded Buffer may start at an offset a Float32Array cannot use. */
const fromBase64 = (s: string) => new Float32Array(new Uint8Array(Buffer.from(s, "base64")).buffer);

/** Feature strings of a text with their raw weights (duplicates add up). */
function featureStrings(text: string, emit: (feature: string, weight: number) => void): void {
  const norm = normalize(text);
  if (!norm) return;
  const words = norm.split(" ");
  const stop = stopwords();
  const content = words.filter((w) => !stop.has(w));
  for (const w of content) emit("w:" + w, WORD_WEIGHT);
  for (let i = 0; i + 1 < content.length; i++) emit("b:" + content[i] + "_" + content[i + 1], BIGRAM_WEIGHT);
  for (const w of content) {
    const padded = " " + w + " ";
    for (let n = CHAR_MIN; n <= CHAR_MAX; n++) {
      for (let i = 0; i + n <= padded.length; i++) emit("c:" + padded.slice(i, i + n), CHAR_WEIGHT);
    }
  }
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

export class TopicClassifier {
  private static memo: TopicClassifier | null = null;

  private constructor(
    private readonly topics: string[],
    private readonly vocab: Map<string, number>,
    /** Feature-major weights: weights[f * C + c]. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    /** Inverse document frequency of every feature: rare, specific features weigh more. */
    private readonly idf: Float32Array,
  ) {}

  /** The classifier of the shipped examples: the build's model when it is fresh, else trained once per process. */
  static default(): TopicClassifier {
    TopicClassifier.memo ??= TopicClassifier.load() ?? TopicClassifier.train(trainingExamples());
    return TopicClassifier.memo;
  }

  /** Makes the build's model the default now, when there is a fresh one (false when run from source). */
  static preload(): boolean {
    TopicClassifier.memo ??= TopicClassifier.load();
    return TopicClassifier.memo !== null;
  }

  /** A saved model, or null when the file is missing, unreadable or stale (another fingerprint). */
  static load(file = MODEL_FILE, fingerprint?: string): TopicClassifier | null {
    if (!existsSync(file)) return null;
    try {
      const m = JSON.parse(readFileSync(file, "utf8")) as SavedModel;
      if (m.format !== MODEL_FORMAT || m.fingerprint !== (fingerprint ?? trainingFingerprint())) return null;
      const weights = fromBase64(m.weights);
      const bias = fromBase64(m.bias);
      const idf = fromBase64(m.idf);
      const C = m.topics.length;
      if (bias.length !== C || idf.length !== m.vocab.length || weights.length !== m.vocab.length * C) return null;
      return new TopicClassifier(m.topics, new Map(m.vocab.map((f, i) => [f, i])), weights, bias, idf);
    } catch {
      return null;
    }
  }

  /** The saved form of this model, stamped with the fingerprint of what it was trained on. */
  serialize(fingerprint: string): string {
    const vocab: string[] = new Array<string>(this.vocab.size);
    for (const [f, i] of this.vocab) vocab[i] = f;
    const m: SavedModel = { format: MODEL_FORMAT, fingerprint, topics: this.topics, vocab, weights: toBase64(this.weights), bias: toBase64(this.bias), idf: toBase64(this.idf) };
    return JSON.stringify(m);
  }

  static train(examples: TopicExample[]): TopicClassifier {
    if (!examples.length) throw new Error("no training examples");
    const topics = [...new Set(examples.map((e) => e.topic))].sort();
    const topicIndex = new Map(topics.map((t, i) => [t, i]));
    const C = topics.length;

    // Vocabulary: features seen in at least MIN_COUNT examples (all of them for tiny sets).
    // Feature strings of every example, computed once (normalising is the costly part).
    const raw = examples.map((e) => featureMap(e.text));
    const docCount = new Map<string, number>();
    for (const m of raw) for (const f of m.keys()) docCount.set(f, (docCount.get(f) ?? 0) + 1);
    const minCount = examples.length >= 200 ? MIN_COUNT : 1;
    const vocab = new Map<string, number>();
    for (const [f, n] of docCount) if (n >= minCount) vocab.set(f, vocab.size);

    const idf = new Float32Array(vocab.size);
    for (const [f, i] of vocab) idf[i] = Math.log((examples.length + 1) / (docCount.get(f)! + 0.5));
    const data: { x: Sparse; y: number }[] = examples.map((e, k) => ({ x: toSparse(raw[k]!, vocab, idf), y: topicIndex.get(e.topic)! }));
    const weights = new Float32Array(vocab.size * C);
    const bias = new Float32Array(C);
    const probs = new Float64Array(C);

    // Deterministic shuffling so the shipped model is the same on every start.
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const order = data.map((_, i) => i);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const lr = LEARNING_RATE / (1 + epoch * 0.2);
      for (const k of order) {
        const { x, y } = data[k]!;
        scoreInto(x, weights, bias, C, probs);
        softmax(probs);
        for (let c = 0; c < C; c++) {
          const g = probs[c]! - (c === y ? 1 : 0);
          if (g === 0) continue;
          bias[c]! -= lr * g;
          for (let j = 0; j < x.idx.length; j++) {
            const p = x.idx[j]! * C + c;
            weights[p] = weights[p]! - lr * (g * x.val[j]! + L2 * weights[p]!);
          }
        }
      }
    }

    // Naive Bayes on the same (normalised) feature values, blended in.
    const counts = new Float64Array(vocab.size * C);
    const totals = new Float64Array(C);
    const priors = new Float64Array(C);
    for (const { x, y } of data) {
      priors[y]!++;
      for (let j = 0; j < x.idx.length; j++) {
        counts[x.idx[j]! * C + y]! += x.val[j]!;
        totals[y]! += x.val[j]!;
      }
    }
    for (let f = 0; f < vocab.size; f++) {
      for (let c = 0; c < C; c++) {
        const p = f * C + c;
        const nb = Math.log((counts[p]! + NB_ALPHA) / (totals[c]! + NB_ALPHA * vocab.size));
        weights[p] = (1 - NB_SHARE) * weights[p]! + NB_SHARE * NB_SCALE * nb;
      }
    }
    for (let c = 0; c < C; c++) bias[c] = (1 - NB_SHARE) * bias[c]! + NB_SHARE * Math.log(priors[c]! / data.length);
    return new TopicClassifier(topics, vocab, weights, bias, idf);
  }

  /** The most likely topic and its probability. */
  classify(text: string): { topic: string; confidence: number } {
    const C = this.topics.length;
    const probs = new Float64Array(C);
    scoreInto(vectorize(text, this.vocab, this.idf), this.weights, this.bias, C, probs);
    softmax(probs, TEMPERATURE);
    let best = 0;
    for (let c = 1; c < C; c++) if (probs[c]! > probs[best]!) best = c;
    return { topic: this.topics[best]!, confidence: Math.round(probs[best]! * 1000) / 1000 };
  }

  /** Every topic with its probability, best first. */
  rank(text: string): { topic: string; confidence: number }[] {
    const C = this.topics.length;
    const probs = new Float64Array(C);
    scoreInto(vectorize(text, this.vocab, this.idf), this.weights, this.bias, C, probs);
    softmax(probs, TEMPERATURE);
    return this.topics.map((topic, c) => ({ topic, confidence: probs[c]! })).sort((a, b) => b.confidence - a.confidence);
  }
}

/** Feature strings of a text with their summed raw weights. */
function featureMap(text: string): Map<string, number> {
  const m = new Map<string, number>();
  featureStrings(text, (f, w) => m.set(f, (m.get(f) ?? 0) + w));
  return m;
}

/** Known features of a text, IDF-weighted and L2-normalised. */
function vectorize(text: string, vocab: Map<string, number>, idf: Float32Array): Sparse {
  return toSparse(featureMap(text), vocab, idf);
}

function toSparse(features: Map<string, number>, vocab: Map<string, number>, idf: Float32Array): Sparse {
  const acc = new Map<number, number>();
  for (const [f, w] of features) {
    const i = vocab.get(f);
    if (i !== undefined) acc.set(i, w);
  }
  const idx = new Int32Array(acc.size);
  const val = new Float32Array(acc.size);
  let norm = 0;
  let k = 0;
  for (const [i, v] of acc) {
    // Sublinear term frequency: a repeated word should not dominate.
    const s = (v > 1 ? 1 + Math.log(v) : v) * idf[i]!;
    idx[k] = i;
    val[k] = s;
    norm += s * s;
    k++;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < val.length; j++) val[j] = val[j]! / norm;
  return { idx, val };
}

function scoreInto(x: Sparse, weights: Float32Array, bias: Float32Array, C: number, out: Float64Array): void {
  for (let c = 0; c < C; c++) out[c] = bias[c]!;
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j]! * C;
    const v = x.val[j]!;
    for (let c = 0; c < C; c++) out[c]! += weights[base + c]! * v;
  }
}

function softmax(z: Float64Array, temperature = 1): void {
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / temperature;
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
}
