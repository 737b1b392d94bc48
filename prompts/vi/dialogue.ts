/** Texts of the dialogue Q&A "Đảng với thanh niên" (Vietnamese, shown to users). */
import { typedWords } from "./commands.ts";

/** The shipped default topics (see reference/topics.md); seeded into the Topic table at start. */
export const defaultTopics: { key: string; label: string; description: string }[] = [
  {
    key: "viec_lam",
    label: "Việc làm, nghề nghiệp",
    description:
      "Việc làm, sàn giao dịch việc làm, học nghề, hướng nghiệp, xuất khẩu lao động, tiền lương, hợp đồng lao động",
  },
  {
    key: "khoi_nghiep",
    label: "Khởi nghiệp, vốn vay, kinh tế",
    description:
      "Khởi nghiệp, mô hình kinh tế thanh niên, tổ hợp tác, vay vốn ưu đãi (Ngân hàng Chính sách xã hội, tổ tiết kiệm và vay vốn), sản phẩm OCOP, đầu ra nông sản",
  },
  {
    key: "hoc_tap",
    label: "Học tập, đào tạo",
    description: "Học tập, học bổng, tuyển sinh đại học, ngoại ngữ, tin học, “Sinh viên 5 tốt”, điều kiện học tập",
  },
  {
    key: "can_bo_tre",
    label: "Cán bộ trẻ, tuyển dụng",
    description:
      "Tuyển dụng công chức, viên chức; bổ nhiệm, luân chuyển cán bộ trẻ; thu hút sinh viên giỏi về địa phương; đào tạo lý luận chính trị",
  },
  {
    key: "dang_doan",
    label: "Xây dựng Đảng, Đoàn",
    description:
      "Vào Đảng (lớp nhận thức về Đảng, đoàn viên ưu tú), kết nạp Đoàn, đoàn phí, chuyển sinh hoạt Đoàn, sinh hoạt chi đoàn, xếp loại đoàn viên, phần mềm quản lý đoàn viên",
  },
  {
    key: "an_sinh",
    label: "An sinh xã hội, y tế",
    description: "Bảo hiểm xã hội, bảo hiểm y tế, trợ giúp xã hội, nhà ở, hỗ trợ hộ nghèo và người khó khăn, chăm sóc sức khỏe",
  },
  {
    key: "phap_luat",
    label: "Pháp luật, an ninh trật tự",
    description:
      "Pháp luật, trật tự xã hội, tội phạm và tệ nạn (ma túy, cờ bạc), an toàn giao thông, lừa đảo qua mạng, đất đai, thủ tục hành chính",
  },
  {
    key: "moi_truong",
    label: "Môi trường, nông thôn mới, đô thị",
    description: "Môi trường, rác thải, nhựa, biến đổi khí hậu, nông thôn mới, đô thị văn minh, nước sạch, hạ tầng địa phương",
  },
  {
    key: "tinh_nguyen_van_hoa",
    label: "Tình nguyện, văn hóa, thể thao",
    description: "Chiến dịch tình nguyện (Mùa hè xanh, hiến máu), văn hóa, văn nghệ, thể thao, sân chơi, giải trí, câu lạc bộ thanh niên",
  },
  {
    key: "chuyen_doi_so",
    label: "Chuyển đổi số",
    description:
      "Kỹ năng số, dịch vụ công trực tuyến, thanh toán điện tử, Tổ công nghệ số cộng đồng, ứng dụng “Thanh niên Việt Nam”",
  },
  { key: "khac", label: "Khác", description: "Những nội dung không thuộc các chủ đề trên" },
];

/**
 * Offline moderation list: abusive words and phrases, matched on whole words of the
 * lower-cased text (with diacritics). Unaccented slang abbreviations are listed separately
 * and matched as whole words too. Installations may extend it.
 */
export const abusiveWords: string[] = [
  "địt",
  "đụ",
  "đéo",
  "đếch",
  "lồn",
  "buồi",
  "cặc",
  "đĩ",
  "con đĩ",
  "đồ chó",
  "thằng chó",
  "con chó",
  "óc chó",
  "ngu như chó",
  "ngu như bò",
  "súc vật",
  "mẹ mày",
  "bố mày",
  "cha mày",
  "đồ khốn",
  "khốn nạn",
  "mất dạy",
  "vô học",
  "đồ ngu",
  "thằng ngu",
  "con ngu",
  "cút đi",
  "chết mẹ",
  "vãi lồn",
  "vãi cả lồn",
  "đù má",
  "đù mẹ",
  "đmm",
  "đcm",
  "đkm",
  "đm",
];

export const abusiveAbbreviations: string[] = ["dm", "dmm", "dcm", "dcmm", "dkm", "vcl", "vkl", "vcc", "clgt", "dit", "du ma", "loz"];

/** Words typed after /danhgia <id>, and the keyword that removes a routing rule. */
export const dialogueKeywords = {
  /** "/congbo <số> hoi …", "/congbo <số> traloi …", "/congbo <số> ok". */
  publishQuestion: ["hoi", "hỏi", "cauhoi", "câu hỏi"],
  publishAnswer: ["traloi", "trả lời", "tra loi"],
  publishOk: ["ok", "dongy", "đồng ý", "congbo", "công bố"],
  useful: ["huuich", "hữu ích", "huu ich", "1"],
  unclear: ["chuaro", "chưa rõ", "chua ro", "2"],
  remove: typedWords.remove,
  all: "*",
} as const;

const plural = (n: number) => n.toLocaleString("vi-VN");

/**
 * How a question is named to people: its number for a named question, a random reference
 * such as "A123456" for an anonymous one (the order of arrival never shows).
 */
export type QRef = number | string;

export const dialogueText = {
  // ----- asking -----
  askUsage: "Cách dùng: /hoi <nội dung câu hỏi>\nVí dụ: /hoi Thanh niên muốn vay vốn khởi nghiệp thì cần thủ tục gì?",
  askAnonUsage:
    "Cách dùng: /hoian <nội dung câu hỏi>\nCâu hỏi ẩn danh: cán bộ trả lời không biết bạn là ai, nhưng bạn vẫn nhận được câu trả lời.",
  noUnit: "Bạn chưa thuộc đơn vị nào nên chưa gửi câu hỏi được. Gõ /start để chọn đơn vị của bạn.",
  tooLong: (max: number) =>
    `Câu hỏi quá dài (tối đa ${plural(max)} ký tự). Bạn vui lòng rút gọn hoặc tách thành nhiều câu hỏi.`,
  tooShort: "Câu hỏi quá ngắn, cán bộ khó hiểu ý bạn. Bạn vui lòng viết rõ hơn (ít nhất vài từ).",
  abusive:
    "Câu hỏi có từ ngữ không phù hợp nên chưa được gửi. Bạn vui lòng viết lại lịch sự, cán bộ Đoàn sẽ sẵn lòng trả lời.",
  spamLinks: "Câu hỏi chứa nhiều đường dẫn nên bị coi là tin rác và chưa được gửi. Bạn vui lòng viết rõ nội dung cần hỏi.",
  spamRepeat: (id: QRef) => `Bạn đã gửi câu hỏi này rồi (số ${id}). Gõ /cauhoi để xem tình trạng.`,
  spamNoise: "Nội dung này không giống một câu hỏi nên chưa được gửi. Bạn vui lòng viết rõ điều cần hỏi.",
  tooManyOpen: (max: number) =>
    `Bạn đang có ${plural(max)} câu hỏi chưa được trả lời — mức tối đa cùng lúc. Bạn vui lòng chờ câu trả lời rồi hỏi tiếp. Gõ /cauhoi để xem tình trạng.`,
  noCadre: "Hiện chưa có cán bộ nào nhận câu hỏi cho đơn vị của bạn. Câu hỏi đã được lưu và sẽ được chuyển khi có cán bộ phụ trách.",
  sent: (id: QRef, topic: string, unit: string, due: string) =>
    `Đã gửi câu hỏi số ${id} (chủ đề: ${topic}) đến ${unit}. Hạn trả lời: ${due}.\nBạn sẽ nhận câu trả lời tại đây. Gõ /cauhoi để xem tình trạng.`,
  sentAnon: (ref: QRef, topic: string, unit: string, due: string) =>
    `Đã gửi câu hỏi ẩn danh số ${ref} (chủ đề: ${topic}) đến ${unit}. Hạn trả lời: ${due}.\nCán bộ không biết bạn là ai; bạn vẫn nhận câu trả lời tại đây. Gõ /cauhoi để xem tình trạng.`,
  anonBatchNote: (minutes: number) =>
    `Để không ai đoán được người hỏi qua thời điểm gửi, câu hỏi ẩn danh được chuyển cho cán bộ theo đợt (${plural(minutes)} phút một lần).`,
  sessionNote: (title: string) => `Câu hỏi cũng được đưa vào phiên đối thoại “${title}”.`,
  sessionPending: "Câu hỏi sẽ hiện trên màn hình phiên sau khi ban tổ chức duyệt.",

  // ----- offering plain text as a question -----
  offer: (text: string) => `Gửi câu hỏi này?\n\n“${text}”`,
  offerSend: "📨 Gửi câu hỏi",
  offerAnon: "🕶 Gửi ẩn danh",
  offerNo: "Không",
  offerHint: "(Hoặc gõ /gui để gửi, /guian để gửi ẩn danh, /huy để thôi.)",
  nothingPending: "Không có câu hỏi nào đang chờ gửi. Gõ /hoi <nội dung câu hỏi> để hỏi.",
  notSent: "Đã thôi, câu hỏi không được gửi.",

  // ----- duplicates -----
  similarHeader: "Có thể điều bạn hỏi đã có câu trả lời hoặc đang được người khác hỏi:",
  similarFaq: (question: string, answer: string) => `📖 Hỏi đáp: ${question}\n💬 ${answer}`,
  similarOpenAnon: (id: QRef, topic: string, gist: string, joiners: number) =>
    `❓ Câu hỏi ẩn danh số ${id} (đang chờ trả lời${joiners > 0 ? `, ${plural(joiners)} người cùng hỏi` : ""}) về ${topic}${gist ? `, cùng nói về: ${gist}` : ""}`,
  similarOpen: (id: QRef, question: string, joiners: number) =>
    `❓ Câu hỏi số ${id} (đang chờ trả lời${joiners > 0 ? `, ${plural(joiners)} người cùng hỏi` : ""}): ${question}`,
  similarFooter: "Bạn chọn một trong các cách dưới đây (hoặc gõ /cunghoi <số>, /gui, /huy).",
  choiceDone: "✅ Đã có câu trả lời",
  choiceMeToo: (id: QRef) => `🙋 Tôi cũng hỏi vậy (số ${id})`,
  choiceSendAnyway: "📨 Vẫn gửi",
  doneThanks: "Rất vui vì bạn đã tìm được câu trả lời. Gõ /faq <từ khóa> để tìm thêm.",
  meTooUsage: "Cách dùng: /cunghoi <số câu hỏi> — cùng hỏi một câu đang chờ trả lời để nhận câu trả lời.",
  meTooJoined: (id: QRef) => `Đã ghi nhận bạn cùng hỏi câu số ${id}. Bạn sẽ nhận câu trả lời khi cán bộ trả lời.`,
  meTooAlready: (id: QRef) => `Bạn đã cùng hỏi câu số ${id} rồi.`,
  meTooOwn: (id: QRef) => `Câu số ${id} là câu hỏi của chính bạn.`,
  meTooNotOpen: (id: QRef) => `Câu hỏi số ${id} không còn chờ trả lời.`,
  meTooAnswered: (id: QRef, answer: string) => `Câu hỏi số ${id} đã được trả lời:\n\n${answer}`,

  // ----- cadre side -----
  anonymous: "ẩn danh",
  newQuestion: (id: QRef, topic: string, asker: string, due: string, text: string) =>
    `📩 Câu hỏi mới #${id} · ${topic}\nNgười hỏi: ${asker}\nHạn trả lời: ${due}\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung> · Chuyển: /chuyen ${id} <mã đơn vị hoặc chủ đề> [lý do]`,
  transferredIn: (id: QRef, topic: string, asker: string, due: string, text: string, from: string, reason: string) =>
    `🔀 Câu hỏi #${id} được chuyển đến bạn từ ${from}${reason ? ` (lý do: ${reason})` : ""} · ${topic}\nNgười hỏi: ${asker}\nHạn trả lời: ${due}\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  escalatedIn: (id: QRef, topic: string, asker: string, due: string, text: string, from: string) =>
    `⏫ Câu hỏi #${id} quá hạn ở ${from} nên được chuyển lên đơn vị bạn · ${topic}\nNgười hỏi: ${asker}\nHạn trả lời mới: ${due}\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  escalatedAway: (id: QRef, to: string) => `Câu hỏi #${id} đã quá hạn trả lời và được chuyển lên ${to}.`,
  stillOverdue: (id: QRef, due: string, text: string) =>
    `⚠️ Câu hỏi #${id} vẫn chưa được trả lời dù đã quá hạn. Hạn mới: ${due}.\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  reminder: (id: QRef, due: string, text: string) =>
    `⏰ Nhắc việc: câu hỏi #${id} cần được trả lời trước ${due}.\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  reopened: (id: QRef, due: string, text: string) =>
    `↩️ Người hỏi chưa rõ câu trả lời cho câu hỏi #${id} và cần giải thích thêm. Hạn mới: ${due}.\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  followUp: (id: QRef, text: string) => `💬 Người hỏi bổ sung cho câu hỏi #${id}:\n\n${text}\n\nTrả lời: /traloi ${id} <nội dung>`,
  btnAnswer: "✍️ Trả lời",
  btnTransfer: "🔀 Chuyển",
  btnMerge: "🔗 Gộp",
  /** A question came with photos or documents: the cadre is told how many (each follows as its own message when more than one). */
  withFiles: (n: number) => `📎 Kèm ${plural(n)} ảnh/tệp.`,
  fileCaption: (id: QRef, i: number, n: number) => `📎 Ảnh/tệp ${i}/${n} kèm câu hỏi #${id}`,
  followUpFileCaption: (id: QRef) => `📎 Ảnh/tệp kèm phần bổ sung của câu hỏi #${id}`,
  anonNoDocuments:
    "Câu hỏi ẩn danh chỉ kèm được ảnh, không kèm tệp tài liệu (tên và thông tin trong tệp có thể cho biết bạn là ai). Bạn gửi lại câu hỏi không kèm tệp, hoặc gửi có tên bằng /hoi.",
  fileOnlyFollowUp: "(ảnh/tệp kèm theo)",

  // ----- merging -----
  mergeUsage:
    "Cách dùng: /gop <số câu giữ lại> <số câu gộp vào>\nCâu thứ hai được gộp vào câu thứ nhất: người hỏi câu thứ hai (và những người cùng hỏi) nhận chung câu trả lời của câu thứ nhất.\nVí dụ: /gop 12 15",
  mergeSame: "Hai số câu hỏi trùng nhau: bạn chọn hai câu hỏi khác nhau.",
  mergeNotOpen: (id: QRef) => `Câu hỏi #${id} không còn chờ trả lời nên không gộp được.`,
  mergeTargetGone: (id: QRef) => `Câu hỏi #${id} đã được gộp vào câu khác hoặc đã bị ẩn: bạn chọn câu hỏi khác để giữ lại.`,
  merged: (into: QRef, from: QRef, people: number) =>
    `Đã gộp câu hỏi #${from} vào câu hỏi #${into}: ${plural(people)} người sẽ nhận chung câu trả lời của câu #${into}.`,
  mergedAnswered: (into: QRef, from: QRef, people: number) =>
    `Đã gộp câu hỏi #${from} vào câu hỏi #${into}. Câu #${into} đã có câu trả lời nên đã gửi ngay cho ${plural(people)} người.`,
  mergePrompt: (id: QRef) => `Gộp câu hỏi #${id} vào câu hỏi nào? Gõ số câu hỏi giữ lại (gõ /huy để thôi).`,
  mergeSuggest: "Các câu hỏi giống câu này đang chờ trả lời:",
  mergeSuggestItem: (id: QRef, text: string) => `#${id}: ${text}`,
  btnMergeInto: (id: QRef) => `🔗 Gộp vào #${id}`,
  mergedAsker: (from: QRef, into: QRef) =>
    `Câu hỏi số ${from} của bạn trùng nội dung với câu hỏi số ${into} nên cán bộ đã gộp hai câu lại. Bạn sẽ nhận câu trả lời chung ngay khi có.`,
  mergedAskerAnswered: (from: QRef, into: QRef) =>
    `Câu hỏi số ${from} của bạn trùng nội dung với câu hỏi số ${into} đã được trả lời, nên cán bộ đã gộp hai câu lại. Câu trả lời gửi bạn ngay sau đây.`,

  // ----- follow-ups (asked for by joiners) -----
  btnFollowUps: "🔔 Nhận cả trả lời bổ sung",
  joinerFollowHint: (id: QRef) =>
    `Nếu người hỏi cần giải thích thêm, bạn có muốn nhận cả phần trả lời bổ sung? Bấm nút dưới đây hoặc gõ /nhanthem ${id}.`,
  followUpsUsage: "Cách dùng: /nhanthem <số câu hỏi bạn cùng hỏi> — nhận cả các phần trả lời bổ sung của câu hỏi đó.",
  followUpsOn: (id: QRef) => `Đã ghi nhận: bạn sẽ nhận cả các phần trả lời bổ sung của câu hỏi số ${id}.`,
  followUpsNotJoined: (id: QRef) => `Bạn chưa cùng hỏi câu số ${id} (gõ /cunghoi ${id} để cùng hỏi).`,
  answerFollowUpToAsker: (id: QRef, question: string, followUp: string, answer: string, signature: string) =>
    `📬 Trả lời phần hỏi thêm của câu hỏi số ${id}:\n“${question}”\n\nBạn hỏi thêm: “${followUp}”\n\n${answer}\n\n— ${signature}`,
  answerFollowUpToJoiner: (id: QRef, question: string, followUp: string, answer: string, signature: string) =>
    `📬 Trả lời bổ sung cho câu hỏi số ${id} bạn cùng hỏi (người hỏi cần giải thích thêm):\n“${question}”\n\nHỏi thêm: “${followUp}”\n\n${answer}\n\n— ${signature}`,

  // ----- delivery, told truthfully -----
  deliveredAsker: (id: QRef) => `✅ Người hỏi đã nhận câu trả lời cho câu hỏi #${id}.`,
  deliveryBlocked: (id: QRef) =>
    `⚠️ Không gửi được câu trả lời cho câu hỏi #${id}: người hỏi đã chặn bot hoặc không còn nhận tin. Câu trả lời vẫn được lưu (có thể công bố bằng /congbo ${id}).`,
  deliveryFailed: (id: QRef) =>
    `⚠️ Nền tảng nhắn tin từ chối gửi câu trả lời cho câu hỏi #${id} đến người hỏi. Câu trả lời vẫn được lưu (có thể công bố bằng /congbo ${id}).`,
  askerUnreachable: (id: QRef) =>
    `⚠️ Câu trả lời cho câu hỏi #${id} đã được lưu nhưng không gửi được: người hỏi không còn liên lạc được qua bot (đã chặn bot hoặc xóa dữ liệu).`,

  // ----- queue -----
  queueEmpty: "Không có câu hỏi nào đang chờ bạn hoặc đơn vị bạn trả lời. 👏",
  queueHeader: (shown: number, total: number) =>
    total > shown ? `Câu hỏi đang chờ trả lời (${plural(shown)}/${plural(total)}, cũ nhất trước):` : `Câu hỏi đang chờ trả lời (${plural(total)}, cũ nhất trước):`,
  queueItem: (id: QRef, topic: string, age: string, due: string, overdue: boolean, asker: string, holder: string | null, text: string) =>
    `#${id} · ${topic} · đã chờ ${age} · hạn ${due}${overdue ? " ⚠️ quá hạn" : ""}\nNgười hỏi: ${asker}${holder ? ` · đang giao: ${holder}` : ""}\n${text}`,
  queueFooter: "Trả lời: /traloi <số> <nội dung> · Chuyển: /chuyen <số> <mã đơn vị hoặc chủ đề> [lý do]",
  unassigned: "chưa giao",
  age: (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days > 0) return hours > 0 ? `${days} ngày ${hours} giờ` : `${days} ngày`;
    if (hours > 0) return `${hours} giờ`;
    return `${minutes} phút`;
  },

  // ----- answering -----
  answerUsage: "Cách dùng: /traloi <số câu hỏi> <nội dung trả lời>",
  badId: "Số câu hỏi không hợp lệ. Ví dụ: /traloi 12 Nội dung trả lời… (câu hỏi ẩn danh: /traloi A123456 Nội dung trả lời…)",
  notFound: (id: QRef) => `Không tìm thấy câu hỏi số ${id}.`,
  notYours: (id: QRef) =>
    `Bạn không phụ trách câu hỏi #${id}. Chỉ cán bộ được giao hoặc cán bộ của đơn vị đang giữ câu hỏi (và cấp trên) mới trả lời được.`,
  notOpen: (id: QRef) => `Câu hỏi #${id} không còn chờ trả lời (đã được trả lời hoặc đã đóng).`,
  answerTooLong: (max: number) => `Câu trả lời quá dài (tối đa ${plural(max)} ký tự). Bạn vui lòng rút gọn.`,
  answerEmpty: "Câu trả lời trống. Bạn vui lòng nhập nội dung.",
  answerPrompt: (id: QRef, text: string) =>
    `Nhập nội dung trả lời cho câu hỏi #${id} (gõ /huy để thôi):\n\n${text}`,
  draftHeader: "Gợi ý soạn sẵn từ các câu trả lời đã công bố — bạn kiểm tra, chỉnh sửa rồi gửi; gợi ý KHÔNG được gửi cho người hỏi:",
  answered: (id: QRef, recipients: number) =>
    `Đã lưu câu trả lời cho câu hỏi #${id} và đang gửi đến người hỏi${recipients > 1 ? ` cùng ${plural(recipients - 1)} người cùng hỏi` : ""}; bot sẽ báo lại khi người hỏi đã nhận hoặc nếu không gửi được. Gõ /congbo ${id} để công bố lên hỏi đáp chung.`,
  defaultSignature: (name: string) => `${name}, cán bộ Đoàn`,
  answerToAsker: (id: QRef, question: string, answer: string, signature: string) =>
    `📬 Trả lời câu hỏi số ${id}:\n“${question}”\n\n${answer}\n\n— ${signature}`,
  answerToJoiner: (id: QRef, question: string, answer: string, signature: string) =>
    `📬 Câu hỏi số ${id} bạn cùng hỏi đã có trả lời:\n“${question}”\n\n${answer}\n\n— ${signature}`,
  rateAsk: (id: QRef) => `Câu trả lời có giúp được bạn không? (hoặc gõ /danhgia ${id} huuich hoặc /danhgia ${id} chuaro)`,
  btnUseful: "👍 Hữu ích",
  btnUnclear: "🤔 Chưa rõ",

  // ----- rating -----
  rateUsage: "Cách dùng: /danhgia <số câu hỏi> huuich|chuaro",
  rateNotYours: (id: QRef) => `Bạn chỉ đánh giá được câu trả lời cho câu hỏi của chính mình (câu số ${id} không phải).`,
  rateNotAnswered: (id: QRef) => `Câu hỏi số ${id} chưa có câu trả lời để đánh giá.`,
  rateThanks: "Cảm ơn bạn đã đánh giá! 🙏",
  rateAlready: "Bạn đã đánh giá câu trả lời này rồi. Cảm ơn bạn!",
  reopenAsk: (id: QRef) =>
    `Câu hỏi số ${id} đã được mở lại và chuyển về cán bộ đã trả lời. Bạn gõ điều còn chưa rõ để cán bộ giải thích thêm (hoặc /huy nếu không cần):`,
  followUpSent: "Đã chuyển phần bổ sung của bạn đến cán bộ phụ trách.",

  // ----- transfer -----
  transferUsage:
    "Cách dùng: /chuyen <số câu hỏi> <mã đơn vị hoặc chủ đề> [lý do]\nVí dụ: /chuyen 12 viec_lam Thuộc lĩnh vực việc làm",
  transferPrompt: (id: QRef, topics: string) =>
    `Chuyển câu hỏi #${id}: gõ <mã đơn vị hoặc chủ đề> [lý do] (gõ /huy để thôi).\nChủ đề: ${topics}`,
  unknownTarget: (t: string) => `Không có đơn vị hay chủ đề nào có mã “${t}”.`,
  targetNoCadre: (unit: string) => `${unit} chưa có cán bộ nhận câu hỏi. Bạn chọn đơn vị khác.`,
  transferSame: "Câu hỏi đã ở đúng chỗ này, không có cán bộ khác để chuyển.",
  transferred: (id: QRef, unit: string, holder: string) => `Đã chuyển câu hỏi #${id} đến ${unit} (${holder}).`,
  transferredAsker: (id: QRef, unit: string, due: string) =>
    `Câu hỏi số ${id} của bạn đã được chuyển đến ${unit} để trả lời đúng thẩm quyền. Hạn trả lời: ${due}.`,
  reasonTooLong: "Lý do quá dài (tối đa 500 ký tự).",

  // ----- escalation (asker side) -----
  lateAsker: (id: QRef, unit: string, due: string) =>
    `Xin lỗi, câu hỏi số ${id} của bạn chưa được trả lời đúng hạn. Câu hỏi đã được chuyển lên ${unit} để trả lời; hạn mới: ${due}.`,
  lateAskerSame: (id: QRef, unit: string, due: string) =>
    `Xin lỗi, câu hỏi số ${id} của bạn chưa được trả lời đúng hạn. ${unit} đang tiếp tục xử lý; hạn mới: ${due}.`,

  // ----- my questions -----
  mineEmpty: "Bạn chưa gửi câu hỏi nào. Gõ /hoi <nội dung> để hỏi.",
  mineHeader: "Câu hỏi của bạn (mới nhất trước):",
  mineItem: (id: QRef, anon: boolean, status: string, topic: string, date: string, text: string) =>
    `Số ${id}${anon ? " (ẩn danh)" : ""} · ${status} · ${topic} · ${date}\n${text}`,
  status: {
    open: "⏳ đang chờ trả lời",
    answered: "✅ đã trả lời",
    closed: "☑️ đã đóng",
    hidden: "🚫 đã ẩn",
    merged: "🔗 đã gộp",
  } as Record<string, string>,
  mergedInto: (into: QRef) => `gộp vào câu số ${into}`,
  joinedHeader: "Câu hỏi bạn cùng hỏi (“tôi cũng hỏi vậy”):",
  joinedItem: (id: QRef, status: string, topic: string, text: string, followUps: boolean) =>
    `Số ${id} · ${status} · ${topic}${followUps ? " · 🔔 nhận cả trả lời bổ sung" : ""}\n${text}`,
  joinedAnonItem: (id: QRef, status: string, topic: string, followUps: boolean) =>
    `Số ${id} (ẩn danh) · ${status} · ${topic}${followUps ? " · 🔔 nhận cả trả lời bổ sung" : ""}`,
  dueLine: (due: string) => `hạn ${due}`,

  // ----- FAQ -----
  publishUsage:
    "Cách dùng: /congbo <số câu hỏi>\nSửa trước khi công bố: /congbo <số> hoi <câu hỏi đã sửa> · /congbo <số> traloi <câu trả lời đã sửa> · Công bố: /congbo <số> ok",
  publishPreview: (id: QRef, question: string, answer: string) =>
    `Xem trước nội dung công bố câu hỏi #${id} lên hỏi đáp chung. Bạn kiểm tra và bỏ thông tin cá nhân (tên, số điện thoại, địa chỉ…) trước khi công bố:\n\n❓ ${question}\n\n💬 ${answer}`,
  publishHint: (id: QRef) => `Sửa: /congbo ${id} hoi <câu hỏi đã sửa> · /congbo ${id} traloi <câu trả lời đã sửa> · Công bố: /congbo ${id} ok`,
  btnPublish: "📢 Công bố",
  btnEditQuestion: "✏️ Sửa câu hỏi",
  btnEditAnswer: "✏️ Sửa câu trả lời",
  btnCancel: "Thôi",
  publishEditQuestion: (id: QRef) => `Gõ câu hỏi #${id} như sẽ công bố (gõ /huy để thôi):`,
  publishEditAnswer: (id: QRef) => `Gõ câu trả lời cho câu hỏi #${id} như sẽ công bố (gõ /huy để thôi):`,
  publishTooLong: (max: number) => `Nội dung quá dài (tối đa ${plural(max)} ký tự).`,
  publishCancelled: "Đã thôi, chưa công bố gì.",
  publishNothing: "Không có nội dung nào đang chờ công bố. Gõ /congbo <số câu hỏi> để bắt đầu.",
  followUpInFaq: (followUp: string, answer: string) => `Hỏi thêm: ${followUp}\nTrả lời: ${answer}`,
  publishedAsker: (id: QRef) =>
    `📢 Câu hỏi số ${id} của bạn và câu trả lời đã được công bố trong mục hỏi đáp chung (không nêu tên bạn) để giúp các bạn khác. Gõ /faq để xem.`,
  publishNotAnswered: (id: QRef) => `Câu hỏi #${id} chưa có câu trả lời nên chưa công bố được.`,
  published: (id: QRef, unit: string) => `Đã công bố câu hỏi #${id} lên hỏi đáp chung — mọi đơn vị thuộc ${unit} đều xem được (người hỏi không được nêu tên).`,
  republished: (id: QRef, unit: string) => `Đã cập nhật câu hỏi #${id} trên hỏi đáp chung của ${unit}.`,
  faqEmpty: "Chưa có câu trả lời nào được công bố cho đơn vị của bạn.",
  faqNone: (q: string) => `Không tìm thấy câu trả lời nào cho “${q}”. Bạn có thể gửi câu hỏi: /hoi <nội dung>.`,
  faqHeader: (q: string) => `Kết quả hỏi đáp cho “${q}”:`,
  faqLatest: "Hỏi đáp mới nhất của đơn vị bạn:",
  faqItem: (question: string, answer: string, date: string) => `❓ ${question}\n💬 ${answer}\n(${date})`,
  faqQueryTooLong: "Từ khóa quá dài (tối đa 200 ký tự).",

  // ----- routing rules -----
  routeUsage:
    "Cách dùng: /dinhtuyen <mã đơn vị> <chủ đề|*> [mã người]\nXóa quy tắc: /dinhtuyen <mã đơn vị> <chủ đề|*> xoa",
  routeUnknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  routeUnknownTopic: (t: string, topics: string) => `Không có chủ đề “${t}”. Các chủ đề: ${topics}, hoặc * cho mọi chủ đề.`,
  routeNotSubtree: "Bạn chỉ đổi được quy tắc cho đơn vị của mình và các đơn vị trực thuộc.",
  routeBadPerson: (id: string) =>
    `Mã người “${id}” không hợp lệ: người này phải là cán bộ Đoàn của đơn vị đó hoặc đơn vị cấp trên.`,
  routeSet: (unit: string, topic: string, who: string) => `Đã đặt quy tắc: câu hỏi chủ đề ${topic} của ${unit} → ${who}.`,
  routeAnonNote:
    "Quy tắc này chỉ áp dụng cho câu hỏi có tên. Câu hỏi ẩn danh không giao cho riêng một người theo chi đoàn: chúng đến đơn vị gần nhất có từ hai cán bộ trở lên (hoặc Đoàn xã), để không ai đoán được người hỏi.",
  routePool: "các cán bộ của đơn vị (chia đều)",
  routeRemoved: (unit: string, topic: string) => `Đã xóa quy tắc chủ đề ${topic} của ${unit}.`,
  routeNone: (unit: string, topic: string) => `${unit} không có quy tắc cho chủ đề ${topic}.`,
  allTopics: "mọi chủ đề",
} as const;
