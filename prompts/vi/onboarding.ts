/** Texts of registration and invites. */
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
  badInvite: "Mã mời không đúng, đã hết hạn hoặc đã dùng hết lượt. Bạn kiểm tra lại mã, hoặc gõ /start để tự chọn đơn vị.",
  consent:
    "Khi đăng ký, bạn đồng ý để hệ thống lưu tên hiển thị và đơn vị của bạn nhằm chuyển câu hỏi và thông báo (Nghị định 13/2023/NĐ-CP). Bạn có thể xem và yêu cầu xóa dữ liệu bất cứ lúc nào qua /dulieu.",
  myData: (name: string, units: string, questions: number) =>
    `Dữ liệu hệ thống lưu về bạn:\n• Tên hiển thị: ${name}\n• Đơn vị, vai trò: ${units}\n• Số câu hỏi đã gửi (kể cả ẩn danh): ${questions}\n\nĐể xóa tài khoản, gõ /xoadulieu.`,
  deleteConfirm: "Bạn chắc chắn muốn xóa tài khoản? Câu hỏi đã gửi được giữ lại nhưng không còn gắn với bạn.",
  deleted: "Đã xóa dữ liệu cá nhân của bạn. Cảm ơn bạn đã sử dụng.",
  inviteCreated: (code: string, role: string, unit: string, link: string | null) =>
    `Mã mời ${role} cho ${unit}: ${code}${link ? `\nĐường dẫn Telegram: ${link}` : ""}\nNgười nhận gõ: /start ${code}`,
  inviteUsage: "Cách dùng: /moi <youth|secretary|cadre|admin> <mã đơn vị> [chủ đề1,chủ đề2]",
  unknownUnit: (code: string) => `Không tìm thấy đơn vị có mã “${code}”.`,
  notYourSubtree: "Bạn chỉ thao tác được với đơn vị của mình và các đơn vị trực thuộc.",
  roleLabel: {
    youth: "đoàn viên",
    secretary: "bí thư chi đoàn",
    cadre: "cán bộ Đoàn",
    admin: "quản trị viên",
  } as Record<string, string>,
} as const;
