// Duplicate detection, issue 12 round 4: one kind of small talk per intent, each read in many
// wordings (accents or none, teen code), and the concept lexicon extended by administrative field
// (civil status, residence, social insurance, business, military service, Party and Union, drugs,
// fines…) with the everyday words for each. Sentences written for these tests, not taken from
// any evaluation set.
import { describe, expect, it } from "vitest";
import { parse } from "../../handlers/dialogue/nlp/question.ts";
import { isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { smalltalk } from "../../handlers/dialogue/nlp/smalltalk.ts";

const dup = (a: string, b: string) => isDuplicate(a, b).duplicate;
const kinds = (text: string) => [...smalltalk(text).kinds];

/** Intent → wordings that must all be read as that one kind of pure small talk. */
const INTENTS: Record<string, string[]> = {
  greet: ["chào ad", "hello bot nha", "alo alo", "xin chao moi nguoi"],
  thanks: ["cảm ơn ad nhiều", "tks nha", "thank you bot", "cam on ban nhe", "ok cảm ơn, hay lắm luôn"],
  compliment: ["bot hay quá", "bạn thông minh ghê", "bot dễ thương vậy", "10 điểm cho bot"],
  bye: ["tạm biệt nha", "bye ad", "thôi em off nha", "hẹn gặp lại ad", "mai nói chuyện tiếp nhé bot"],
  goodnight: ["chúc ad ngủ ngon", "ngu ngon nha bot", "khuya rồi, em đi ngủ đây", "g9 bot"],
  name: ["bạn tên gì", "ten cua ban la gi vay", "ad tên j z", "bot có tên không"],
  identity: ["bạn là người hay máy", "ad là người thật hả", "mình đang chat với robot à"],
  chatgpt: ["bạn có phải chatgpt không", "bot này xài gpt hả", "bot dùng AI gì vậy", "có phải gemini không"],
  capability: ["bạn làm được những gì", "bot này giúp được mình việc gì", "bot này dùng để làm gì", "hướng dẫn em cách dùng bot"],
  privacy: ["tin nhắn của em có bị lộ ra ngoài không", "thông tin mình gửi có được bảo mật không", "ai đọc được tin nhắn này"],
  delete_data: ["xóa lịch sử chat giúp em", "làm sao xóa hết tin nhắn cũ", "muốn xoá dữ liệu của mình"],
  complaint: ["bot trả lời sai bét", "trả lời linh tinh", "bot ngu quá", "chả hiểu gì cả, dở tệ"],
  apology: ["xin lỗi ad", "sr em nhắn nhầm", "sorry gửi lộn tin"],
  love: ["bot có người yêu chưa", "ad có ny chưa", "bạn có bồ chưa dzậy"],
  bot_age: ["bạn bao nhiêu tuổi", "bot nhiêu tuổi r", "ad mấy tuổi rồi"],
  wellbeing: ["bạn khỏe không", "dạo này ad khỏe hông"],
  ack: ["ok em hiểu rồi", "dạ vâng", "oki em hiểu r"],
};

describe("small talk by intent", () => {
  it("When an intent is worded in many ways, then every wording is read as that one kind of small talk", () => {
    for (const [intent, texts] of Object.entries(INTENTS)) {
      for (const t of texts) {
        expect({ t, kinds: kinds(t), pure: smalltalk(t).pure }).toEqual({ t, kinds: [intent], pure: true });
      }
    }
  });

  it("When two messages carry the same intent, then they are duplicates; different intents are not", () => {
    const names = Object.keys(INTENTS);
    for (const [i, intent] of names.entries()) {
      const [a, b] = INTENTS[intent]!;
      expect({ a, b, dup: dup(a!, b!) }).toEqual({ a, b, dup: true });
      const other = INTENTS[names[(i + 1) % names.length]!]![0]!;
      expect({ a, other, dup: dup(a!, other) }).toEqual({ a, other, dup: false });
    }
  });

  it("When small talk comes with a real question, then it is the question that counts", () => {
    expect(smalltalk("chào ad, học phí đại học bao nhiêu").pure).toBe(false);
    expect(smalltalk("cảm ơn ad, cho em hỏi vay vốn sinh viên thế nào").pure).toBe(false);
    expect(smalltalk("bị lộ thông tin cá nhân thì báo ở đâu").pure).toBe(false);
    expect(dup("cảm ơn ad", "cảm ơn ad, cho em hỏi vay vốn sinh viên thế nào")).toBe(false);
    // a word left over that names a subject makes it a question, however few words are left
    expect(smalltalk("nhà em nghèo có được hỗ trợ gì không").pure).toBe(false);
    expect(smalltalk("muốn vào đảng thì phải làm gì").pure).toBe(false);
    // "có ai không" asks whether someone is there, not about anyone's love life
    expect(kinds("alo có ai không")).toEqual(["presence"]);
  });
});

describe("administrative terms and the everyday words for them", () => {
  it("When a formal term meets the everyday words for it, then they are duplicates", () => {
    const pairs: [string, string][] = [
      ["đăng ký khai tử cho người thân ở đâu", "ông nội em mới qua đời thì làm giấy báo tử ở đâu ạ"],
      ["thủ tục xin giấy xác nhận tình trạng hôn nhân", "muốn xin giấy chứng nhận độc thân thì làm sao"],
      ["thủ tục rút bảo hiểm xã hội một lần", "nghỉ làm công ty rồi muốn chốt sổ rút bảo hiểm thì làm sao"],
      ["thủ tục xin miễn nghĩa vụ quân sự", "làm sao để được miễn đi bộ đội"],
      ["chính sách hỗ trợ bộ đội xuất ngũ học nghề", "mới ra quân về thì có được hỗ trợ học nghề không"],
      ["điều kiện kết nạp vào Đảng", "muốn vô đảng cần những gì"],
      ["trợ cấp cho người khuyết tật bao nhiêu một tháng", "tiền khuyết tật mỗi tháng được nhiêu"],
      ["điều kiện vay vốn học sinh sinh viên", "muốn vay tiền đi học đại học thì cần gì"],
      ["thủ tục đăng ký cai nghiện tự nguyện", "nhà có người nghiện muốn cho đi cai thì đăng ký thế nào"],
      ["mức đóng bảo hiểm xã hội tự nguyện", "tự đóng bảo hiểm thì mỗi tháng đóng bao nhiêu"],
      ["thủ tục đăng ký hộ kinh doanh", "mở quán cà phê nhỏ thì xin giấy phép kinh doanh thế nào"],
      ["điều kiện mua nhà ở xã hội", "muốn mua chung cư giá rẻ của nhà nước cần điều kiện gì"],
      ["hướng dẫn phân loại rác tại nguồn", "rác trong nhà phải chia ra mấy loại vậy"],
    ];
    for (const [a, b] of pairs) expect({ a, b, dup: dup(a, b) }).toEqual({ a, b, dup: true });
  });

  it("When two things of one field differ, then they are not duplicates", () => {
    const pairs: [string, string][] = [
      ["đăng ký khai sinh ở đâu", "đăng ký khai tử ở đâu"],
      ["thủ tục rút bảo hiểm xã hội một lần", "điều kiện hưởng lương hưu"],
      ["xin tạm hoãn nghĩa vụ quân sự", "xin miễn nghĩa vụ quân sự"],
      ["thủ tục ly hôn", "thủ tục đăng ký kết hôn"],
      ["chuyển sinh hoạt đảng cần giấy tờ gì", "chuyển sinh hoạt đoàn cần giấy tờ gì"],
      ["tiêu chuẩn học sinh 3 tốt", "tiêu chuẩn sinh viên 5 tốt"],
      ["tiêu chuẩn sức khỏe đi nghĩa vụ quân sự", "tiêu chuẩn sức khỏe thi vào trường sĩ quan quân đội"],
      ["tra cứu phạt nguội ở đâu", "nộp phạt nguội ở đâu"],
      ["bị nghiện game thì làm sao", "người nghiện ma túy thì làm sao"],
    ];
    for (const [a, b] of pairs) expect({ a, b, dup: dup(a, b) }).toEqual({ a, b, dup: false });
  });

  it("When a question is a bare noun phrase, then its head is what it asks: 'lệ phí X' asks how much", () => {
    expect([...parse("lệ phí đăng ký kết hôn").asks]).toEqual(["quantity"]);
    expect(dup("lệ phí đăng ký kết hôn", "đăng ký kết hôn ở đâu")).toBe(false);
    expect(dup("lệ phí đăng ký kết hôn", "đăng ký kết hôn mất bao nhiêu tiền")).toBe(true);
    // "chưa làm bao giờ" is never, not when; "mấy cái gì" asks what
    expect([...parse("làm giấy tờ online thế nào, em chưa làm bao giờ").asks]).toEqual(["how"]);
    expect(parse("muốn vô đoàn phải đạt mấy cái gì").asks.has("quantity")).toBe(false);
  });
});
