/** Texts of live dialogue sessions (đối thoại, diễn đàn) — Vietnamese, shown to users. */
const n = (x: number) => x.toLocaleString("vi-VN");

export const sessionText = {
  createUsage:
    "Cách dùng: /phienmoi <tiêu đề> | <lãnh đạo tham dự> | <mã đơn vị> | <mở: dd/mm/yyyy hh:mm> | <đóng: dd/mm/yyyy hh:mm>\n" +
    "Ví dụ: /phienmoi Đảng với thanh niên năm 2026 | Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh | TINH | 26/03/2026 08:00 | 26/03/2026 11:30",
  /** /phienmoi step by step (or in one line: createUsage). */
  createSteps: {
    title: "Bước 1/5 — Tiêu đề phiên đối thoại? (ví dụ: Đảng với thanh niên năm 2026)\nGõ /huy để thoát. Gõ /phienmoi ? để xem cách tạo nhanh bằng một dòng.",
    leaders: "Bước 2/5 — Lãnh đạo tham dự? (ví dụ: Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh)",
    unit: "Bước 3/5 — Phiên dành cho đoàn viên, thanh niên thuộc đơn vị nào? Chọn bên dưới hoặc gõ mã đơn vị.",
    opens: "Bước 4/5 — Thời gian mở nhận câu hỏi? Gõ dd/mm/yyyy hh:mm, ví dụ 26/03/2026 08:00.",
    closes: "Bước 5/5 — Thời gian đóng? Gõ dd/mm/yyyy hh:mm (sau giờ mở), ví dụ 26/03/2026 11:30.",
  },
  /** Field names, as a one-line /phienmoi names the bad one. */
  createFields: { title: "Tiêu đề", leaders: "Lãnh đạo tham dự", scopeUnitId: "Mã đơn vị", opensAt: "Mở", closesAt: "Đóng" },
  createEmpty: "Chưa có nội dung.",
  createUnitChoice: (name: string, code: string) => `${name} (${code})`,
  createFlowLost: "Thao tác tạo phiên đối thoại đã hết hạn. Gõ /phienmoi để bắt đầu lại.",
  createBadDates: "Thời gian mở/đóng không hợp lệ. Ghi theo dạng dd/mm/yyyy hh:mm; giờ đóng phải sau giờ mở.",
  createUnknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  createNotSubtree: "Bạn chỉ tạo được phiên đối thoại cho đơn vị mình quản trị hoặc đơn vị cấp dưới.",
  createTooLong: "Tiêu đề hoặc danh sách lãnh đạo quá dài (tối đa 300 ký tự).",
  created: (id: number, title: string, unit: string, opens: string, closes: string, board: string) =>
    `Đã tạo phiên đối thoại số ${id}: “${title}”\nPhạm vi: ${unit}\nMở: ${opens} — Đóng: ${closes}\n` +
    `Trong thời gian mở, câu hỏi của đoàn viên, thanh niên thuộc phạm vi sẽ vào phiên và chờ duyệt.\n` +
    `Màn hình sân khấu (cập nhật trực tiếp): ${board}`,
  listHeader: "Phiên đối thoại",
  none: "Hiện không có phiên đối thoại nào đang mở hoặc sắp diễn ra cho đơn vị của bạn.",
  item: (id: number, title: string, leaders: string, opens: string, closes: string, open: boolean) =>
    `Phiên ${id}: ${title}\nLãnh đạo: ${leaders}\n${open ? "ĐANG MỞ" : "Sắp diễn ra"} · ${opens} – ${closes}`,
  topHeader: "Câu hỏi được quan tâm nhất:",
  topItem: (id: number, votes: number, text: string) => `#${id} (${n(votes)} bình chọn) ${text}`,
  noQuestions: "Chưa có câu hỏi nào được duyệt.",
  askHint: "Gõ /hoi <câu hỏi> để gửi câu hỏi vào phiên; /binhchon <số> để bình chọn câu hỏi bạn quan tâm.",
  voteButton: (id: number) => `Bình chọn #${id}`,
  // voting
  voteUsage: "Cách dùng: /binhchon <số câu hỏi>. Ví dụ: /binhchon 12",
  voted: (id: number, votes: number) => `Đã ghi nhận bình chọn của bạn cho câu hỏi #${id} (hiện có ${n(votes)} bình chọn).`,
  voteAlready: (id: number) => `Bạn đã bình chọn câu hỏi #${id} rồi. Mỗi người chỉ bình chọn một lần cho mỗi câu hỏi.`,
  voteOwn: "Bạn không thể bình chọn cho câu hỏi của chính mình.",
  voteNotFound: (id: number) => `Không có câu hỏi #${id} để bình chọn trong phạm vi của bạn.`,
  voteClosed: (id: number) => `Câu hỏi #${id} không còn nhận bình chọn.`,
  // moderation
  pendingForModerator: (sessionTitle: string, id: number, topic: string, text: string) =>
    `Câu hỏi mới chờ duyệt — phiên “${sessionTitle}”\n#${id} · ${topic}\n${text}`,
  approveButton: "Duyệt",
  hideButton: "Ẩn",
  moderateUsage: (cmd: string) => `Cách dùng: /${cmd} <số câu hỏi>`,
  approved: (id: number) => `Đã duyệt câu hỏi #${id}: câu hỏi hiện trên màn hình và được chuyển đến cán bộ phụ trách.`,
  hidden: (id: number) => `Đã ẩn câu hỏi #${id}.`,
  alreadyModerated: (id: number, state: string) => `Câu hỏi #${id} đã ở trạng thái “${state}”.`,
  moderationState: { approved: "đã duyệt", hidden: "đã ẩn", pending: "chờ duyệt" } as Record<string, string>,
  notModerator: "Chỉ cán bộ, quản trị viên của đơn vị tổ chức phiên (hoặc cấp trên) mới duyệt được câu hỏi này.",
  notSessionQuestion: (id: number) => `Câu hỏi #${id} không thuộc phiên đối thoại nào.`,
  hiddenAsker: (id: number) =>
    `Câu hỏi số ${id} của bạn chưa được đưa lên phiên đối thoại (ban tổ chức không duyệt). Bạn có thể hỏi lại với nội dung cụ thể hơn.`,
  pendingAsker: "Câu hỏi đang chờ ban tổ chức duyệt trước khi lên màn hình phiên đối thoại.",
  // commitments
  commitUsage:
    "Cách dùng: /camket <số phiên> | <nội dung cam kết> | <người/đơn vị phụ trách> | <hạn dd/mm/yyyy> [| <số câu hỏi>]\n" +
    "Ví dụ: /camket 3 | Mở lớp tin học miễn phí cho thanh niên | Đoàn xã Hòa Phú | 30/06/2026 | 41",
  commitBadDate: "Hạn hoàn thành không hợp lệ: ghi theo dạng dd/mm/yyyy và phải sau thời điểm hiện tại.",
  commitSessionUnknown: (id: number) => `Không có phiên đối thoại số ${id} trong phạm vi bạn quản lý.`,
  commitQuestionUnknown: (id: number) => `Câu hỏi #${id} không thuộc phiên này.`,
  committed: (id: number, text: string, owner: string, due: string) =>
    `Đã ghi cam kết số ${id}: ${text}\nPhụ trách: ${owner} · Hạn: ${due}\nHệ thống sẽ nhắc trước hạn 3 ngày, đúng hạn và khi quá hạn.`,
  commitDoneUsage: "Cách dùng: /xongcamket <số cam kết>",
  commitDone: (id: number) => `Đã ghi nhận cam kết số ${id} hoàn thành.`,
  commitAlreadyDone: (id: number) => `Cam kết số ${id} đã hoàn thành trước đó.`,
  commitUnknown: (id: number) => `Không có cam kết số ${id} trong phạm vi bạn quản lý.`,
  commitReminder: (id: number, text: string, owner: string, due: string, days: number) =>
    days > 0
      ? `Nhắc cam kết số ${id} (còn ${n(days)} ngày, hạn ${due}): ${text}\nPhụ trách: ${owner}. Khi xong, gõ /xongcamket ${id}.`
      : `Hôm nay (${due}) là hạn cam kết số ${id}: ${text}\nPhụ trách: ${owner}. Khi xong, gõ /xongcamket ${id}.`,
  commitOverdue: (id: number, text: string, owner: string, due: string) =>
    `Cam kết số ${id} đã QUÁ HẠN (hạn ${due}): ${text}\nPhụ trách: ${owner}. Khi xong, gõ /xongcamket ${id}.`,
  // report
  reportUsage: "Cách dùng: /baocaodoithoai <số phiên>",
  reportHeader: (title: string, opens: string, closes: string) => `Báo cáo phiên đối thoại “${title}” (${opens} – ${closes})`,
  reportCounts: (total: number, approved: number, answered: number, votes: number) =>
    `Câu hỏi: ${n(total)} (đã duyệt ${n(approved)}, đã trả lời ${n(answered)}) · Lượt bình chọn: ${n(votes)}`,
  reportQuestion: (id: number, votes: number, topic: string, text: string, answer: string | null) =>
    `#${id} · ${n(votes)} bình chọn · ${topic}\nHỏi: ${text}\n${answer ? `Đáp: ${answer}` : "Chưa trả lời"}`,
  reportCommitHeader: "Cam kết:",
  reportCommit: (id: number, text: string, owner: string, due: string, done: string | null) =>
    `${id}. ${text} — ${owner}, hạn ${due}${done ? ` (xong ${done})` : ""}`,
  reportNoCommit: "Chưa ghi cam kết nào. Gõ /camket để ghi.",
  closedNotice: "Phiên đối thoại đã kết thúc. Báo cáo:",
  // board page
  board: {
    pageTitle: "Màn hình đối thoại",
    votes: "bình chọn",
    answered: "đã trả lời",
    open: "Đang mở",
    upcoming: "Sắp diễn ra",
    closed: "Đã kết thúc",
    empty: "Chưa có câu hỏi được duyệt.",
    leaders: "Lãnh đạo tham dự",
    updated: "Cập nhật",
    howTo: "Gửi câu hỏi qua chatbot: /hoi <câu hỏi> · Bình chọn: /binhchon <số>",
  },
} as const;
