// Duplicate detection, issue 12 round 5: mechanisms rather than words. An intent said loosely (a
// few more words, no subject) is the intent said purely; asking to withdraw or look back at a
// question, the bot's hours and praise of its answers in many wordings; Southern and Central
// forms typed with accents, roman numerals of zones and classes; an ask that leans on the clause
// before it ("…, vậy …") and a comment after the question ("… mà em không chắc"). Sentences
// written for these tests, not taken from any evaluation set.
import { describe, expect, it } from "vitest";
import { normalize } from "../../handlers/dialogue/nlp/normalize.ts";
import { parse } from "../../handlers/dialogue/nlp/question.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { smalltalk } from "../../handlers/dialogue/nlp/smalltalk.ts";

const dup = (a: string, b: string) => isDuplicate(a, b).duplicate;
const kinds = (text: string) => [...smalltalk(text).kinds];

describe("small talk said loosely", () => {
  it("When one side says an intent purely and the other says it with a few more words naming no subject, then they are duplicates", () => {
    expect(dup("cảm ơn bot", "dạ em cảm ơn mọi người đã giải đáp giúp em ạ")).toBe(true);
    expect(dup("bao lâu thì có người trả lời", "em gửi hôm qua mà chờ khoảng mấy ngày mới có phản hồi vậy")).toBe(true);
  });

  it("When both sides only say an intent loosely, or one names a subject, then small talk does not decide", () => {
    expect(smalltalk("cảm ơn ad, cho em hỏi vay vốn sinh viên thế nào").loose).toBe(false);
    expect(dup("cảm ơn bot", "cảm ơn, cho em hỏi học bổng nộp ở đâu")).toBe(false);
  });

  it("When a message asks to withdraw a question, to see past questions, the hours or praises the answers, then each is one intent in many wordings", () => {
    for (const t of ["hủy giúp mình câu hỏi vừa gửi", "xoa dum em cau hoi em moi gui", "em hỏi nhầm rồi, rút lại câu hỏi giúp em"]) expect({ t, k: kinds(t) }).toEqual({ t, k: ["withdraw"] });
    for (const t of ["xem lại các câu hỏi tôi đã gửi ở đâu", "coi lai cau hoi minh da hoi"]) expect({ t, k: kinds(t) }).toEqual({ t, k: ["history"] });
    for (const t of ["giờ hoạt động của bot", "bot trực từ mấy giờ đến mấy giờ", "ban lam viec vao khung gio nao", "bot làm việc từ mấy giờ tới mấy giờ"]) expect({ t, k: kinds(t) }).toEqual({ t, k: ["hours"] });
    for (const t of ["bot giải thích dễ hiểu ghê", "trả lời chi tiết quá"]) expect({ t, k: kinds(t) }).toEqual({ t, k: ["compliment"] });
    expect(dup("hủy giúp mình câu hỏi vừa gửi", "xem lại các câu hỏi tôi đã gửi ở đâu")).toBe(false);
  });
});

describe("regional forms and numbering", () => {
  it("When Southern or Central forms are typed with accents, then they read as the common word", () => {
    expect(normalize("dị hông")).toBe("vay khong");
    expect(normalize("chừ đi dới tui")).toBe("gio di voi tui");
    expect(normalize("lương vùng III")).toBe(normalize("lương vùng 3"));
    expect(normalize("nộp hồ sơ trên cổng dvc qg")).toContain("quoc gia");
    // a regional word inside a standard compound keeps the standard reading
    expect(normalize("bao giờ công bố, có thiệt hại không")).toBe("bao gio cong bo co thiet hai khong");
    // "vậy ta" closing a question is "vậy", not borrowing
    expect(parse("khi nào có lịch thi vậy ta").concepts.has("vay_von")).toBe(false);
  });
});

describe("the asking clause of a long question", () => {
  it("When the ask opens with 'vậy' after a clause naming the subject, then that subject is asked about", () => {
    const p = parse("em làm công nhân 4 năm, nay nghỉ việc rồi, em nghe nói có trợ cấp thất nghiệp, vậy em được nhận mấy tháng");
    expect(p.asked.has("that_nghiep") || p.asked.has("tro_cap")).toBe(true);
  });

  it("When a how-question ends on 'chỉ tui với' (show me), then it asks how", () => {
    expect([...parse("em không rành làm hộ chiếu online, chỉ tui với").asks]).toEqual(["how"]);
  });

  it("When a comment follows the question ('… mà em không chắc'), then the ask is read from the question", () => {
    expect([...parse("bạn em hỏi mới nhổ răng thì có được hiến máu không mà em không chắc").asks]).toEqual(["yesno"]);
  });
});

describe("a yes-or-no about the cost", () => {
  it("When one side asks whether something costs anything and the other how much it costs, then they are duplicates; a yes-or-no about something else is not", () => {
    expect(dup("làm hộ chiếu có mất tiền không", "phí làm hộ chiếu là bao nhiêu")).toBe(true);
    expect(dup("làm hộ chiếu có cần về quê không", "phí làm hộ chiếu là bao nhiêu")).toBe(false);
  });
});
