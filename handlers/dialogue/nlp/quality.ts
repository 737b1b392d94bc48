import type { TopicClassifier } from "./classifier.ts";
import { isDuplicate } from "./similarity.ts";

/** Share of labelled questions the classifier puts in their topic. */
export function topicAccuracy(clf: TopicClassifier, rows: { text: string; topic: string }[]): number {
  return rows.filter((r) => clf.classify(r.text).topic === r.topic).length / rows.length;
}

/** F1, precision and recall of the duplicate detector on labelled pairs (aggregates only). */
export function duplicateScores(rows: { a: string; b: string; duplicate: boolean }[]): { f1: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const p = isDuplicate(r.a, r.b).duplicate;
    if (p && r.duplicate) tp++;
    else if (p) fp++;
    else if (r.duplicate) fn++;
  }
  return { f1: (2 * tp) / (2 * tp + fp + fn || 1), precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}

/** F1 of the duplicate detector on labelled pairs. */
export function duplicateF1(rows: { a: string; b: string; duplicate: boolean }[]): number {
  return duplicateScores(rows).f1;
}
