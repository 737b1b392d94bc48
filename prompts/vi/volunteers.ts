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

/** Umbrella campaigns (chiến dịch lớn), their activities and shifts, check-in, results, certificates. */
export const campaignsText = {
  // ---- /chiendichlon
  programUsage:
    "Tạo chiến dịch lớn (nhiều hoạt động ở nhiều đơn vị):\n" +
    "/chiendichlon <tên> | <từ ngày dd/mm/yyyy> | <đến ngày dd/mm/yyyy> [| <mã đơn vị phạm vi>] [| <chủ đề>]\n" +
    "Ví dụ: /chiendichlon Chiến dịch Thanh niên tình nguyện hè 2027 | 01/06/2027 | 31/08/2027 | TINH | tinh_nguyen_van_hoa\n" +
    "Gõ /chiendichlon (không kèm gì) để xem các chiến dịch lớn và kết quả.",
  programCreated: (id: number, title: string, announced: number) =>
    `✅ Đã tạo chiến dịch lớn #${id} “${title}”.` +
    (announced ? ` Đã thông báo cho ${announced} đoàn viên theo dõi chủ đề.` : "") +
    `\nCác đơn vị thêm hoạt động và ca bằng /hoatdong ${id} | <tên hoạt động> | <mã đơn vị> | <địa điểm> | <ca>; …`,
  programAnnounce: (title: string, from: string, to: string, scope: string) =>
    `📣 ${title} (${from} – ${to}) do ${scope} phát động. Xem các hoạt động, ca và đăng ký bằng /tinhnguyen.`,
  campaignAnnounce: (id: number, title: string, start: string, place: string) =>
    `📣 Chiến dịch tình nguyện #${id} “${title}” (${start}${place ? `, ${place}` : ""}) đang mở đăng ký: gõ /dangky ${id}, xem thêm bằng /tinhnguyen.`,
  programNone: "Chưa có chiến dịch lớn nào trong phạm vi bạn phụ trách. Gõ /chiendichlon ? để xem cách tạo.",
  programHeader: "Chiến dịch lớn trong phạm vi bạn phụ trách:",
  programLine: (p: { id: number; title: string; from: string; to: string; activities: number; shifts: number; turns: number; results: string }) =>
    `#${p.id} ${p.title} (${p.from} – ${p.to})\n   ${p.activities} hoạt động · ${p.shifts} ca · ${p.turns} lượt tham gia${p.results ? ` · ${p.results}` : ""}`,
  results: (r: { trees: number; blood: number; helped: number }) =>
    [r.trees ? `${r.trees} cây xanh` : "", r.blood ? `${r.blood} đơn vị máu` : "", r.helped ? `${r.helped} người được giúp` : ""].filter(Boolean).join(", "),
  bad: {
    title: (max: number) => `Tên chiến dịch cần từ 3 đến ${max} ký tự.`,
    dates: "Ngày không hợp lệ: gõ dd/mm/yyyy; ngày kết thúc không trước ngày bắt đầu, chiến dịch dài tối đa 366 ngày và chưa kết thúc.",
    topic: (topic: string) => `Không có chủ đề “${topic}”. Xem các chủ đề bằng /theodoi.`,
    unknownProgram: (id: number) => `Không tìm thấy chiến dịch lớn #${id}. Gõ /chiendichlon để xem danh sách.`,
    notYourProgram: (id: number) => `Chiến dịch lớn #${id} không thuộc phạm vi bạn phụ trách.`,
    programEnded: (id: number) => `Chiến dịch lớn #${id} đã kết thúc.`,
    shift: (n: number) =>
      `Ca ${n} không hợp lệ. Mỗi ca gõ dạng <dd/mm/yyyy hh:mm-hh:mm> <số chỗ>, các ca cách nhau bởi dấu ;, ví dụ 07/06/2027 07:00-11:00 20; 07/06/2027 14:00-17:00 15.`,
    shiftOutside: (n: number) => `Ca ${n} nằm ngoài thời gian của chiến dịch lớn hoặc đã qua.`,
    tooManyShifts: (max: number) => `Tối đa ${max} ca mỗi lần.`,
    unitOutsideProgram: (code: string) => `Đơn vị “${code}” không thuộc phạm vi của chiến dịch lớn.`,
  },

  // ---- /hoatdong
  activityUsage:
    "Thêm hoạt động của đơn vị vào chiến dịch lớn, kèm các ca (khung giờ, số chỗ):\n" +
    "/hoatdong <số chiến dịch lớn> | <tên hoạt động> | <mã đơn vị> | <địa điểm> | <dd/mm/yyyy hh:mm-hh:mm> <số chỗ>; <ca tiếp theo>…\n" +
    "Ví dụ: /hoatdong 1 | Trồng cây bờ kè | XA-A | Bờ kè ấp 1 | 07/06/2027 07:00-11:00 20; 07/06/2027 14:00-17:00 15\n" +
    "Gõ lại cùng tên hoạt động và đơn vị để thêm ca.",
  activityCreated: (id: number, title: string, program: string, shifts: string) =>
    `✅ Hoạt động #${id} “${title}” (${program}) có các ca:\n${shifts}\n` +
    `Đoàn viên đăng ký bằng /dangky <số ca>. Tại ca, đọc mã điểm danh để mọi người gõ /comat <mã>. ` +
    `Sau hoạt động, ghi kết quả bằng /ketqua ${id} <số cây> <số đơn vị máu> <số người được giúp>.`,
  shiftLine: (id: number, start: string, end: string, capacity: number, code: string) => `• Ca #${id}: ${start} – ${end}, ${capacity} chỗ · mã điểm danh ${code}`,
  shiftTitle: (activity: string, n: number) => `${activity} — ca ${n}`,

  // ---- /ketqua
  resultsUsage:
    "Ghi kết quả hoạt động: /ketqua <số hoạt động> <số cây xanh> <số đơn vị máu> <số người được giúp> (gõ 0 nếu không có).\n" +
    "Ví dụ: /ketqua 3 120 0 45",
  resultsBad: (max: number) => `Mỗi kết quả là số nguyên từ 0 đến ${max.toLocaleString("vi-VN")}.`,
  unknownActivity: (id: number) => `Không tìm thấy hoạt động #${id}.`,
  notYourActivity: (id: number) => `Bạn không phụ trách hoạt động #${id}.`,
  resultsSaved: (id: number, title: string, results: string, turns: number) =>
    `✅ Đã ghi kết quả hoạt động #${id} “${title}”: ${results || "chưa có số liệu"}; ${turns} lượt tham gia. Số liệu đã vào chỉ tiêu của đơn vị (/chitieu).`,

  // ---- check-in with a shift's code (/comat)
  shiftNotSigned: (id: number) => `Bạn chưa có chỗ trong ca #${id}, nên chưa điểm danh được. Liên hệ ban tổ chức.`,
  shiftTooEarly: (id: number, start: string) => `Ca #${id} bắt đầu lúc ${start}; điểm danh từ 30 phút trước giờ bắt đầu.`,
  shiftClosed: (id: number) => `Ca #${id} đã kết thúc, không điểm danh được nữa.`,
  shiftAgain: (id: number) => `Bạn đã điểm danh ca #${id} rồi.`,
  shiftCheckedIn: (id: number, title: string, present: number) => `✅ Đã điểm danh ca #${id} “${title}”. Có mặt: ${present} người. Cảm ơn bạn!`,
  checkinCode: (code: string) => `🔑 Mã điểm danh: ${code} (người tham gia gõ /comat ${code})`,

  // ---- /tinhnguyen: my turns
  myTurnsHeader: (n: number) => `Lượt của tôi: ${n} lượt tình nguyện.`,
  myTurnLine: (when: string, title: string, program: string | null) => `• ${when} — ${title}${program ? ` (${program})` : ""}`,
  myTurnsMore: (n: number) => `… và ${n} lượt khác.`,
  certificateHint: "Gõ /chungnhan để nhận giấy chứng nhận tham gia (PDF).",

  // ---- /chungnhan
  certNone: "Bạn chưa có lượt tình nguyện nào được ghi nhận (điểm danh) để cấp giấy chứng nhận.",
  certChoose: "Bạn muốn nhận giấy chứng nhận của chiến dịch nào?",
  certUnknown: (id: number) => `Bạn không có lượt tham gia nào được ghi nhận trong chiến dịch #${id}. Gõ /chungnhan để xem các chiến dịch.`,
  certSent: (title: string) => `📄 Giấy chứng nhận tham gia “${title}” của bạn.`,
  /** web chat: the download link is shown under the text */
  certLinkNote: "Tải về bằng đường dẫn bên dưới (hiệu lực 24 giờ, chỉ dành cho bạn).",
  certFileName: (slug: string) => `giay-chung-nhan-${slug}.pdf`,
  /** The certificate's own words (printed on the PDF). */
  cert: {
    header1: "ĐOÀN TNCS HỒ CHÍ MINH",
    header2: (unit: string) => unit.toUpperCase(),
    motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc",
    title: "GIẤY CHỨNG NHẬN",
    subtitle: "THAM GIA HOẠT ĐỘNG TÌNH NGUYỆN",
    certifies: "Chứng nhận đồng chí",
    of: (unit: string) => `Đơn vị: ${unit}`,
    joined: (campaign: string) => `Đã tham gia ${campaign} với các ca:`,
    shift: (title: string, when: string) => `• ${title} — ${when}`,
    total: (n: number) => `Tổng cộng: ${n} lượt tình nguyện.`,
    thanks: "Ghi nhận những đóng góp tích cực của đồng chí cho cộng đồng.",
    place: (unit: string, date: string) => `${unit}, ngày ${date}`,
    footer: (id: string) => `Mã giấy chứng nhận: ${id}`,
  },
} as const;
