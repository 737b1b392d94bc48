// Duplicate detection, issue 12 round 6: breadth of the lexicon (administrative terms and the
// everyday, regional and chat words for them), more small-talk intents, more ways of asking, and
// a few mechanisms (a comment after the question, places said with "ở đầu…", "mấy hôm nay").
// Sentences written for these tests, not taken from any evaluation set.
import { describe, expect, it } from "vitest";
import { normalize } from "../../handlers/dialogue/nlp/normalize.ts";
import { parse } from "../../handlers/dialogue/nlp/question.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { smalltalk } from "../../handlers/dialogue/nlp/smalltalk.ts";

const dup = (a: string, b: string) => isDuplicate(a, b).duplicate;
const asks = (text: string) => [...parse(text).asks].sort();

describe("administrative terms and everyday words", () => {
  it("When a procedure is named formally on one side and in everyday words on the other, then they are duplicates", () => {
    expect(dup("Thủ tục xóa đăng ký thường trú", "muốn cắt khẩu ở quê thì làm sao")).toBe(true);
    expect(dup("Thủ tục cấp phiếu lý lịch tư pháp", "xin giấy chứng minh không có tiền án ở đâu vậy")).toBe(true);
    expect(dup("Đèn đường trong xóm bị hư thì báo ai", "Phản ánh hư hỏng hệ thống chiếu sáng công cộng")).toBe(true);
    expect(dup("Điều kiện vay vốn giải quyết việc làm", "muốn vay tiền mở tiệm tạo việc làm thì cần gì")).toBe(true);
  });

  it("When two questions name different things of one kind, then they are not duplicates", () => {
    expect(dup("Học bổng Vừ A Dính nộp ở đâu", "Học bổng Chắp cánh ước mơ nộp ở đâu")).toBe(false);
    expect(dup("Tiêm vắc xin sởi cho bé ở đâu", "Tiêm vắc xin dại cho bé ở đâu")).toBe(false);
    expect(dup("Uống bia rồi chạy xe bị phạt bao nhiêu", "Uống bia rồi chạy xe có bị tạm giữ xe không")).toBe(false);
  });
});

describe("chat forms", () => {
  it("When money, insurance and places are typed in chat shorthand, then they read as the full words", () => {
    expect(normalize("mất 5tr với 500k")).toBe("mat 5 trieu voi 500 nghin");
    expect(normalize("đóng bh xh")).toBe("dong bhxh");
    expect(normalize("chủ nhật tuần ni ở mô")).toBe("chu nhat tuan nay o dau");
    expect(dup("mất 5tr vì bị lừa chuyển khoản, giờ làm sao", "bị lừa chuyển khoản 5 triệu thì phải làm gì")).toBe(true);
  });
});

describe("small talk", () => {
  it("When a wish, a request to wait or a greeting is said in other words, then the two are the same intent", () => {
    expect(dup("chúc mừng năm mới ad", "năm mới an khang thịnh vượng nha bot")).toBe(true);
    expect(dup("đợi mình xíu nha", "chờ em một chút, em đang tìm giấy tờ")).toBe(true);
    expect(dup("alo có ai không", "xin chào bot")).toBe(true);
    expect([...smalltalk("hát cho mình nghe một bài đi").kinds]).toEqual(["song"]);
    // a thing of a known kind left over makes it a question ("online không" is not "are you online")
    expect(smalltalk("có được đổi bằng lái online không").pure).toBe(false);
  });

  it("When two messages of small talk are different intents, then they are not duplicates", () => {
    expect(dup("thời tiết hôm nay đẹp ghê", "cảm ơn bot nhiều")).toBe(false);
    expect(dup("bạn thông minh hơn chatgpt không", "bạn là chatgpt hả")).toBe(false);
  });
});

describe("asks", () => {
  it("When a time or a place is only said, then it is not read as asked", () => {
    expect(asks("nước máy bị đục mấy hôm nay thì báo ai")).toEqual(["where"]);
    expect(asks("khi nào bãi rác ở đầu cầu được dọn")).toEqual(["when"]);
  });

  it("When a yes-or-no question closes a sentence that states a quantity, then only yes or no is asked", () => {
    expect(asks("có bà con dưới quê lên ở mấy bữa có phải báo công an không")).toEqual(["yesno"]);
    expect(asks("ở mấy bữa thì phải báo công an")).not.toContain("yesno");
  });

  it("When a comment follows the question, then its words are not read as questions of their own", () => {
    expect(asks("ai chỉ em cách tạo chữ ký số với, sếp kêu mà em không biết làm")).toEqual(["how", "who"]);
  });

  it("When a group is named with \"con\" or \"bộ\", then it is not read as the asker's kin", () => {
    expect([...parse("Con thương binh có được miễn học phí không").target]).toEqual([]);
    expect([...parse("Bộ đội xuất ngũ có được hỗ trợ học nghề không").target]).toEqual([]);
  });
});
