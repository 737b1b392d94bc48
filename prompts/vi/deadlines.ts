/** Texts of the deadlines feature (giao việc, nhắc hạn, báo hoàn thành) — Vietnamese, shown to users. */

const daysPlan = (days: number[]) => {
  const before = days.filter((d) => d > 0);
  const parts: string[] = [];
  if (before.length) parts.push(`${before.join(", ")} ngày trước hạn`);
  if (days.includes(0)) parts.push("đúng ngày hạn");
  return parts.join(" và ") || "không nhắc";
};

/** "còn 3 ngày", "hạn hôm nay", "quá hạn 2 ngày". */
export const daysLeftText = (days: number) =>
  days > 1 ? `còn ${days} ngày` : days === 1 ? "còn 1 ngày (hạn ngày mai)" : days === 0 ? "hạn hôm nay" : `quá hạn ${-days} ngày`;

export const deadlinesText = {
  // ---- /giaoviec
  usage:
    "Giao việc cho đơn vị cấp dưới:\n" +
    "• Gõ /giaoviec rồi làm theo từng bước; hoặc\n" +
    "• Gõ một dòng: /giaoviec <ngày hạn dd/mm/yyyy> | <tiêu đề> | <chi tiết> [| mã đơn vị,...] [| nhắc 7,3,1,0]\n" +
    "Ví dụ: /giaoviec 15/12/2026 | Báo cáo tổng kết năm | Gửi file báo cáo qua email văn phòng | CD-A1,CD-A2\n" +
    "Không ghi mã đơn vị: giao cho tất cả chi đoàn trực thuộc.",
  /** Field names, as a one-line form names the bad one. */
  fields: {
    title: "Tiêu đề",
    due: "Ngày hạn",
    details: "Chi tiết",
    target: "Đơn vị nhận",
    codes: "Mã đơn vị",
    remind: "Lịch nhắc",
  },
  askTitle:
    "Bước 1/4 — Tiêu đề của việc cần giao là gì? (ví dụ: Báo cáo sơ kết 6 tháng)\n" +
    "Gõ /huy để thoát. Mẹo: có thể giao nhanh bằng một dòng — gõ /giaoviec ? để xem cách.",
  askDue: "Bước 2/4 — Hạn hoàn thành? Gõ ngày dạng dd/mm/yyyy (có thể kèm giờ, ví dụ 15/12/2026 17:00).",
  askDetails: "Bước 3/4 — Nội dung chi tiết, yêu cầu, nơi gửi báo cáo… (gõ - nếu không có).",
  askTarget: "Bước 4/4 — Giao cho đơn vị nào?",
  askCodes: (examples: string) =>
    `Gõ mã các đơn vị nhận việc, cách nhau bởi dấu phẩy (ví dụ: ${examples}).`,
  askRemind: "Gõ các mốc nhắc là số ngày trước hạn, cách nhau bởi dấu phẩy (0 = đúng ngày hạn). Ví dụ: 5,2,0",
  targetAllBranches: (unitName: string, n: number) => `Tất cả chi đoàn thuộc ${unitName} (${n})`,
  targetDirect: (unitName: string, n: number) => `Các đơn vị trực thuộc ${unitName} (${n})`,
  targetCodes: "Chọn đơn vị theo mã",
  btnCreate: "✅ Giao việc",
  btnChangeRemind: "Đổi lịch nhắc",
  btnCancel: "Hủy",
  confirm: (title: string, due: string, details: string, units: string[], total: number, plan: number[], hour: number) =>
    `Kiểm tra lại việc sẽ giao:\n` +
    `• Tiêu đề: ${title}\n` +
    `• Hạn: ${due}\n` +
    (details ? `• Chi tiết: ${details}\n` : "") +
    `• Đơn vị nhận (${total}): ${units.join(", ")}${total > units.length ? ", …" : ""}\n` +
    `• Nhắc: ${daysPlan(plan)}, lúc ${String(hour).padStart(2, "0")}:00`,
  created: (id: number, title: string, due: string, n: number, plan: number[], hour: number) =>
    `Đã giao việc #${id} “${title}” cho ${n} đơn vị, hạn ${due}.\n` +
    `Hệ thống sẽ nhắc bí thư các đơn vị ${daysPlan(plan)} (lúc ${String(hour).padStart(2, "0")}:00) và báo cho bạn các đơn vị quá hạn vào sáng hôm sau ngày hạn, sau đó hằng tuần.\n` +
    `Gõ /nhacviec ${id} để theo dõi.`,
  titleBad: (max: number) => `Tiêu đề cần từ 3 đến ${max} ký tự. Bạn gõ lại nhé.`,
  detailsTooLong: (max: number) => `Nội dung chi tiết dài quá (tối đa ${max} ký tự). Bạn rút gọn giúp nhé.`,
  dueBad: "Ngày hạn không hợp lệ. Gõ dạng dd/mm/yyyy, ví dụ 15/12/2026 (có thể kèm giờ 17:00).",
  duePast: "Ngày hạn phải sau thời điểm hiện tại. Bạn gõ lại ngày hạn nhé.",
  dueTooFar: "Ngày hạn quá xa (tối đa 2 năm kể từ hôm nay).",
  remindBad: "Lịch nhắc không hợp lệ: gõ tối đa 6 số từ 0 đến 60, cách nhau bởi dấu phẩy, ví dụ 7,3,1,0.",
  unknownUnit: (code: string) => `Không có đơn vị mã “${code}”.`,
  notInSubtree: (code: string) => `Đơn vị “${code}” không thuộc phạm vi đơn vị bạn phụ trách.`,
  noUnits: "Không có đơn vị nào để giao việc (đơn vị của bạn chưa có chi đoàn trực thuộc).",
  tooManyCodes: (max: number) => `Chỉ chọn tối đa ${max} mã đơn vị trong một lần giao.`,
  flowLost: "Thao tác giao việc đã hết hạn. Gõ /giaoviec để bắt đầu lại.",

  // ---- notices to the units
  newTask: (id: number, title: string, from: string, due: string, details: string, unitName: string) =>
    `📌 Việc mới #${id} cho ${unitName}: ${title}\n` +
    `Đơn vị giao: ${from}\n` +
    `Hạn: ${due}\n` +
    (details ? `\n${details}\n` : "") +
    `\nKhi xong, bấm nút bên dưới hoặc gõ /hoanthanh ${id} [ghi chú hoặc đường link].`,
  reminder: (id: number, title: string, due: string, daysLeft: number, unitName: string) =>
    `⏰ Nhắc việc #${id} (${unitName}): ${title}\n` +
    `Hạn: ${due} — ${daysLeftText(daysLeft)}.\n` +
    `Khi xong, bấm nút bên dưới hoặc gõ /hoanthanh ${id} [ghi chú hoặc đường link].`,
  btnDone: (id: number) => `✅ Đã xong #${id}`,

  // ---- overdue digest to the giver
  overdueDigest: (id: number, title: string, due: string, done: number, total: number, lines: string[], more: number) =>
    `⚠️ Việc #${id} “${title}” (hạn ${due}): ${done}/${total} đơn vị đã hoàn thành.\n` +
    `Các đơn vị chưa hoàn thành:\n${lines.join("\n")}` +
    (more > 0 ? `\n… và ${more} đơn vị khác (gõ /nhacviec ${id} để xem đủ).` : ""),
  overdueLine: (unitName: string, code: string, daysLate: number) => `• ${unitName} (${code}) — quá hạn ${daysLate} ngày`,
  allDone: (id: number, title: string, total: number) => `🎉 Tất cả ${total} đơn vị đã hoàn thành việc #${id} “${title}”.`,

  // ---- /nhacviec
  mineHeader: "Việc của đơn vị bạn chưa hoàn thành:",
  mineLine: (id: number, title: string, due: string, daysLeft: number, unitName: string | null) =>
    `#${id} ${title} — hạn ${due} (${daysLeftText(daysLeft)})${unitName ? ` — ${unitName}` : ""}`,
  mineNone: "Đơn vị bạn không có việc nào đang chờ hoàn thành. 👍",
  mineDoneRecently: (n: number) => `Đã hoàn thành trong 30 ngày qua: ${n} việc.`,
  givenHeader: "Việc bạn đã giao:",
  givenLine: (id: number, title: string, due: string, done: number, total: number, overdue: number) =>
    `#${id} ${title} — hạn ${due} — ${done}/${total} đơn vị đã xong` + (overdue > 0 ? ` (${overdue} quá hạn)` : ""),
  givenNone: "Bạn chưa giao việc nào gần đây. Gõ /giaoviec để giao việc.",
  footerSecretary: "Gõ /hoanthanh <số> [ghi chú hoặc link] khi đã xong.",
  footerCadre: "Gõ /nhacviec <số> để xem chi tiết từng việc.",
  detail: (id: number, title: string, due: string, from: string, details: string, done: number, total: number) =>
    `Việc #${id}: ${title}\nĐơn vị giao: ${from}\nHạn: ${due}\n` + (details ? `${details}\n` : "") + `Đã hoàn thành: ${done}/${total} đơn vị.`,
  detailPending: "Chưa hoàn thành:",
  detailDone: "Đã hoàn thành:",
  detailPendingLine: (unitName: string, code: string, status: string) => `• ${unitName} (${code}) — ${status}`,
  detailDoneLine: (unitName: string, at: string, onTime: boolean, note: string | null) =>
    `• ${unitName} — ${at}${onTime ? "" : " (trễ hạn)"}${note ? ` — ${note}` : ""}`,
  detailMore: (n: number) => `… và ${n} đơn vị khác (xem đủ bằng báo cáo: npm run cli -- report deadlines).`,
  notVisible: (id: number) => `Bạn không theo dõi được việc #${id} (việc không do bạn giao và không thuộc đơn vị bạn phụ trách).`,

  // ---- /hoanthanh
  doneUsage: "Gõ /hoanthanh <số việc> [ghi chú hoặc đường link]. Xem số việc bằng /nhacviec.",
  unknownTask: (id: number) => `Không tìm thấy việc #${id}. Gõ /nhacviec để xem các việc của đơn vị.`,
  notYourTask: (id: number) => `Việc #${id} không giao cho đơn vị của bạn, nên bạn không báo hoàn thành được.`,
  noteTooLong: (max: number) => `Ghi chú dài quá (tối đa ${max} ký tự).`,
  done: (id: number, title: string, unitName: string, onTime: boolean) =>
    `Đã ghi nhận ${unitName} hoàn thành việc #${id} “${title}”` + (onTime ? " đúng hạn. Cảm ơn bạn!" : " (sau hạn). Cảm ơn bạn!"),
  alreadyDone: (id: number, unitName: string, at: string) => `Việc #${id} của ${unitName} đã được báo hoàn thành lúc ${at}. Không cần báo lại.`,
} as const;

/** Recurring tasks, task report fields and files, and the overdue notice to the late unit. */
export const deadlinesMoreText = {
  usageMore:
    "Thêm vào cuối dòng (tùy chọn):\n" +
    "• | lặp hằng tháng — hoặc | lặp hằng năm: việc tự giao lại theo ngày hạn (mỗi lần là một việc riêng, có nhắc riêng)\n" +
    "• | mục: Số người dự:số; Xếp loại:Vững mạnh/Khá/Trung bình/Yếu; Có tổ chức:có/không; Ghi chú:chữ — các mục đơn vị phải báo khi hoàn thành (thêm :<mã chỉ tiêu> để cộng vào chỉ tiêu, ví dụ Số cây:số:trees_planted)\n" +
    "• | kèm tệp — đơn vị phải gửi kèm tài liệu hoặc ảnh khi hoàn thành",
  recurMonthly: (day: number) => `hằng tháng, ngày ${day}`,
  recurYearly: (ddmm: string) => `hằng năm, ngày ${ddmm}`,
  recurLine: (text: string) => `• Lặp lại: ${text}`,
  fieldsLine: (labels: string[]) => `• Đơn vị báo cáo khi hoàn thành: ${labels.join("; ")}`,
  fileLine: "• Kèm tệp (tài liệu hoặc ảnh) khi hoàn thành",
  recurBad: "Ghi “lặp hằng tháng” hoặc “lặp hằng năm”.",
  fields: { recur: "Lặp lại", spec: "Mục báo cáo", file: "Kèm tệp" },
  btnRecur: "Lặp lại",
  btnFields: "Thêm mục báo cáo",
  btnFile: "Yêu cầu kèm tệp",
  askRecur: "Việc này có lặp lại không?",
  recurNone: "Không lặp",
  askSpec:
    "Gõ các mục đơn vị phải báo khi hoàn thành, cách nhau bởi dấu “;”, mỗi mục dạng <tên>:<kiểu> (kiểu: số, có/không, chữ, ảnh, hoặc các lựa chọn cách nhau bởi “/”). Ví dụ: Số người dự:số; Xếp loại:Vững mạnh/Khá/Trung bình/Yếu. Gõ - để không có mục nào.",
  askFile: "Đơn vị có phải gửi kèm tệp (tài liệu hoặc ảnh) khi hoàn thành không?",
  yes: "Có",
  no: "Không",
  // ---- completion with a form
  fillStart: (id: number, title: string, unitName: string, n: number) => `Báo cáo hoàn thành việc #${id} “${title}” của ${unitName}: ${n} mục. Gõ /huy để dừng.`,
  fillLost: "Phiên báo cáo hoàn thành đã kết thúc hoặc hết hạn. Gõ /hoanthanh <số> để làm lại.",
  fillUsage: (id: number, example: string) => `Báo cáo một dòng: /hoanthanh ${id} ${example}`,
  fillCount: (n: number) => `Báo cáo một dòng cần ${n} mục, cách nhau bởi dấu |.`,
  fileField: "Tệp báo cáo (tài liệu hoặc ảnh)",
  answersTitle: "Nội dung báo cáo:",
  fileSaved: "Đã nhận tệp kèm theo.",
  stopped: (id: number, title: string) => `Đã dừng lặp việc #${id} “${title}”: sẽ không giao thêm lần sau. Lần này vẫn giữ hạn như cũ.`,
  notRecurring: (id: number) => `Việc #${id} không lặp lại.`,
  stopHint: (id: number) => `Dừng lặp: /nhacviec ${id} dunglap`,
  // ---- overdue notice to the late unit
  overdueUnit: (id: number, title: string, due: string, unitName: string, daysLate: number) =>
    `⚠ Việc #${id} “${title}” của ${unitName} đã quá hạn ${daysLate} ngày (hạn ${due}).\nĐồng chí hoàn thành và gõ /hoanthanh ${id} (hoặc bấm nút dưới đây).`,
} as const;

/** Words typed in a one-line /giaoviec. */
export const deadlineWords = {
  recur: ["lặp", "lap"],
  monthly: ["hằng tháng", "hàng tháng", "hang thang", "mỗi tháng", "moi thang"],
  yearly: ["hằng năm", "hàng năm", "hang nam", "mỗi năm", "moi nam"],
  fields: ["mục", "muc"],
  file: ["kèm tệp", "kem tep", "kèm file", "kem file"],
  /** "/nhacviec <số> dunglap": stop a recurring task after this occurrence */
  stop: ["dunglap", "dừng lặp", "dung lap", "dừnglặp"],
} as const;
