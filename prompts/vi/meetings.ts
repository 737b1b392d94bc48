/** Texts of the branch meeting schedules (lịch sinh hoạt chi đoàn) — Vietnamese, shown to users. */

export const meetingsText = {
  // ---- /lichsinhhoat (secretary)
  usage:
    "Đặt lịch sinh hoạt chi đoàn: /lichsinhhoat <dd/mm hh:mm> | <địa điểm>\n" +
    "Ví dụ: /lichsinhhoat 12/11 19:30 | Nhà văn hóa ấp 1\n" +
    "Đoàn viên của chi đoàn được báo ngay và được nhắc trước 24 giờ. Đặt lại trong cùng tháng là đổi lịch.",
  notSecretary: "Chỉ bí thư chi đoàn đặt được lịch sinh hoạt của chi đoàn mình.",
  badDate: "Thời gian không hợp lệ. Gõ dạng dd/mm hh:mm (hoặc dd/mm/yyyy hh:mm), ví dụ 12/11 19:30.",
  past: "Thời gian sinh hoạt phải sau thời điểm hiện tại.",
  tooFar: (days: number) => `Chỉ đặt lịch trong vòng ${days} ngày tới.`,
  placeTooLong: (max: number) => `Địa điểm dài quá (tối đa ${max} ký tự).`,
  placeMissing: "Thiếu địa điểm. Gõ: /lichsinhhoat <dd/mm hh:mm> | <địa điểm>",
  set: (branch: string, when: string, place: string, code: string, members: number) =>
    `✅ Đã đặt lịch sinh hoạt ${branch}: ${when} tại ${place}.\n` +
    `Đã báo ${members} đoàn viên; hệ thống sẽ nhắc trước 24 giờ.\n` +
    `🔑 Mã điểm danh: ${code} — đọc cho đoàn viên tại buổi sinh hoạt để họ gõ /comat ${code}. ` +
    `Số người điểm danh sẽ được điền sẵn khi bạn báo cáo /dasinhhoat.`,
  moved: (branch: string, when: string, place: string, code: string, members: number) =>
    `✅ Đã đổi lịch sinh hoạt ${branch} sang ${when} tại ${place}.\n` +
    `Đã báo lại ${members} đoàn viên; lời nhắc được chuyển theo giờ mới. Mã điểm danh vẫn là ${code}.`,
  current: (branch: string, when: string, place: string, code: string, present: number) =>
    `📅 Lịch sinh hoạt ${branch}: ${when} tại ${place}.\n🔑 Mã điểm danh: ${code} · đã điểm danh: ${present} người.`,
  none: (branch: string) => `${branch} chưa có lịch sinh hoạt sắp tới.`,

  // ---- what members receive
  notice: (branch: string, when: string, place: string) =>
    `📅 ${branch} sinh hoạt lúc ${when} tại ${place}.\nMời bạn tham gia đầy đủ. Tại buổi sinh hoạt, gõ /comat <mã> (mã do bí thư đọc) để điểm danh.`,
  movedNotice: (branch: string, when: string, place: string) =>
    `📅 ${branch} đổi lịch sinh hoạt sang ${when} tại ${place}.\nTại buổi sinh hoạt, gõ /comat <mã> (mã do bí thư đọc) để điểm danh.`,
  reminder: (branch: string, when: string, place: string) =>
    `⏰ Nhắc lịch: ${branch} sinh hoạt lúc ${when} (còn 24 giờ) tại ${place}. Hẹn gặp bạn!`,

  // ---- /comat (members)
  checkinUsage: "Gõ /comat <mã điểm danh> (mã do bí thư đọc tại buổi sinh hoạt, hoặc ban tổ chức đọc tại ca tình nguyện).",
  checkinUnknown: "Mã điểm danh không đúng hoặc không dành cho bạn. Kiểm tra lại mã với bí thư hoặc ban tổ chức.",
  checkinTooEarly: (when: string) => `Chưa đến giờ điểm danh: buổi sinh hoạt bắt đầu lúc ${when} (điểm danh từ 30 phút trước giờ bắt đầu).`,
  checkinClosed: "Buổi sinh hoạt này đã hết thời gian điểm danh.",
  checkedIn: (branch: string, when: string, present: number) => `✅ Đã điểm danh buổi sinh hoạt ${branch} (${when}). Có mặt: ${present} người.`,
  alreadyCheckedIn: (branch: string) => `Bạn đã điểm danh buổi sinh hoạt ${branch} rồi.`,

  // ---- /lichchidoan (upper-level cadres)
  areaHeader: (unit: string, month: string) => `Lịch sinh hoạt các chi đoàn thuộc ${unit} — tháng ${month}:`,
  areaLine: (when: string, branch: string, place: string, present: number | null) =>
    `• ${when} · ${branch} · ${place}` + (present === null ? "" : ` · ${present} người điểm danh`),
  areaMore: (n: number) => `… và ${n} buổi khác.`,
  areaFooter: (withDate: number, branches: number) => `${withDate}/${branches} chi đoàn đã đăng ký lịch tháng này.`,
  areaNone: (unit: string, month: string, branches: number) => `Chưa chi đoàn nào thuộc ${unit} đăng ký lịch sinh hoạt tháng ${month} (${branches} chi đoàn).`,
  areaNotCadre: "Lệnh này dành cho cán bộ Đoàn cấp trên để xem lịch sinh hoạt các chi đoàn.",
  unknownUnit: (code: string) => `Không có đơn vị mã “${code}”.`,
  notInSubtree: (code: string) => `Đơn vị “${code}” không thuộc phạm vi đơn vị bạn phụ trách.`,
} as const;
