/** Texts of the monthly branch-activity guides (Vietnamese, shown to users). */

const monthLabel = (month: string) => {
  const [y, m] = month.split("-");
  return `${m}/${y}`;
};

export const guidesText = {
  monthLabel,

  // ---------- the guide itself ----------
  title: (month: string) => `HƯỚNG DẪN SINH HOẠT CHI ĐOÀN THÁNG ${monthLabel(month)}`,
  forUnit: (unitName: string) => `Gửi: ${unitName}`,
  yearTheme: (year: number, theme: string) => `Chủ đề năm ${year}: “${theme}”`,
  monthTheme: (theme: string) => `Chủ điểm tháng: ${theme}`,
  keyDatesTitle: "Các ngày kỷ niệm trong tháng",
  keyDate: (date: string, text: string) => `• ${date} — ${text}`,
  anniversary: (years: number, text: string, from: string, to: string) => `Kỷ niệm ${years} năm ${text} (${from} – ${to})`,
  activitiesTitle: "Hoạt động gợi ý (chọn 3–5 hoạt động phù hợp với chi đoàn)",
  activity: (n: number, title: string) => `${n}. ${title}`,
  step: (text: string) => `   – ${text}`,
  reportTitle: "Nội dung báo cáo sau sinh hoạt",
  reportItem: (text: string) => `• ${text}`,
  notesTitle: "Lưu ý của Đoàn cấp trên",
  noteFrom: (unitName: string) => `Lưu ý của ${unitName}:`,
  noteLine: (text: string) => `• ${text}`,
  adaptedBy: (unitName: string) =>
    `(Bản hướng dẫn đã được ${unitName} điều chỉnh cho địa phương, có hỗ trợ của AI và đã được cán bộ duyệt.)`,
  confirmHint:
    "Sau buổi sinh hoạt, bí thư chi đoàn gõ /dasinhhoat để báo cáo theo từng mục ở trên (hoặc gửi một dòng, các mục cách nhau bởi dấu |; gõ /dasinhhoat ? để xem cách).",

  // ---------- /huongdan ----------
  noUnit: "Bạn chưa là bí thư hoặc cán bộ của đơn vị nào nên chưa có hướng dẫn sinh hoạt. Liên hệ Đoàn cấp trên để nhận mã mời.",

  // ---------- /dasinhhoat ----------
  confirmUsage:
    "Cách dùng: /dasinhhoat <số người dự> [ghi chú]\nVí dụ: /dasinhhoat 25 Sinh hoạt chuyên đề, kết nạp 2 đoàn viên mới.\nCó thể gửi kèm một ảnh với chú thích như trên.",
  badAttendees: (max: number) => `Số người dự phải là một số nguyên từ 1 đến ${max}. Ví dụ: /dasinhhoat 25`,
  noteTooLong: (max: number) => `Ghi chú quá dài (tối đa ${max} ký tự). Bạn vui lòng rút gọn.`,
  notSecretary: "Lệnh này dành cho bí thư chi đoàn.",
  chooseBranch: "Bạn là bí thư của nhiều chi đoàn. Chọn chi đoàn đã sinh hoạt:",
  confirmed: (unitName: string, month: string, attendees: number) =>
    `Đã ghi nhận: ${unitName} sinh hoạt tháng ${monthLabel(month)} với ${attendees} người dự. Cảm ơn đồng chí!`,
  confirmedSame: (unitName: string, month: string, attendees: number, date: string) =>
    `${unitName} đã báo cáo sinh hoạt tháng ${monthLabel(month)} ngày ${date} với ${attendees} người dự. Không có gì thay đổi.`,
  confirmUpdated: (unitName: string, month: string, attendees: number) =>
    `Đã cập nhật báo cáo sinh hoạt tháng ${monthLabel(month)} của ${unitName}: ${attendees} người dự.`,
  photoSaved: "Đã lưu ảnh kèm theo.",

  // ---------- /ghichu ----------
  noteUsage:
    "Cách dùng: /ghichu <YYYY-MM hoặc “tháng này”> <nội dung lưu ý>\nVí dụ: /ghichu 2026-12 Các chi đoàn đăng ký đội hình hiến máu trước ngày 15/12.\nXóa các lưu ý đã thêm: /ghichu <tháng> xóa",
  badMonth: "Tháng không hợp lệ. Ghi theo dạng YYYY-MM (ví dụ 2026-12) hoặc “tháng này”, “tháng sau”.",
  pastMonth: "Không thể thêm lưu ý cho tháng đã qua.",
  tooFar: "Chỉ thêm lưu ý cho tối đa 12 tháng tới.",
  noteTextTooLong: (max: number) => `Nội dung lưu ý quá dài (tối đa ${max} ký tự).`,
  tooManyNotes: (max: number) => `Đơn vị đã có ${max} lưu ý cho tháng này. Gõ /ghichu <tháng> xóa để làm lại.`,
  notCadreOfUnit: "Lệnh này dành cho cán bộ Đoàn cấp trên chi đoàn (đoàn cơ sở trở lên).",
  chooseNoteUnit: "Bạn là cán bộ của nhiều đơn vị. Chọn đơn vị thêm lưu ý:",
  noteSaved: (unitName: string, month: string, branches: number) =>
    `Đã thêm lưu ý của ${unitName} vào hướng dẫn sinh hoạt tháng ${monthLabel(month)}. Lưu ý sẽ có trong hướng dẫn gửi ${branches} chi đoàn trực thuộc.`,
  noteSentNow: "Hướng dẫn tháng này đã được gửi, nên lưu ý sẽ được gửi bổ sung ngay tới các bí thư chi đoàn trực thuộc.",
  notesDeleted: (unitName: string, month: string, n: number) => `Đã xóa ${n} lưu ý của ${unitName} trong hướng dẫn tháng ${monthLabel(month)}.`,
  noteUpdate: (unitName: string, month: string, text: string) =>
    `Bổ sung hướng dẫn sinh hoạt chi đoàn tháng ${monthLabel(month)} — lưu ý của ${unitName}:\n${text}\n\nGõ /huongdan để xem toàn bộ hướng dẫn.`,

  // ---------- LLM adaptation ----------
  adaptOffer: "Xem bản điều chỉnh bằng AI",
  adaptUnavailable: "Chưa tạo được bản điều chỉnh bằng AI lúc này. Hướng dẫn chung kèm lưu ý của đồng chí vẫn được gửi như bình thường.",
  adaptDraft: (month: string, text: string) =>
    `BẢN NHÁP DO AI SOẠN — cần đồng chí duyệt trước khi gửi (hướng dẫn tháng ${monthLabel(month)}):\n\n${text}`,
  adaptApprove: "Duyệt, dùng bản này",
  adaptReject: "Không dùng",
  adaptApproved: (unitName: string, month: string) =>
    `Đã duyệt. Các chi đoàn thuộc ${unitName} sẽ nhận bản hướng dẫn đã điều chỉnh cho tháng ${monthLabel(month)}.`,
  adaptRejected: "Đã bỏ bản nháp. Các chi đoàn nhận hướng dẫn chung kèm lưu ý của đồng chí.",

  // ---------- reminder of the 20th ----------
  reminder: (unitName: string, month: string) =>
    `Nhắc việc: ${unitName} chưa báo cáo sinh hoạt chi đoàn tháng ${monthLabel(month)}.\nSau khi sinh hoạt, đồng chí gửi /dasinhhoat <số người dự> [ghi chú]. Gõ /huongdan để xem lại hướng dẫn.`,

  // ---------- /sinhhoat ----------
  completionUsage: "Cách dùng: /sinhhoat [YYYY-MM] — tình hình sinh hoạt chi đoàn trong đơn vị (mặc định tháng này).",
  completionHeader: (unitName: string, month: string, done: number, total: number) =>
    `Sinh hoạt chi đoàn tháng ${monthLabel(month)} — ${unitName}: ${done}/${total} chi đoàn đã báo cáo.`,
  completionGroup: (parentName: string) => `${parentName}:`,
  completionDone: (name: string, attendees: number, date: string) => `  ✅ ${name} — ${attendees} người dự (${date})`,
  completionNotDone: (name: string) => `  ⬜ ${name} — chưa báo cáo`,
  completionMore: (n: number) => `… và ${n} chi đoàn khác. Xem đầy đủ bằng báo cáo “guides” (npm run cli -- report guides).`,
  completionNone: "Đơn vị chưa có chi đoàn nào.",
  notCadre: "Lệnh này dành cho cán bộ Đoàn.",
} as const;

/** Words a cadre may type for a month in /ghichu (with or without diacritics). */
export const guideKeywords = {
  thisMonth: ["tháng này", "thang nay", "nay"],
  nextMonth: ["tháng sau", "thang sau", "sau"],
  /** "/dasinhhoat sua": correct a report already sent. */
  fix: ["sua", "sửa", "sửa báo cáo", "sua bao cao"],
} as const;

/** Typed report fields (a guide's “report back” list, a task's report): questions, answers, errors. */
export const fieldText = {
  /** the question of step i of n */
  ask: (i: number, n: number, label: string, hint: string) => `(${i}/${n}) ${label}?\n${hint}`,
  hintNumber: (max: number) => `Gõ một số từ 0 đến ${max}.`,
  hintYesNo: "Bấm nút hoặc gõ “có” / “không”.",
  hintChoice: "Bấm nút hoặc gõ số thứ tự của lựa chọn.",
  hintText: (max: number) => `Gõ nội dung (tối đa ${max} ký tự).`,
  hintPhoto: "Gửi một ảnh vào đây.",
  hintFile: "Gửi tệp (tài liệu hoặc ảnh) vào đây.",
  hintOptional: "Gõ “-” để bỏ qua mục này.",
  skip: "Bỏ qua",
  yes: "Có",
  no: "Không",
  badNumber: (max: number) => `Cần một số nguyên từ 0 đến ${max}.`,
  badNumberMin: (min: number, max: number) => `Cần một số nguyên từ ${min} đến ${max}.`,
  badYesNo: "Trả lời “có” hoặc “không”.",
  badChoice: (labels: string[]) => `Chọn một trong: ${labels.join(", ")}.`,
  textTooLong: (max: number) => `Nội dung quá dài (tối đa ${max} ký tự).`,
  required: "Mục này bắt buộc.",
  needPhoto: "Mục này cần một ảnh: gửi ảnh vào đây.",
  needFile: "Mục này cần một tệp: gửi tài liệu hoặc ảnh vào đây.",
  photoInLine: "Ảnh không gửi được trong một dòng: gửi báo cáo một dòng kèm ảnh (chú thích là dòng lệnh), hoặc gõ “-” ở mục ảnh.",
  answerLine: (label: string, value: string) => `• ${label}: ${value}`,
  none: "(bỏ trống)",
  photoValue: (n: number) => (n === 1 ? "đã gửi 1 ảnh" : `đã gửi ${n} ảnh`),
  fileValue: (name: string) => `đã gửi tệp ${name}`,
  fileNoName: "đã gửi tệp",
  optionalMark: " (không bắt buộc)",
  /** a field declared for a task: "Số đoàn viên: số" */
  specBad: (part: string) =>
    `Không hiểu mục báo cáo “${part}”. Ghi mỗi mục dạng <tên>:<kiểu>, kiểu là số, có/không, chữ, ảnh hoặc các lựa chọn cách nhau bởi “/”. Ví dụ: mục: Số người dự:số; Xếp loại:Vững mạnh/Khá/Trung bình/Yếu`,
  specTooMany: (max: number) => `Tối đa ${max} mục báo cáo.`,
} as const;

/** Words typed for field kinds when a task declares its report fields, and for yes / no / skip. */
export const fieldWords = {
  number: ["số", "so", "number"],
  yesno: ["có/không", "co/khong", "có không", "yesno"],
  text: ["chữ", "chu", "text", "ghi chú", "ghi chu"],
  photo: ["ảnh", "anh", "photo"],
  yes: ["có", "co", "c", "yes", "y", "rồi", "roi", "đã", "da"],
  no: ["không", "khong", "k", "ko", "no", "n", "chưa", "chua"],
  skip: ["-", "bỏ qua", "bo qua", "không có", "khong co"],
} as const;

/** The monthly report form of /dasinhhoat. */
export const reportText = {
  usage: (example: string) =>
    `Cách dùng:\n• /dasinhhoat — báo cáo từng mục (bấm nút hoặc gõ câu trả lời)\n• /dasinhhoat <các mục cách nhau bởi |> — báo cáo trong một dòng, ví dụ: ${example}\n• /dasinhhoat <số người dự> [ghi chú] — chỉ báo số người dự\n• /dasinhhoat sua — sửa một mục của báo cáo đã gửi`,
  start: (unitName: string, month: string, n: number) =>
    `Báo cáo sinh hoạt tháng ${guidesText.monthLabel(month)} của ${unitName}: ${n} mục. Gõ /huy để dừng.`,
  lost: "Phiên báo cáo đã kết thúc hoặc hết hạn. Gõ /dasinhhoat để báo cáo lại.",
  lineCount: (n: number) => `Báo cáo một dòng cần ${n} mục, cách nhau bởi dấu |.`,
  saved: (unitName: string, month: string) => `Đã ghi báo cáo sinh hoạt tháng ${guidesText.monthLabel(month)} của ${unitName}:`,
  updated: (unitName: string, month: string) => `Đã cập nhật báo cáo sinh hoạt tháng ${guidesText.monthLabel(month)} của ${unitName}:`,
  unchanged: (unitName: string, month: string) => `Báo cáo tháng ${guidesText.monthLabel(month)} của ${unitName} không thay đổi:`,
  fixHint: "Cần sửa: gõ /dasinhhoat sua.",
  missing: (labels: string[]) => `Báo cáo còn thiếu: ${labels.join("; ")}. Gõ /dasinhhoat để điền tiếp.`,
  noReport: (unitName: string, month: string) => `${unitName} chưa gửi báo cáo sinh hoạt tháng ${guidesText.monthLabel(month)}. Gõ /dasinhhoat để báo cáo.`,
  fixAsk: "Chọn mục cần sửa:",
  fixField: "Mục cần sửa",
  fixValue: "Giá trị mới",
  prefilled: (n: number) => `Theo điểm danh bằng mã tại buổi sinh hoạt: ${n} người. Gõ ${n} để xác nhận hoặc gõ số khác.`,
  detailTitle: (unitName: string, month: string, date: string) => `Báo cáo sinh hoạt tháng ${guidesText.monthLabel(month)} — ${unitName} (gửi ngày ${date}):`,
  noteLine: (note: string) => `• Ghi chú: ${note}`,
  completionFields: (filled: number, total: number) => ` · ${filled}/${total} mục`,
  photoMark: " · có ảnh",
  detailHint: "Xem chi tiết một chi đoàn: /sinhhoat <mã chi đoàn> [YYYY-MM]",
  notInArea: (code: string) => `Đơn vị ${code} không thuộc phạm vi của đồng chí.`,
  futureMonth: (month: string) =>
    `Hướng dẫn tháng ${guidesText.monthLabel(month)} chưa được ban hành: hướng dẫn của mỗi tháng được gửi vào đầu tháng đó. Gõ /huongdan để xem hướng dẫn tháng này.`,
  guideUsage: "Cách dùng: /huongdan [YYYY-MM] — hướng dẫn sinh hoạt chi đoàn tháng này hoặc một tháng đã qua (ví dụ /huongdan 2026-11).",
  tooOld: "Chỉ xem lại được hướng dẫn của 12 tháng gần nhất.",
} as const;
