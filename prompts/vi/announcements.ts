/** Texts of the announcements feature (thông báo, theo dõi chủ đề) — Vietnamese, shown to users. */

export const announcementsText = {
  /** Name of each kind, as the member reads it at the top of the message. */
  kinds: {
    announcement: "📢 THÔNG BÁO",
    session: "🎤 PHIÊN ĐỐI THOẠI",
    campaign: "🤝 CHIẾN DỊCH TÌNH NGUYỆN",
    jobfair: "💼 SÀN GIAO DỊCH VIỆC LÀM",
  } as Record<string, string>,
  /** The message a member receives. */
  message: (o: { kind: string; unit: string; topic: string | null; text: string }) =>
    `${o.kind} — ${o.unit}` + (o.topic ? `\nChủ đề: ${o.topic}` : "") + `\n\n${o.text}\n\n` +
    "— Gõ /tatthongbao nếu không muốn nhận thông báo; /theodoi để chọn chủ đề quan tâm.",
  /** The automatic summary to the sender once delivery is over. */
  summary: (o: { id: number; recipients: number; sent: number; blocked: number; failed: number; pending: number }) =>
    `Kết quả thông báo #${o.id}: ${o.recipients} người nhận — đã gửi ${o.sent}, bị chặn ${o.blocked}, lỗi ${o.failed}` +
    (o.pending ? `, còn đang gửi ${o.pending}` : "") +
    ".",
  /** The monthly job fair (12th of each month), announced to followers of the jobs topic. */
  jobFair: (date: string) =>
    `Sàn giao dịch việc làm định kỳ ngày ${date}: gặp trực tiếp doanh nghiệp tuyển dụng, tư vấn học nghề, ` +
    "xuất khẩu lao động và hướng nghiệp. Bạn mang theo CCCD và hồ sơ xin việc (nếu có). " +
    "Hỏi thêm về việc làm bằng /hoi.",

  // ---- /thongbao
  steps: {
    text: (max: number) =>
      `Bước 1/5 — Nội dung thông báo? (tối đa ${max.toLocaleString("vi-VN")} ký tự)\nGõ /huy để thoát.`,
    units: "Bước 2/5 — Gửi cho đơn vị nào (kèm mọi đơn vị cấp dưới)? Bấm chọn, hoặc gõ mã đơn vị (nhiều mã cách nhau bằng dấu phẩy), hoặc - để lấy đơn vị của bạn.",
    roles: "Bước 3/5 — Gửi cho ai? Bấm chọn, hoặc gõ vai trò (youth, secretary, cadre, admin; cách nhau bằng dấu phẩy), hoặc - để gửi mọi người.",
    topic: "Bước 4/5 — Theo chủ đề? Chọn một chủ đề để chỉ gửi người theo dõi chủ đề đó (/theodoi), hoặc “Không theo chủ đề” để gửi mọi người trong phạm vi.",
    at: "Bước 5/5 — Khi nào gửi? Bấm “Gửi ngay”, hoặc gõ thời gian hẹn dạng dd/mm/yyyy hh:mm, ví dụ 15/12/2026 08:00.",
  },
  fields: {
    text: "Nội dung",
    units: "Đơn vị",
    roles: "Vai trò",
    topic: "Chủ đề",
    at: "Thời gian gửi",
  },
  allRoles: "Mọi người",
  roleChoice: {
    youth: "Đoàn viên, thanh niên",
    secretary: "Bí thư chi đoàn",
    cadres: "Cán bộ Đoàn",
  },
  noTopic: "Không theo chủ đề",
  sendNow: "Gửi ngay",
  confirm: (o: { text: string; units: string; roles: string; topic: string | null; when: string | null; recipients: number }) =>
    "Kiểm tra lại thông báo:\n" +
    `• Gửi cho: ${o.units} (kèm các đơn vị cấp dưới)\n` +
    `• Vai trò: ${o.roles}\n` +
    `• Chủ đề: ${o.topic ? `${o.topic} (chỉ người theo dõi chủ đề)` : "không"}\n` +
    `• Thời gian: ${o.when ?? "gửi ngay"}\n` +
    `• Số người nhận: ${o.recipients.toLocaleString("vi-VN")} (không tính người đã tắt thông báo)\n\n` +
    `Nội dung:\n${o.text}`,
  btnSend: "✅ Gửi thông báo",
  btnCancel: "Hủy",
  btnEditText: "Sửa nội dung",
  btnEditAt: "Đổi thời gian",
  queued: (id: number, n: number) =>
    `Đã xếp thông báo #${id} vào hàng gửi cho ${n.toLocaleString("vi-VN")} người. ` +
    `Khi gửi xong, bạn sẽ nhận kết quả (đã gửi, bị chặn, lỗi); xem bất cứ lúc nào bằng /ketquathongbao ${id}.`,
  scheduled: (id: number, n: number, when: string) =>
    `Đã hẹn gửi thông báo #${id} lúc ${when} (hiện có ${n.toLocaleString("vi-VN")} người nhận). ` +
    `Xem tình hình bằng /ketquathongbao ${id}.`,
  flowLost: "Thao tác soạn thông báo đã hết hạn. Gõ /thongbao để bắt đầu lại.",
  bad: {
    text: (max: number) => `Nội dung thông báo cần từ 3 đến ${max.toLocaleString("vi-VN")} ký tự.`,
    noUnit: "Bạn chưa phụ trách đơn vị nào để gửi thông báo.",
    tooManyUnits: (max: number) => `Mỗi thông báo gửi tối đa ${max} đơn vị.`,
    unknownUnit: (code: string) => `Không có đơn vị mã “${code}”.`,
    notInSubtree: (code: string) => `Đơn vị “${code}” không thuộc phạm vi đơn vị bạn phụ trách.`,
    roles: "Vai trò không hợp lệ. Gõ youth, secretary, cadre, admin (cách nhau bằng dấu phẩy), hoặc - để gửi mọi người.",
    topic: (keys: string) => `Không có chủ đề này. Các chủ đề: ${keys}; hoặc - để không theo chủ đề.`,
    date: "Thời gian không hợp lệ. Gõ dạng dd/mm/yyyy hh:mm, ví dụ 15/12/2026 08:00.",
    when: (days: number) => `Thời gian hẹn gửi phải sau thời điểm hiện tại và trong vòng ${days} ngày.`,
    tooManyFollows: "Bạn đã theo dõi quá nhiều chủ đề.",
    unknownTopic: "Không có chủ đề này. Gõ /theodoi để xem danh sách chủ đề.",
  },

  // ---- /ketquathongbao
  results: (lines: string) => `Thông báo gần đây của bạn:\n\n${lines}`,
  resultsNone: "Bạn chưa gửi thông báo nào. Gõ /thongbao để soạn thông báo.",
  resultUnknown: (id: string) => `Không có thông báo “${id}” do bạn gửi. Gõ /ketquathongbao để xem các thông báo của bạn.`,
  resultScheduled: (id: number, text: string, when: string) => `#${id} (hẹn gửi ${when}): “${short(text)}”`,
  resultLine: (id: number, text: string, when: string, c: { recipients: number; sent: number; blocked: number; failed: number; pending: number }) =>
    `#${id} (${when}): “${short(text)}”\n` +
    `${c.recipients} người nhận — đã gửi ${c.sent}, bị chặn ${c.blocked}, lỗi ${c.failed}, đang chờ gửi ${c.pending}`,

  // ---- /theodoi, /botheodoi, /tatthongbao, /batthongbao
  topicLine: (n: number, label: string, key: string, following: boolean) => `${n}. ${following ? "✅ " : ""}${label} (${key})`,
  topicList: (lines: string, muted: boolean) =>
    "Các chủ đề bạn có thể theo dõi để nhận thông báo (✅: đang theo dõi):\n" +
    `${lines}\n\n` +
    "Theo dõi: bấm nút hoặc gõ /theodoi <số hoặc mã chủ đề>, ví dụ /theodoi viec_lam. Bỏ theo dõi: /botheodoi." +
    (muted ? "\n\nBạn đang tắt thông báo: gõ /batthongbao để nhận lại." : ""),
  followed: (label: string, muted: boolean) =>
    `Đã theo dõi chủ đề “${label}”. Bạn sẽ nhận thông báo (phiên đối thoại, chiến dịch, sàn việc làm…) về chủ đề này.` +
    (muted ? " Lưu ý: bạn đang tắt thông báo — gõ /batthongbao để nhận." : ""),
  alreadyFollowing: (label: string) => `Bạn đang theo dõi chủ đề “${label}”. Gõ /botheodoi để bỏ theo dõi.`,
  unfollowed: (label: string) => `Đã bỏ theo dõi chủ đề “${label}”.`,
  notFollowing: (label: string) => `Bạn không theo dõi chủ đề “${label}”.`,
  followsNone: "Bạn chưa theo dõi chủ đề nào. Gõ /theodoi để chọn.",
  unfollowPick: "Chọn chủ đề muốn bỏ theo dõi (hoặc gõ /botheodoi <số hoặc mã chủ đề>):",
  muted: "Đã tắt thông báo: bạn sẽ không nhận thông báo chung của Đoàn nữa (câu trả lời cho câu hỏi của bạn và việc được giao vẫn đến). Gõ /batthongbao để nhận lại.",
  unmuted: "Đã bật lại thông báo. Gõ /theodoi để chọn chủ đề quan tâm.",
};

/** The start of an announcement, as a list shows it. */
function short(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}
