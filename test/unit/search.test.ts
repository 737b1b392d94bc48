import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../handlers/dialogue/nlp/search.ts";

const A = "Thanh niên ở xã muốn vay vốn khởi nghiệp nuôi bò thì cần thủ tục gì và vay ở đâu ạ?";
const B = "Cho em hỏi thủ tục vay vốn khởi nghiệp nuôi bò cho thanh niên ở xã mình với ạ?";

describe("BM25 search over open questions", () => {
  it("When a small index holds two questions sharing most words, then each finds the other", () => {
    const ix = new SearchIndex<{ k: string }>();
    ix.add(1, A, { k: "a" });
    ix.add(2, B, { k: "b" });
    expect(ix.search(B, { limit: 5, filter: (m) => m.k !== "b" }).map((h) => h.id)).toEqual([1]);
    expect(ix.search(A, { limit: 5, filter: (m) => m.k !== "a" }).map((h) => h.id)).toEqual([2]);
  });

  it("When a word is held by most of a large index, then it is left out and the rarer words rank", () => {
    const ix = new SearchIndex<null>();
    for (let i = 0; i < 1000; i++) ix.add(i + 1, `thanh niên xã hỏi việc số ${i} ${i % 2 ? "đoàn phí" : "học bổng"}`, null);
    ix.add(5000, "thanh niên hỏi vay vốn khởi nghiệp", null);
    expect(ix.search("thanh niên vay vốn", { limit: 3 }).map((h) => h.id)[0]).toBe(5000);
  });
});
