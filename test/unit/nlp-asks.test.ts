// Duplicate detection, issue 12 round 3: the kind of ask (a named procedure, a situation told
// before "thì", an age stated rather than asked), a broader lexicon of everyday, regional and
// administrative words, and more ways of talking to the bot. Sentences written for these tests,
// not taken from any evaluation set.
import { describe, expect, it } from "vitest";
import { normalize } from "../../handlers/dialogue/nlp/normalize.ts";
import { asksOf, parse } from "../../handlers/dialogue/nlp/question.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { smalltalk } from "../../handlers/dialogue/nlp/smalltalk.ts";

const asks = (text: string) => [...parse(text).asks].sort();
const dup = (a: string, b: string) => isDuplicate(a, b).duplicate;

describe("the kind of ask", () => {
  it("When a question names only the procedure, then its ask is the procedure, which also covers where it is done but not when or how long", () => {
    expect(asks("thủ tục cấp hộ chiếu")).toEqual(["procedure"]);
    expect(asks("hướng dẫn đăng ký tạm trú")).toEqual(["procedure"]);
    expect(dup("thủ tục cấp lại căn cước", "cấp lại căn cước làm ở đâu ạ")).toBe(true);
    expect(dup("thủ tục vay vốn học sinh sinh viên", "vay vốn học sinh sinh viên bao lâu thì phải trả")).toBe(false);
    // a thing named with no question word at all reads the same way
    expect(asks("xin giấy xác nhận cư trú")).toEqual([]);
    expect(dup("xin giấy xác nhận cư trú", "làm giấy xác nhận cư trú ở đâu ạ")).toBe(true);
  });

  it("When a situation is told before 'thì', then only the words after it say what is asked", () => {
    expect([...asksOf(normalize("con em sốt mấy ngày nay thì có được khám miễn phí không"))]).toEqual(["yesno"]);
    // with nothing asked after "thì", the whole clause is read
    expect([...asksOf(normalize("khi nào thì mở lớp"))]).toEqual(["when"]);
  });

  it("When an age is stated rather than asked, then it is not an age ask; 'lần đầu' is not 'đâu'", () => {
    expect(asks("em 19 tuổi muốn học nghề thì học ở đâu")).toEqual(["where"]);
    expect(asks("mấy tuổi thì được vào Đoàn")).toContain("age");
    expect(asks("đăng ký tạm trú lần đầu")).not.toContain("where");
  });
});

describe("the score", () => {
  it("When two questions are compared in either order, then the score is the same", () => {
    const pairs: [string, string][] = [
      ["em muốn đi hiến máu thì đăng ký ở đâu", "chỗ nào nhận người cho máu vậy"],
      ["thủ tục làm hộ chiếu", "làm passport ở đâu ạ"],
      ["vay vốn sinh viên lãi suất bao nhiêu", "sinh viên vay vốn bao lâu phải trả"],
    ];
    for (const [a, b] of pairs) expect(isDuplicate(a, b)).toEqual(isDuplicate(b, a));
  });
});

describe("words youth use for the same thing", () => {
  it("When the everyday, regional or abbreviated word stands for the formal one, then the questions are duplicates", () => {
    expect(dup("học lái xe ô tô hết bao nhiêu tiền", "học bằng lái ô tô mất bao nhiêu tiền vậy ad")).toBe(true);
    expect(dup("đóng bhxh bao nhiêu % lương", "đóng bảo hiểm xã hội bao nhiêu phần trăm lương")).toBe(true);
    expect(dup("muốn mở tiệm nhỏ thì xin giấy phép buôn bán ở đâu", "xin giấy phép kinh doanh ở đâu")).toBe(true);
    expect(normalize("làm căn cước răng lâu rứa")).toBe("lam can cuoc sao lau vay");
    expect(normalize("con hẻm nhà em")).toBe("con ngo nha em");
  });

  it("When the same kind of thing differs (a motorbike licence vs a car licence, one country vs another), then they are not duplicates", () => {
    expect(dup("học bằng lái xe máy hết bao nhiêu tiền", "học bằng lái ô tô hết bao nhiêu tiền")).toBe(false);
    expect(dup("đi lao động ở Đức cần học tiếng bao lâu", "đi lao động ở Úc cần học tiếng bao lâu")).toBe(false);
  });
});

describe("talking to the bot", () => {
  it("When the bot is asked for a person, its name, whether it is right, or praised, then each is one kind of small talk", () => {
    expect(smalltalk("cho mình nói chuyện với cán bộ Đoàn được không").kinds).toEqual(new Set(["human"]));
    expect(smalltalk("bot tên gì thế").kinds).toEqual(new Set(["name"]));
    expect(smalltalk("thông tin bot đưa có chính xác không").kinds).toEqual(new Set(["accuracy"]));
    expect(smalltalk("bạn thông minh ghê").kinds).toEqual(new Set(["compliment"]));
    expect(dup("good morning ad", "chào buổi sáng ad ơi")).toBe(true);
    expect(dup("bot có trực 24/24 không", "nửa đêm nhắn tin thì có ai trả lời không")).toBe(true);
    expect(dup("muốn gặp cán bộ trực tiếp", "bot tên là gì")).toBe(false);
    // the phone number and the address of the office are different questions
    expect(dup("cho xin đường dây nóng của huyện đoàn", "số điện thoại huyện đoàn là số mấy")).toBe(true);
    expect(dup("cho xin đường dây nóng của huyện đoàn", "địa chỉ văn phòng huyện đoàn ở đâu")).toBe(false);
  });

  it("When someone wishes a good evening, then it is not a question about the hours", () => {
    expect(smalltalk("chúc mọi người buổi tối vui vẻ").kinds.has("hours")).toBe(false);
  });
});
