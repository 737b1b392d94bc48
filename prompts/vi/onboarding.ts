/** Texts of registration, join requests, invites and members. */
export const onboardingText = {
  welcome: (name: string) =>
    `Chào ${name}! Đây là kênh hỏi đáp “Đảng với thanh niên” và hỗ trợ công tác Đoàn. Đây là hệ thống tự động; câu hỏi của bạn được chuyển đến cán bộ phụ trách.\n\nBạn sinh hoạt ở đơn vị nào? Chọn dần từ trên xuống:`,
  chooseUnit: (path: string) => `Đang chọn: ${path}\nChọn đơn vị trực thuộc, hoặc chọn “Đây là đơn vị của tôi”.`,
  thisIsMine: "✅ Đây là đơn vị của tôi",
  up: "⬆️ Lên một cấp",
  noUnits: "Chưa có đơn vị nào được khai báo. Vui lòng liên hệ cán bộ Đoàn để nhận mã mời.",
  joined: (unit: string, role: string) =>
    `Bạn đã tham gia ${unit} với vai trò ${role}. Gõ /trogiup để xem các lệnh bạn dùng được.`,
  alreadyMember: (unit: string, role: string) => `Bạn đã là ${role} của ${unit}.`,
  badInvite: {
    unknown: "Mã mời không đúng hoặc không còn hiệu lực. Bạn kiểm tra lại mã, hoặc gõ /start để tự chọn đơn vị và chờ bí thư duyệt.",
    expired: "Mã mời này đã hết hạn. Bạn xin cán bộ Đoàn mã mới, hoặc gõ /start để tự chọn đơn vị và chờ bí thư duyệt.",
    usedUp: "Mã mời này đã được dùng hết lượt. Bạn xin cán bộ Đoàn mã mới, hoặc gõ /start để tự chọn đơn vị và chờ bí thư duyệt.",
    revoked: "Mã mời này đã bị hủy. Bạn xin cán bộ Đoàn mã mới, hoặc gõ /start để tự chọn đơn vị và chờ bí thư duyệt.",
  } as Record<"unknown" | "expired" | "usedUp" | "revoked", string>,
  consent:
    "Khi đăng ký, bạn đồng ý để hệ thống lưu tên hiển thị và đơn vị của bạn nhằm chuyển câu hỏi và thông báo (Nghị định 13/2023/NĐ-CP). Bạn có thể xem và yêu cầu xóa dữ liệu bất cứ lúc nào qua /dulieu.",

  // join requests (tree walk of /start)
  requestSent: (unit: string) =>
    `Đã gửi yêu cầu tham gia ${unit} đến bí thư, cán bộ Đoàn của đơn vị. Bạn sẽ nhận được thông báo khi yêu cầu được duyệt.\nTrong lúc chờ, bạn vẫn xem được hỏi đáp chung (/faq) và hướng dẫn (/trogiup).`,
  requestNoApprover: (unit: string) =>
    `Đã ghi nhận yêu cầu tham gia ${unit}, nhưng đơn vị chưa có bí thư hoặc cán bộ Đoàn trên hệ thống để duyệt. Bạn liên hệ cán bộ Đoàn để nhận mã mời (/start <mã mời>).`,
  requestToApprover: (id: number, name: string, unit: string) =>
    `Yêu cầu tham gia số ${id}: ${name} xin tham gia ${unit} với vai trò đoàn viên.\nĐồng ý: /duyetthanhvien ${id} — Từ chối: /tuchoi ${id}`,
  accept: "✅ Đồng ý",
  refuse: "❌ Từ chối",
  requestAccepted: (unit: string) => `Yêu cầu tham gia ${unit} của bạn đã được duyệt. Bạn là đoàn viên của ${unit}. Gõ /trogiup để xem các lệnh bạn dùng được.`,
  requestRefused: (unit: string) =>
    `Yêu cầu tham gia ${unit} của bạn chưa được chấp nhận. Nếu có nhầm lẫn, bạn liên hệ bí thư chi đoàn hoặc gõ /start để chọn lại đơn vị.`,
  youAccepted: (name: string, unit: string) => `Đã nhận ${name} vào ${unit}. Người đó đã được thông báo.`,
  youRefused: (name: string, unit: string) => `Đã từ chối yêu cầu của ${name} tham gia ${unit}. Người đó đã được thông báo.`,
  requestUnknown: (id: number) => `Không có yêu cầu tham gia số ${id}. Gõ /duyetthanhvien để xem các yêu cầu đang chờ.`,
  requestAlready: (id: number) => `Yêu cầu tham gia số ${id} đã được xử lý trước đó.`,
  acceptUsage: "Cách dùng: /duyetthanhvien <số yêu cầu> (gõ /duyetthanhvien để xem các yêu cầu đang chờ)",
  refuseUsage: "Cách dùng: /tuchoi <số yêu cầu> (gõ /duyetthanhvien để xem các yêu cầu đang chờ)",
  noRequests: "Không có yêu cầu tham gia nào đang chờ bạn duyệt.",
  requestsHeader: "Yêu cầu tham gia đang chờ duyệt:",
  requestLine: (id: number, name: string, unit: string, date: string) => `• Số ${id}: ${name} — ${unit} (${date})`,
  requestsFooter: "Đồng ý: /duyetthanhvien <số> — Từ chối: /tuchoi <số>",

  // invites
  inviteCreated: (code: string, role: string, unit: string, until: string, uses: number) =>
    `Mã mời ${role} cho ${unit}: ${code}\nDùng được ${uses} lần, đến hết ngày ${until}.\nNgười nhận gõ: /start ${code}\n(hoặc nhập mã ở trang trò chuyện trên web)`,
  inviteUsage:
    "Cách dùng: /moi <youth|secretary|cadre|admin> <mã đơn vị> [chủ đề1,chủ đề2] [số lượt dùng]\nGõ /moi để xem các mã mời bạn đã tạo.",
  unknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  notYourSubtree:
    "Bạn không có quyền này: chỉ quản trị viên của đơn vị (hoặc đơn vị cấp trên) mới thao tác được, và chỉ với vai trò không cao hơn vai trò của mình.",
  noInvites: "Bạn chưa tạo mã mời nào. Tạo mã: /moi <vai trò> <mã đơn vị>",
  invitesHeader: "Các mã mời bạn đã tạo:",
  inviteLine: (code: string, role: string, unit: string, uses: number, max: number | null, until: string | null, state: string) =>
    `• ${code} — ${role}, ${unit} — đã dùng ${uses}${max === null ? "" : `/${max}`}${until ? `, hạn ${until}` : ""} — ${state}`,
  inviteState: { active: "còn hiệu lực", expired: "đã hết hạn", usedUp: "đã dùng hết lượt", revoked: "đã hủy" } as Record<string, string>,
  invitesFooter: "Hủy một mã: /huymoi <mã>",
  revokeUsage: "Cách dùng: /huymoi <mã mời>",
  revoked: (code: string) => `Đã hủy mã mời ${code}. Mã này không dùng được nữa.`,
  alreadyRevoked: "Mã mời này đã bị hủy trước đó.",
  unknownInvite: "Không tìm thấy mã mời này.",

  // members
  removeUsage: "Cách dùng: /xoathanhvien <mã đơn vị> để xem danh sách; /xoathanhvien <mã đơn vị> <số người> [vai trò] để xóa.",
  noMembers: (unit: string) => `${unit} chưa có thành viên nào trên hệ thống.`,
  membersHeader: (unit: string) => `Thành viên của ${unit} (số người — tên — vai trò):`,
  memberLine: (id: number, name: string, roles: string) => `• ${id} — ${name} — ${roles}`,
  removeHint: (code: string) => `Xóa một người: /xoathanhvien ${code} <số người> [youth|secretary|cadre|admin]`,
  notAMember: (ref: string, unit: string) => `Người số ${ref} không có vai trò đó ở ${unit}. Gõ /xoathanhvien <mã đơn vị> để xem danh sách.`,
  notYourself: "Bạn không tự xóa vai trò của mình được; nhờ một quản trị viên khác.",
  memberRemoved: (name: string, unit: string, roles: string) => `Đã xóa ${name} khỏi ${unit} (vai trò: ${roles}). Người đó đã được thông báo.`,
  youWereRemoved: (unit: string, roles: string) => `Bạn không còn là ${roles} của ${unit} trên hệ thống. Nếu có nhầm lẫn, bạn liên hệ cán bộ Đoàn.`,

  // web sign-in from another channel
  webCode: (code: string, minutes: number, link: string | null) =>
    `Mã đăng nhập trò chuyện trên web: ${code}\nMã dùng một lần, hết hạn sau ${minutes} phút. Nhập mã ở trang trò chuyện${link ? `, hoặc mở:\n${link}` : "."}\nKhông đưa mã này cho người khác.`,
  alreadyOnWeb: "Bạn đang dùng trò chuyện trên web. Gõ /web ở Telegram hoặc Zalo để nhận mã đăng nhập.",
  roleLabel: {
    youth: "đoàn viên",
    secretary: "bí thư chi đoàn",
    cadre: "cán bộ Đoàn",
    admin: "quản trị viên",
  } as Record<string, string>,
} as const;
