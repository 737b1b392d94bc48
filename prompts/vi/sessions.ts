/** Texts of live dialogue sessions (đối thoại, diễn đàn) — Vietnamese, shown to users. */
const n = (x: number) => x.toLocaleString("vi-VN");
/** How a question is named: "#12" for a named question, its reference ("A123456") for an anonymous one. */
type Ref = number | string;
const r = (ref: Ref) => (typeof ref === "number" ? `#${ref}` : ref);

export const sessionText = {
  createUsage:
    "Cách dùng: /phienmoi <tiêu đề> | <lãnh đạo tham dự> | <mã đơn vị> | <mở nhận câu hỏi: dd/mm/yyyy hh:mm> | [<bắt đầu trực tiếp>] | <kết thúc>\n" +
    "Ví dụ: /phienmoi Đảng với thanh niên năm 2026 | Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh | TINH | 01/03/2026 08:00 | 26/03/2026 08:00 | 26/03/2026 11:30\n" +
    "(Bỏ phần bắt đầu trực tiếp nếu phiên trực tiếp ngay từ lúc mở.)",
  /** /phienmoi step by step (or in one line: createUsage). */
  createSteps: {
    title: "Bước 1/6 — Tiêu đề phiên đối thoại? (ví dụ: Đảng với thanh niên năm 2026)\nGõ /huy để thoát. Gõ /phienmoi ? để xem cách tạo nhanh bằng một dòng.",
    leaders: "Bước 2/6 — Lãnh đạo tham dự? (ví dụ: Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh)",
    unit: "Bước 3/6 — Phiên dành cho đoàn viên, thanh niên thuộc đơn vị nào? Chọn bên dưới hoặc gõ mã đơn vị.",
    opens: "Bước 4/6 — Thời gian bắt đầu nhận câu hỏi? Gõ dd/mm/yyyy hh:mm, ví dụ 01/03/2026 08:00.",
    live: "Bước 5/6 — Thời gian bắt đầu đối thoại trực tiếp? Gõ dd/mm/yyyy hh:mm (từ lúc mở nhận câu hỏi đến lúc này là thời gian thu thập câu hỏi), hoặc gõ - nếu trực tiếp ngay từ lúc mở.",
    closes: "Bước 6/6 — Thời gian kết thúc? Gõ dd/mm/yyyy hh:mm (sau giờ bắt đầu trực tiếp), ví dụ 26/03/2026 11:30.",
  },
  /** Field names, as a one-line /phienmoi names the bad one. */
  createFields: { title: "Tiêu đề", leaders: "Lãnh đạo tham dự", scopeUnitId: "Mã đơn vị", opensAt: "Mở", liveAt: "Bắt đầu trực tiếp", closesAt: "Kết thúc" },
  createEmpty: "Chưa có nội dung.",
  createUnitChoice: (name: string, code: string) => `${name} (${code})`,
  createFlowLost: "Thao tác tạo phiên đối thoại đã hết hạn. Gõ /phienmoi để bắt đầu lại.",
  createBadDates: "Thời gian không hợp lệ. Ghi theo dạng dd/mm/yyyy hh:mm; giờ trực tiếp không trước giờ mở, giờ kết thúc sau giờ trực tiếp.",
  createUnknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  createNotSubtree: "Bạn chỉ tạo được phiên đối thoại cho đơn vị mình quản trị hoặc đơn vị cấp dưới.",
  createTooLong: "Tiêu đề hoặc danh sách lãnh đạo quá dài (tối đa 300 ký tự).",
  created: (id: number, title: string, unit: string, when: string, board: string, results: string, recipients: number) =>
    `Đã tạo phiên đối thoại số ${id}: “${title}”\nPhạm vi: ${unit}\n${when}\n` +
    `Đã gửi thông báo cho ${n(recipients)} đoàn viên, thanh niên trong phạm vi (trừ người đã tắt thông báo). ` +
    `Chỉ câu hỏi gửi cho phiên (chọn phiên khi /hoi, nút “Đặt câu hỏi” trong thông báo, nút “Gửi câu hỏi” trong /phien, hoặc /hoiphien ${id}) mới vào phiên và chờ duyệt.\n` +
    `Màn hình sân khấu (cập nhật trực tiếp): ${board}\nTrang kết quả: ${results}`,
  /** The periods of a session, as a line. */
  when: (opens: string, live: string | null, closes: string) =>
    live ? `Nhận câu hỏi từ ${opens} · Đối thoại trực tiếp ${live} – ${closes}` : `Đối thoại trực tiếp ${opens} – ${closes}`,
  /** The announcement to the members of the scope (through the announcements feature). */
  announce: (id: number, title: string, leaders: string, unit: string, when: string, board: string) =>
    `Phiên đối thoại “${title}” (${unit})\nLãnh đạo tham dự: ${leaders}\n${when}\n\n` +
    `Cách gửi câu hỏi cho phiên:\n• Gõ /hoiphien ${id} <câu hỏi của bạn>\n• Hoặc gõ /hoi <câu hỏi> (hay /hoian để hỏi ẩn danh) rồi chọn phiên này\n• Hoặc gõ /phien và bấm “Gửi câu hỏi”\n` +
    `Bình chọn câu hỏi bạn quan tâm: /phien rồi /binhchon <số>.\nMàn hình trực tiếp: ${board}`,
  /** The button under the announcement (on Zalo, a line: "✍️ …: gửi /hoiphien <số>"). */
  announceButton: "✍️ Đặt câu hỏi cho phiên này",
  listHeader: "Phiên đối thoại",
  none: "Hiện không có phiên đối thoại nào đang mở hoặc sắp diễn ra cho đơn vị của bạn.",
  stateLabel: { upcoming: "Sắp diễn ra", intake: "ĐANG NHẬN CÂU HỎI", live: "ĐANG ĐỐI THOẠI TRỰC TIẾP", closed: "Đã kết thúc" } as Record<string, string>,
  item: (id: number, title: string, leaders: string, when: string, state: string) => `Phiên ${id}: ${title}\nLãnh đạo: ${leaders}\n${state} · ${when}`,
  topHeader: "Câu hỏi được quan tâm nhất:",
  topItem: (ref: Ref, votes: number, text: string) => `${r(ref)} (${n(votes)} bình chọn) ${text}`,
  noQuestions: "Chưa có câu hỏi nào được duyệt.",
  askHint: (id: number) => `Gửi câu hỏi cho phiên: /hoiphien ${id} <câu hỏi>; bình chọn: /binhchon <số>.`,
  voteButton: (ref: Ref) => `Bình chọn ${r(ref)}`,
  askButton: (id: number) => `Gửi câu hỏi — phiên ${id}`,
  askAnonButton: (id: number) => `Hỏi ẩn danh — phiên ${id}`,
  // asking for a session
  offerText: (titles: string[]) =>
    titles.length === 1
      ? `Đang có phiên đối thoại “${titles[0]}”. Bạn gửi câu hỏi này cho phiên đối thoại, hay gửi như câu hỏi thường (cán bộ đoàn trả lời)?`
      : `Đang có ${n(titles.length)} phiên đối thoại nhận câu hỏi. Bạn gửi câu hỏi này cho phiên nào, hay gửi như câu hỏi thường (cán bộ đoàn trả lời)?`,
  offerChoice: (id: number, title: string) => `Gửi cho phiên ${id}: ${title.length > 40 ? `${title.slice(0, 39)}…` : title}`,
  offerNormal: "Câu hỏi thường",
  askUsage: "Cách dùng: /hoiphien <số phiên> <câu hỏi>. Gõ /phien để xem các phiên đang nhận câu hỏi.",
  askNoSession: (id: number) => `Phiên đối thoại số ${id} không nhận câu hỏi của bạn lúc này (chưa mở, đã kết thúc, hoặc ngoài phạm vi đơn vị bạn).`,
  askPrompt: (title: string, anonymous: boolean) =>
    `Gõ câu hỏi của bạn cho phiên “${title}”${anonymous ? " (ẩn danh: không ai biết người hỏi)" : ""}. Gõ /huy để thoát.`,
  askFlowLost: "Thao tác gửi câu hỏi cho phiên đã hết hạn. Gõ /phien để bắt đầu lại.",
  // voting
  voteUsage: "Cách dùng: /binhchon <số câu hỏi>. Ví dụ: /binhchon 12 (câu hỏi ẩn danh: /binhchon A123456)",
  voted: (ref: Ref, votes: number) => `Đã ghi nhận bình chọn của bạn cho câu hỏi ${r(ref)} (hiện có ${n(votes)} bình chọn).`,
  voteAlready: (ref: Ref) => `Bạn đã bình chọn câu hỏi ${r(ref)} rồi. Mỗi người chỉ bình chọn một lần cho mỗi câu hỏi.`,
  voteOwn: "Bạn không thể bình chọn cho câu hỏi của chính mình.",
  voteNotFound: (ref: Ref) => `Không có câu hỏi ${r(ref)} để bình chọn trong phạm vi của bạn.`,
  voteClosed: (ref: Ref) => `Câu hỏi ${r(ref)} không còn nhận bình chọn.`,
  // moderation
  pendingForModerator: (sessionTitle: string, ref: Ref, topic: string, text: string) =>
    `Câu hỏi mới chờ duyệt — phiên “${sessionTitle}”\n${r(ref)} · ${topic}\n${text}`,
  approveButton: "Duyệt",
  hideButton: "Ẩn",
  moderateUsage: (cmd: string) => (cmd === "an" ? "Cách dùng: /an <số câu hỏi> [lý do]" : `Cách dùng: /${cmd} <số câu hỏi>`),
  approved: (ref: Ref) => `Đã duyệt câu hỏi ${r(ref)}: câu hỏi hiện trên màn hình và được chuyển đến cán bộ phụ trách.`,
  hidden: (ref: Ref) => `Đã ẩn câu hỏi ${r(ref)} khỏi màn hình phiên.`,
  alreadyModerated: (ref: Ref, state: string) => `Câu hỏi ${r(ref)} đã ở trạng thái “${state}”.`,
  moderationState: { approved: "đã duyệt", hidden: "đã ẩn", pending: "chờ duyệt" } as Record<string, string>,
  notModerator: "Chỉ cán bộ, quản trị viên của đơn vị tổ chức phiên (hoặc cấp trên) mới duyệt được câu hỏi này.",
  notSessionQuestion: (ref: Ref) => `Câu hỏi ${r(ref)} không thuộc phiên đối thoại nào.`,
  reasonTooLong: "Lý do quá dài (tối đa 300 ký tự).",
  defaultHideReason: "nội dung chưa phù hợp với chủ đề của phiên",
  hiddenAsker: (ref: Ref, reason: string) =>
    `Câu hỏi ${r(ref)} của bạn không được đưa lên phiên đối thoại. Lý do: ${reason}.\nBạn có thể gửi câu hỏi thường bằng /hoi với nội dung cụ thể hơn.`,
  // closing: results to askers and voters
  resultAnswered: (title: string, ref: Ref, answer: string, link: string) =>
    `Phiên đối thoại “${title}” đã kết thúc.\nCâu hỏi ${r(ref)} của bạn đã được trả lời:\n${answer}\n\nKết quả phiên: ${link}`,
  resultQueued: (title: string, ref: Ref, unit: string, due: string, link: string) =>
    `Phiên đối thoại “${title}” đã kết thúc. Câu hỏi ${r(ref)} của bạn chưa được trả lời tại phiên; câu hỏi đã chuyển đến ${unit}, hạn trả lời ${due}. Bạn sẽ nhận câu trả lời tại đây.\n\nKết quả phiên: ${link}`,
  resultHidden: (title: string, ref: Ref, link: string) =>
    `Phiên đối thoại “${title}” đã kết thúc. Câu hỏi ${r(ref)} của bạn không được đưa lên phiên (đã báo lý do trước đó).\n\nKết quả phiên: ${link}`,
  resultVoter: (title: string, lines: string[], link: string) =>
    `Phiên đối thoại “${title}” đã kết thúc. Các câu hỏi bạn bình chọn:\n${lines.join("\n")}\n\nKết quả phiên: ${link}`,
  voterLine: (ref: Ref, text: string, outcome: string) => `• ${r(ref)} ${text} — ${outcome}`,
  outcomeAnswered: "đã trả lời",
  outcomeQueued: (unit: string, due: string) => `chuyển ${unit} trả lời, hạn ${due}`,
  outcomeHidden: "không đưa lên phiên",
  // commitments
  commitUsage:
    "Cách dùng: /camket <số phiên> | <nội dung cam kết> | <mã đơn vị phụ trách, hoặc mã đơn vị: tên người phụ trách> | <hạn dd/mm/yyyy> [| <số câu hỏi, …>]\n" +
    "Ví dụ: /camket 3 | Mở lớp tin học miễn phí cho thanh niên | XA-A | 30/06/2026 | 41, A123456",
  commitBadDate: "Hạn hoàn thành không hợp lệ: ghi theo dạng dd/mm/yyyy và phải sau thời điểm hiện tại.",
  commitSessionUnknown: (id: number) => `Không có phiên đối thoại số ${id} trong phạm vi bạn quản lý.`,
  commitQuestionUnknown: (ref: Ref) => `Câu hỏi ${r(ref)} không thuộc phiên này.`,
  commitOwnerUnknown: (code: string) => `Không tìm thấy đơn vị có mã “${code}” để giao phụ trách.`,
  commitOwnerNotSubtree: "Người/đơn vị phụ trách phải thuộc phạm vi của phiên đối thoại.",
  commitPersonUnknown: (name: string, unit: string) => `Không tìm thấy người tên “${name}” trong ${unit}.`,
  commitPersonAmbiguous: (name: string, unit: string) => `Có nhiều người tên “${name}” trong ${unit}; ghi tên đầy đủ hơn hoặc giao cho đơn vị.`,
  commitOwnerPerson: (name: string, unit: string) => `${name} (${unit})`,
  committed: (id: number, text: string, owner: string, due: string) =>
    `Đã ghi cam kết số ${id}: ${text}\nPhụ trách: ${owner} · Hạn: ${due}\nNgười/đơn vị phụ trách đã được báo; hệ thống nhắc họ trước hạn 3 ngày, đúng hạn và khi quá hạn.`,
  commitAssigned: (id: number, title: string, text: string, owner: string, due: string) =>
    `Bạn (${owner}) được giao thực hiện cam kết số ${id} của phiên đối thoại “${title}”: ${text}\nHạn: ${due}.\n` +
    `Báo tiến độ: /tiendocamket ${id} <nội dung>. Khi xong: /xongcamket ${id}.`,
  commitDoneUsage: "Cách dùng: /xongcamket <số cam kết>",
  commitDone: (id: number, told: number) => `Đã ghi nhận cam kết số ${id} hoàn thành.${told ? ` Đã báo ${n(told)} người hỏi liên quan.` : ""}`,
  commitAlreadyDone: (id: number) => `Cam kết số ${id} đã hoàn thành trước đó.`,
  commitUnknown: (id: number) => `Không có cam kết số ${id} bạn phụ trách hoặc quản lý.`,
  progressUsage: "Cách dùng: /tiendocamket <số cam kết> <tiến độ>. Ví dụ: /tiendocamket 5 Đã khảo sát nhu cầu, đang chuẩn bị lớp học",
  progressTooLong: "Nội dung tiến độ quá dài (tối đa 1000 ký tự).",
  progressSaved: (id: number) => `Đã ghi tiến độ cam kết số ${id}.`,
  progressOrganiser: (id: number, text: string, progress: string) => `Tiến độ cam kết số ${id} (${text}): ${progress}`,
  doneOrganiser: (id: number, text: string, owner: string) => `Cam kết số ${id} đã hoàn thành: ${text} (phụ trách: ${owner}).`,
  doneAsker: (title: string, ref: Ref, text: string, link: string) =>
    `Cam kết từ phiên đối thoại “${title}” trả lời câu hỏi ${r(ref)} của bạn đã được thực hiện: ${text}\nKết quả phiên: ${link}`,
  commitReminder: (id: number, text: string, owner: string, due: string, days: number) =>
    days > 0
      ? `Nhắc cam kết số ${id} (còn ${n(days)} ngày, hạn ${due}): ${text}\nPhụ trách: ${owner}. Báo tiến độ: /tiendocamket ${id} <nội dung>. Khi xong, gõ /xongcamket ${id}.`
      : `Hôm nay (${due}) là hạn cam kết số ${id}: ${text}\nPhụ trách: ${owner}. Khi xong, gõ /xongcamket ${id}.`,
  commitOverdue: (id: number, text: string, owner: string, due: string) =>
    `Cam kết số ${id} đã QUÁ HẠN (hạn ${due}): ${text}\nPhụ trách: ${owner}. Khi xong, gõ /xongcamket ${id}.`,
  // report
  reportUsage: "Cách dùng: /baocaodoithoai <số phiên>",
  reportHeader: (title: string, opens: string, closes: string) => `Báo cáo phiên đối thoại “${title}” (${opens} – ${closes})`,
  reportCounts: (total: number, approved: number, answered: number, votes: number) =>
    `Câu hỏi: ${n(total)} (đã duyệt ${n(approved)}, đã trả lời ${n(answered)}) · Lượt bình chọn: ${n(votes)}`,
  reportQuestion: (ref: Ref, votes: number, topic: string, text: string, answer: string | null) =>
    `${r(ref)} · ${n(votes)} bình chọn · ${topic}\nHỏi: ${text}\n${answer ? `Đáp: ${answer}` : "Chưa trả lời"}`,
  reportCommitHeader: (done: number, total: number) => `Cam kết (${n(done)}/${n(total)} đã thực hiện):`,
  reportCommit: (id: number, text: string, owner: string, due: string, done: string | null) =>
    `${id}. ${text} — ${owner}, hạn ${due}${done ? ` (xong ${done})` : ""}`,
  reportNoCommit: "Chưa ghi cam kết nào. Gõ /camket để ghi.",
  closedNotice: "Phiên đối thoại đã kết thúc. Báo cáo:",
  closedCounts: (answered: number, queued: number, hidden: number, told: number) =>
    `Khi đóng phiên: ${n(answered)} câu đã trả lời, ${n(queued)} câu chuyển vào hàng đợi trả lời (có hạn), ${n(hidden)} câu đã ẩn. Đã gửi kết quả cho ${n(told)} người hỏi và người bình chọn.`,
  // board and results pages
  board: {
    pageTitle: "Màn hình đối thoại",
    votes: "bình chọn",
    answered: "đã trả lời",
    open: "Đang mở",
    intake: "Đang nhận câu hỏi",
    live: "Đang đối thoại",
    upcoming: "Sắp diễn ra",
    closed: "Đã kết thúc",
    empty: "Chưa có câu hỏi được duyệt.",
    leaders: "Lãnh đạo tham dự",
    updated: "Cập nhật",
    howTo: "Gửi câu hỏi qua chatbot: /hoiphien <số phiên> <câu hỏi> · Bình chọn: /binhchon <số>",
    results: "Kết quả phiên",
  },
  results: {
    pageTitle: "Kết quả phiên đối thoại",
    questions: "Câu hỏi và trả lời",
    question: "Hỏi",
    answer: "Đáp",
    notAnswered: "Chưa trả lời tại phiên — đã chuyển cán bộ phụ trách trả lời",
    commitments: "Cam kết",
    done: "đã thực hiện",
    progress: "Tiến độ",
    due: "hạn",
    doneOn: "hoàn thành ngày",
    owner: "Phụ trách",
    noCommitments: "Chưa có cam kết.",
    votes: "bình chọn",
  },
  /** "x/y đã thực hiện" on the results page. */
  doneRatio: (done: number, total: number) => `${n(done)}/${n(total)} đã thực hiện`,
} as const;
