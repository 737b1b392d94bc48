// The need bank (handlers/dialogue/nlp/needs.ts): loading and validating bank files, and the soft
// distribution over needs that lets two wordings of one need meet with no word in common. The tiny
// bank below is written for these tests; the shipped bank is only loaded and checked for format.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildNeedModel, loadNeeds, needSimilarity, parseNeeds } from "../../handlers/dialogue/nlp/needs.ts";
import { explain, isDuplicate } from "../../handlers/dialogue/nlp/similarity.ts";
import { offlinePool, rankDuplicates } from "../../handlers/dialogue/nlp/duplicates.ts";
import { SearchIndex } from "../../handlers/dialogue/nlp/search.ts";

const BANK = `# gplx-renew-procedure: how to renew an expired driving licence
Thủ tục cấp đổi giấy phép lái xe hết hạn
bằng lái hết hạn rồi đi đổi lại làm sao
GPLX hết hạn thì đổi như thế nào
cho em hỏi đổi bằng lái xe hết date phải làm gì ạ
bang lai xe cua tui het han roi doi kieu gi
tui chạy xe tải, bằng C hết hạn tháng trước, giờ muốn làm lại bằng thì làm sao
đổi bằng lái quá hạn

# gplx-renew-fee: how much renewing a driving licence costs
Lệ phí cấp đổi giấy phép lái xe là bao nhiêu
đổi bằng lái hết bao nhiêu tiền
đổi GPLX tốn nhiêu tiền vậy
phí đổi bằng lái xe bao nhiêu ạ
bằng lái hết hạn đi đổi mất mấy trăm
le phi doi bang lai bn

# unemployment-benefit-conditions: who can receive unemployment benefit
Điều kiện hưởng trợ cấp thất nghiệp là gì
nghỉ việc rồi có được lãnh tiền thất nghiệp không
mất việc thì được nhà nước cho tiền hàng tháng không, cần đủ gì
em mới nghỉ làm công ty, đóng bảo hiểm được 2 năm, vậy có được nhận tiền thất nghiệp không ạ
ai được hưởng bảo hiểm thất nghiệp
tro cap that nghiep can dieu kien gi

# greeting: the user says hello
xin chào
chào bot
hello ad ơi
alo có ai không
chào buổi sáng nha
hi bạn
`;

const model = buildNeedModel(parseNeeds(BANK, "test-bank"));
const top = (text: string) => model.needs[[...model.distribution(text)][0]?.[0] ?? -1]?.id;

describe("need bank: loading", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const bankDir = (files: Record<string, string>) => {
    const d = mkdtempSync(join(tmpdir(), "needs-"));
    dirs.push(d);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    return d;
  };

  it("When a bank file is read, then each block is a need with its id, description and paraphrases", () => {
    const needs = parseNeeds(BANK, "test-bank");
    expect(needs.map((n) => n.id)).toEqual(["gplx-renew-procedure", "gplx-renew-fee", "unemployment-benefit-conditions", "greeting"]);
    expect(needs[1]!.description).toBe("how much renewing a driving licence costs");
    expect(needs[1]!.paraphrases).toHaveLength(6);
  });

  it("When one file gives a need-id twice, then loading fails and names it", () => {
    expect(() => parseNeeds(`${BANK}\n# greeting: again\nchào\nchào bạn\nhi\n`, "x.txt")).toThrow(/"greeting" is given twice/);
  });

  it("When two files give the same need-id, then loading the folder fails and names both files", () => {
    const dir = bankDir({ "a.txt": BANK, "b.txt": "# greeting: hello\nchào\nhi\nhello\n" });
    expect(() => loadNeeds(dir)).toThrow(/"greeting" is given twice: a\.txt and b\.txt/);
  });

  it("When a header is malformed, a paraphrase comes before any header or a need has too few paraphrases, then loading fails", () => {
    expect(() => parseNeeds("# Bad Id: x\nchào\nhi\nhello\n", "x.txt")).toThrow(/malformed need header/);
    expect(() => parseNeeds("chào\n# greeting: hello\nhi\nhello\nalo\n", "x.txt")).toThrow(/before any need header/);
    expect(() => parseNeeds("# greeting: hello\nchào\n\n# bye: bye\ntạm biệt\nbye\nbai bai\n", "x.txt")).toThrow(/"greeting" has 1 paraphrases/);
  });

  it("When there is no bank folder, then there are no needs and every similarity is 0", () => {
    expect(loadNeeds(join(tmpdir(), "no-such-needs-folder"))).toEqual([]);
    expect(buildNeedModel([]).similarity("chào bot", "xin chào")).toBe(0);
  });
});

describe("need bank: similarity", () => {
  it("When a formal and an everyday wording of one need share no content word, then they land on that need and are similar", () => {
    expect(top("Thủ tục đổi GPLX quá hạn")).toBe("gplx-renew-procedure");
    expect(top("bằng lái của em hết hạn rồi giờ làm sao")).toBe("gplx-renew-procedure");
    expect(model.similarity("Điều kiện nhận trợ cấp thất nghiệp", "mất việc có được nhà nước cho tiền không")).toBeGreaterThan(0.8);
  });

  it("When two texts ask the fee and the procedure of one subject, then they are not similar", () => {
    expect(top("đổi bằng lái tốn bao nhiêu tiền")).toBe("gplx-renew-fee");
    expect(model.similarity("đổi bằng lái tốn bao nhiêu tiền", "GPLX hết hạn thì đổi ở đâu, làm sao")).toBeLessThan(0.5);
  });

  it("When two greetings are worded differently, then they are similar, and unlike a real question", () => {
    expect(model.similarity("hello bot ơi", "alo alo có ai hông")).toBeGreaterThan(0.8);
    expect(model.similarity("chào bot", "bằng lái hết hạn đổi sao")).toBeLessThan(0.2);
  });

  it("When a text says nothing the bank knows, then its distribution is empty and its similarity 0", () => {
    expect(model.distribution("xyz qwerty").size).toBe(0);
    expect(model.similarity("xyz qwerty", "chào bot")).toBe(0);
  });
});

describe("need bank: the shipped bank and the duplicate detector", () => {
  it("When the shipped bank is loaded, then it has its needs, each with enough paraphrases, and no id twice", () => {
    const needs = loadNeeds();
    expect(needs.length).toBeGreaterThan(300);
    expect(new Set(needs.map((n) => n.id)).size).toBe(needs.length);
    for (const n of needs) expect({ id: n.id, enough: n.paraphrases.length >= 8 }).toEqual({ id: n.id, enough: true });
  });

  it("When a formal term and everyday words name one need with no content word in common, then the detector calls them duplicates", () => {
    // (the lexicon alone scores this pair 0.30, under the threshold)
    expect(isDuplicate("Cấp lại giấy khai sinh bị mất", "giấy khai sanh bản gốc tui làm thất lạc rồi, giờ xin cái khác được ko").duplicate).toBe(true);
    expect(needSimilarity("Điều kiện hưởng trợ cấp thất nghiệp", "mất việc thì có được lãnh tiền hàng tháng không")).toBeGreaterThan(0.5);
  });

  it("When two wordings have no concept of the lexicon in common, then the need bank alone decides, and two different things of one kind still part them", () => {
    expect(explain("Thủ tục đăng ký tạm trú cho người thuê trọ như thế nào?", "làm KT3 ntn ad")?.f).toBe(0);
    expect(isDuplicate("Thủ tục đăng ký tạm trú cho người thuê trọ như thế nào?", "làm KT3 ntn ad").duplicate).toBe(true);
    // the bank has no need for game addiction: its nearest need (drug rehab) must not make a pair
    expect(isDuplicate("bị nghiện game thì làm sao", "người nghiện ma túy thì làm sao").duplicate).toBe(false);
  });

  it("When the lexicon reads only one side as small talk but the bank reads both clearly as one small-talk need, then they are duplicates", () => {
    expect(isDuplicate("ai làm ra con bot này vậy", "Bot này do cơ quan nào lập ra thế?").duplicate).toBe(true);
  });

  it("When a long message tells a situation before it asks, then the bank reads its asking sentence apart too", () => {
    const long = "Mình năm nay 24 tuổi, làm công nhân ở khu công nghiệp Bắc Ninh được ba năm, công ty vừa cho nghỉ việc vì cắt giảm. Giờ mình muốn xin trợ cấp thất nghiệp thì làm hồ sơ ở đâu?";
    const short = "Nộp hồ sơ hưởng trợ cấp thất nghiệp ở đâu?";
    const whole = needSimilarity(long, short);
    expect(explain(long, short)!.need).toBeGreaterThan(whole + 0.1);
    expect(isDuplicate(long, short).duplicate).toBe(true);
  });

  it("When small talk comes with a real question, then the need bank's reading of small talk does not make it small talk", () => {
    expect(isDuplicate("cảm ơn ad", "cảm ơn ad, cho em hỏi vay vốn sinh viên thế nào").duplicate).toBe(false);
  });

  it("When two questions share a subject but ask the fee and the procedure, then the detector keeps them apart", () => {
    expect(isDuplicate("Lệ phí đổi giấy phép lái xe là bao nhiêu", "Thủ tục đổi giấy phép lái xe như thế nào").duplicate).toBe(false);
    expect(isDuplicate("Đăng ký khai sinh cho con cần giấy tờ gì", "Quá hạn đăng ký khai sinh cho con có bị phạt không").duplicate).toBe(false);
  });
});

describe("need bank: the me-too pool", () => {
  it("When a member's words share none with the open question that asks the same, then the pool still holds it and it is offered", () => {
    const index = new SearchIndex<null>();
    const open = [
      "Thủ tục đăng ký tạm trú cho người thuê trọ như thế nào?",
      "Lệ phí cấp đổi giấy phép lái xe là bao nhiêu?",
      "Đoàn phí hằng tháng nộp cho ai?",
      "Xã có kế hoạch sửa đường liên thôn không?",
      "Điều kiện vay vốn khởi nghiệp cho thanh niên",
    ];
    open.forEach((t, i) => index.add(i + 1, t, null));
    const query = "làm KT3 ntn ad";
    // the words alone find nothing
    expect(index.search(query, { limit: 20 }).map((h) => h.id)).not.toContain(1);
    const pool = offlinePool(index, query);
    expect(pool).toContain(1);
    expect(rankDuplicates(query, pool.map((id) => ({ id, text: open[id - 1]! }))).map((d) => d.id)).toEqual([1]);
  });
});
