/** Texts of the volunteer campaigns feature (chiến dịch tình nguyện) — Vietnamese, shown to users. */

export const volunteersText = {
  // ---- /taochiendich
  usage:
    "Tạo chiến dịch tình nguyện:\n" +
    "• Gõ /taochiendich rồi làm theo từng bước; hoặc\n" +
    "• Gõ một dòng: /taochiendich <tên> | <bắt đầu dd/mm/yyyy hh:mm> | <kết thúc dd/mm/yyyy hh:mm> | <địa điểm> | <số chỗ> | <hạn đăng ký dd/mm/yyyy> [| <mã đơn vị phạm vi>] [| <chỉ tiêu mỗi chi đoàn>] [| <mô tả>]\n" +
    "Ví dụ: /taochiendich Chủ nhật xanh | 06/12/2026 07:00 | 06/12/2026 11:00 | Bờ kè ấp 1 | 30 | 04/12/2026 | XA-A | 5",
  steps: {
    title: "Bước 1/9 — Tên chiến dịch? (ví dụ: Chủ nhật xanh tháng 12)\nGõ /huy để thoát. Gõ /taochiendich ? để xem cách tạo nhanh bằng một dòng.",
    start: "Bước 2/9 — Thời gian bắt đầu? Gõ dd/mm/yyyy hh:mm, ví dụ 06/12/2026 07:00.",
    end: "Bước 3/9 — Thời gian kết thúc? Gõ dd/mm/yyyy hh:mm (hoặc chỉ giờ hh:mm nếu cùng ngày).",
    place: "Bước 4/9 — Địa điểm tập trung?",
    capacity: "Bước 5/9 — Số chỗ (số người tối đa)?",
    deadline: "Bước 6/9 — Hạn đăng ký? Gõ dd/mm/yyyy [hh:mm], hoặc - để lấy 1 ngày trước giờ bắt đầu.",
    scope: (codes: string) => `Bước 7/9 — Dành cho đoàn viên thuộc đơn vị nào? Gõ mã đơn vị (${codes}), hoặc - để lấy đơn vị của bạn.`,
    quota: "Bước 8/9 — Chỉ tiêu tối đa mỗi chi đoàn? Gõ một số, hoặc - nếu không giới hạn.",
    description: "Bước 9/9 — Mô tả, yêu cầu chuẩn bị (gõ - nếu không có).",
  },
  /** Field names, as a one-line form names the bad one. */
  fields: {
    title: "Tên chiến dịch",
    startsAt: "Bắt đầu",
    endsAt: "Kết thúc",
    place: "Địa điểm",
    capacity: "Số chỗ",
    signupDeadline: "Hạn đăng ký",
    scopeUnitId: "Mã đơn vị phạm vi",
    quotaPerBranch: "Chỉ tiêu mỗi chi đoàn",
    description: "Mô tả",
  },
  confirm: (summary: string) => `Kiểm tra lại chiến dịch:\n${summary}`,
  summary: (c: { title: string; start: string; end: string; place: string; capacity: number; deadline: string; scope: string; quota: number | null; description: string }) =>
    `• Tên: ${c.title}\n` +
    `• Thời gian: ${c.start} – ${c.end}\n` +
    `• Địa điểm: ${c.place || "—"}\n` +
    `• Số chỗ: ${c.capacity}` +
    (c.quota ? ` (tối đa ${c.quota} người mỗi chi đoàn)` : "") +
    `\n• Hạn đăng ký: ${c.deadline}\n` +
    `• Dành cho: ${c.scope}` +
    (c.description ? `\n• Mô tả: ${c.description}` : ""),
  btnCreate: "✅ Tạo chiến dịch",
  btnCancel: "Hủy",
  created: (id: number, title: string) =>
    `Đã tạo chiến dịch #${id} “${title}”. Đoàn viên trong phạm vi xem bằng /tinhnguyen và đăng ký bằng /dangky ${id}.\n` +
    `Bạn theo dõi bằng /chiendich ${id}; khi diễn ra, điểm danh bằng /diemdanh ${id}.`,
  flowLost: "Thao tác tạo chiến dịch đã hết hạn. Gõ /taochiendich để bắt đầu lại.",
  bad: {
    title: (max: number) => `Tên chiến dịch cần từ 3 đến ${max} ký tự.`,
    date: "Thời gian không hợp lệ. Gõ dạng dd/mm/yyyy hh:mm, ví dụ 06/12/2026 07:00.",
    startPast: "Thời gian bắt đầu phải sau thời điểm hiện tại.",
    endBeforeStart: "Thời gian kết thúc phải sau thời gian bắt đầu (và trong vòng 60 ngày).",
    place: (max: number) => `Địa điểm dài quá (tối đa ${max} ký tự).`,
    capacity: (max: number) => `Số chỗ phải là số nguyên từ 1 đến ${max.toLocaleString("vi-VN")}.`,
    deadline: "Hạn đăng ký phải sau thời điểm hiện tại và không muộn hơn giờ bắt đầu.",
    quota: "Chỉ tiêu mỗi chi đoàn phải là số nguyên từ 1 đến số chỗ, hoặc - nếu không giới hạn.",
    description: (max: number) => `Mô tả dài quá (tối đa ${max} ký tự).`,
    unknownUnit: (code: string) => `Không có đơn vị mã “${code}”.`,
    notInSubtree: (code: string) => `Đơn vị “${code}” không thuộc phạm vi đơn vị bạn phụ trách.`,
    fields: "Thiếu thông tin.",
  },

  // ---- /tinhnguyen
  listHeader: "Chiến dịch tình nguyện đang mở cho đơn vị bạn:",
  listNone: "Hiện chưa có chiến dịch tình nguyện nào đang mở đăng ký cho đơn vị bạn.",
  campaignLine: (c: { id: number; title: string; start: string; end: string; place: string; deadline: string; left: number; capacity: number; waiting: number; mine: string | null }) =>
    `#${c.id} ${c.title}\n` +
    `   🕗 ${c.start} – ${c.end}${c.place ? ` · 📍 ${c.place}` : ""}\n` +
    `   Hạn đăng ký: ${c.deadline} · ` +
    (c.left > 0 ? `còn ${c.left}/${c.capacity} chỗ` : `hết chỗ (${c.waiting} người chờ)`) +
    (c.mine ? `\n   ➜ ${c.mine}` : ""),
  mine: {
    confirmed: "Bạn đã đăng ký",
    waitlist: (pos: number) => `Bạn đang chờ, vị trí ${pos}`,
    offered: (until: string) => `Có chỗ dành cho bạn — nhận trước ${until} (/dangky để nhận)`,
  },
  myTotal: (n: number) => `Bạn đã tham gia ${n} lượt tình nguyện. Cảm ơn bạn!`,
  listFooter: "Gõ /dangky <số> để đăng ký, /huydangky <số> để hủy.",
  btnSignup: (id: number) => `Đăng ký #${id}`,

  // ---- /dangky, /huydangky
  signupUsage: "Gõ /dangky <số chiến dịch>. Xem các chiến dịch bằng /tinhnguyen.",
  cancelUsage: "Gõ /huydangky <số chiến dịch>.",
  unknown: (id: number) => `Không tìm thấy chiến dịch #${id}. Gõ /tinhnguyen để xem các chiến dịch đang mở.`,
  notInScope: (id: number) => `Chiến dịch #${id} không dành cho đơn vị của bạn.`,
  closed: (id: number, deadline: string) => `Chiến dịch #${id} đã hết hạn đăng ký (${deadline}).`,
  started: (id: number) => `Chiến dịch #${id} đã bắt đầu, không thay đổi đăng ký được nữa.`,
  confirmed: (id: number, title: string, start: string, place: string) =>
    `✅ Bạn đã đăng ký chiến dịch #${id} “${title}”.\nThời gian: ${start}${place ? `\nĐịa điểm: ${place}` : ""}\n` +
    `Hệ thống sẽ nhắc bạn trước 24 giờ và 2 giờ. Nếu bận, gõ /huydangky ${id} để nhường chỗ cho bạn khác.`,
  waitlisted: (id: number, title: string, pos: number) =>
    `Chiến dịch #${id} “${title}” đã đủ chỗ. Bạn được xếp vào danh sách chờ, vị trí ${pos}. ` +
    `Khi có người hủy, hệ thống sẽ báo để bạn nhận chỗ.`,
  alreadyConfirmed: (id: number) => `Bạn đã đăng ký chiến dịch #${id} rồi.`,
  alreadyWaiting: (id: number, pos: number) => `Bạn đang trong danh sách chờ của chiến dịch #${id}, vị trí ${pos}.`,
  accepted: (id: number, title: string, start: string) => `✅ Bạn đã nhận chỗ trong chiến dịch #${id} “${title}” (${start}). Hẹn gặp bạn!`,
  cancelledConfirmed: (id: number) => `Đã hủy đăng ký chiến dịch #${id}. Chỗ của bạn được chuyển cho bạn đang chờ. Cảm ơn bạn đã báo sớm!`,
  cancelledWaiting: (id: number) => `Đã rút tên khỏi danh sách chờ của chiến dịch #${id}.`,
  declined: (id: number) => `Bạn đã không nhận chỗ trong chiến dịch #${id}; chỗ được chuyển cho bạn tiếp theo.`,
  notSigned: (id: number) => `Bạn chưa đăng ký chiến dịch #${id}.`,

  // ---- offers and reminders
  offer: (id: number, title: string, start: string, until: string) =>
    `🎉 Có chỗ trống trong chiến dịch #${id} “${title}” (${start}) dành cho bạn!\n` +
    `Bạn nhận chỗ trước ${until} bằng nút bên dưới hoặc gõ /dangky ${id}. Sau thời hạn này chỗ sẽ được chuyển cho bạn tiếp theo.`,
  btnAccept: "✅ Nhận chỗ",
  btnDecline: "Không tham gia",
  offerExpired: (id: number, title: string) =>
    `Đã hết thời gian nhận chỗ trong chiến dịch #${id} “${title}”, chỗ được chuyển cho bạn tiếp theo. Bạn có thể /dangky ${id} lại để vào danh sách chờ.`,
  offerGone: (id: number) => `Lời mời nhận chỗ trong chiến dịch #${id} không còn hiệu lực.`,
  reminder: (id: number, title: string, start: string, place: string, hours: number) =>
    `⏰ Còn ${hours} giờ nữa chiến dịch #${id} “${title}” bắt đầu (${start})${place ? ` tại ${place}` : ""}.\n` +
    `Nếu không tham gia được, gõ /huydangky ${id} để nhường chỗ.`,

  // ---- /chiendich (organiser)
  orgHeader: "Chiến dịch bạn tổ chức hoặc phụ trách:",
  orgNone: "Chưa có chiến dịch nào. Gõ /taochiendich để tạo.",
  orgLine: (c: { id: number; title: string; start: string; confirmed: number; capacity: number; waiting: number; attended: number }) =>
    `#${c.id} ${c.title} — ${c.start} — ${c.confirmed}/${c.capacity} đã đăng ký, ${c.waiting} chờ, ${c.attended} lượt tham gia`,
  orgFooter: "Gõ /chiendich <số> để xem chi tiết, /diemdanh <số> để điểm danh.",
  orgDetail: (summary: string, confirmed: number, offered: number, waiting: number, attended: number, marked: number) =>
    `${summary}\n\nĐã đăng ký: ${confirmed} · đang mời nhận chỗ: ${offered} · chờ: ${waiting}\n` +
    `Điểm danh: ${attended} lượt có mặt (đã điểm danh ${marked}/${confirmed}).`,
  notOrganiser: (id: number) => `Bạn không phụ trách chiến dịch #${id}.`,

  // ---- /diemdanh
  attendUsage: (id: number) =>
    `Điểm danh: /diemdanh ${id} <các số thứ tự có mặt, ví dụ 1,3,5> · /diemdanh ${id} tatca · /diemdanh ${id} vang <số> để ghi vắng.`,
  attendUsageGeneric: "Gõ /diemdanh <số chiến dịch> để xem danh sách điểm danh. Xem số chiến dịch bằng /chiendich.",
  attendList: (id: number, title: string) => `Danh sách điểm danh chiến dịch #${id} “${title}”:`,
  attendLine: (n: number, name: string, branch: string, mark: boolean | null) =>
    `${n}. ${mark === true ? "✅" : mark === false ? "❌" : "⬜"} ${name} — ${branch}`,
  attendTotals: (present: number, absent: number, total: number) => `Có mặt: ${present} lượt · vắng: ${absent} · tổng đăng ký: ${total}.`,
  attendEmpty: (id: number) => `Chiến dịch #${id} chưa có ai đăng ký.`,
  attendTooEarly: (id: number, start: string) => `Chiến dịch #${id} bắt đầu lúc ${start}; bạn điểm danh từ ngày diễn ra.`,
  attendBadNumbers: (max: number) => `Số thứ tự không hợp lệ: chỉ dùng các số từ 1 đến ${max}, cách nhau bởi dấu phẩy hoặc khoảng trắng.`,
  attendSaved: (present: number, absent: number, total: number) => `Đã lưu điểm danh. Có mặt: ${present} lượt · vắng: ${absent} · tổng đăng ký: ${total}.`,
} as const;
