/** Texts of the channel-neutral core (Vietnamese, shown to users). */
export const coreText = {
  tooLong: (max: number) =>
    `Tin nhắn quá dài (tối đa ${max.toLocaleString("vi-VN")} ký tự). Bạn vui lòng rút gọn hoặc chia thành nhiều tin.`,
  empty: "Tin nhắn trống. Bạn gõ /trogiup để xem các lệnh.",
  unknownCommand: (cmd: string) => `Không có lệnh “/${cmd}”. Gõ /trogiup để xem các lệnh bạn dùng được.`,
  notRegistered: "Bạn chưa đăng ký. Gõ /start để bắt đầu (hoặc /start <mã mời> nếu đơn vị đã gửi mã cho bạn).",
  notAllowed: (roles: string) => `Lệnh này chỉ dành cho ${roles}. Gõ /trogiup để xem các lệnh của bạn.`,
  flood: "Bạn gửi tin nhắn hơi nhanh. Vui lòng chờ vài giây rồi gửi tiếp — các tin gửi dồn trong lúc này sẽ không được xử lý.",
  unsupported:
    "Xin lỗi, hệ thống chưa đọc được tin nhắn này (hình dán, tệp hoặc nội dung được bảo vệ). Bạn vui lòng gõ bằng chữ, hoặc liên hệ trực tiếp cán bộ Đoàn của đơn vị.",
  choiceExpired: "Lựa chọn này đã hết hạn hoặc không hợp lệ. Bạn gõ lại lệnh để nhận danh sách mới.",
  internalError: "Đã có lỗi khi xử lý yêu cầu của bạn. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút.",
  cancelled: "Đã hủy thao tác đang làm.",
  nothingToCancel: "Không có thao tác nào đang chờ để hủy.",
  numberedHint: "(Trả lời bằng số thứ tự để chọn)",
  plainTextHint: "Bạn muốn đặt câu hỏi? Gõ /hoi <nội dung câu hỏi>. Gõ /trogiup để xem tất cả các lệnh.",
  automated: "Đây là hệ thống trả lời tự động của Đoàn TNCS Hồ Chí Minh.",
  roleNames: {
    youth: "đoàn viên, thanh niên",
    secretary: "bí thư chi đoàn",
    cadre: "cán bộ Đoàn",
    admin: "quản trị viên",
  } as Record<string, string>,
  roleJoin: (roles: string[]) => roles.join(", "),
  yes: "Có",
  no: "Không",
  back: "Quay lại",
  cancel: "Hủy",
} as const;

/** Help: one block per role; the commands each role may use. */
export const helpText = {
  header: (name: string) => `Chào ${name}! Các lệnh bạn có thể dùng:`,
  guest: [
    "/start — đăng ký, chọn đơn vị của bạn",
    "/start <mã mời> — tham gia đơn vị bằng mã mời",
    "/faq <từ khóa> — tìm câu trả lời đã công bố",
    "/trogiup — xem trợ giúp",
  ],
  youth: [
    "/hoi <câu hỏi> — gửi câu hỏi (chỉ cán bộ trả lời biết bạn là ai)",
    "/hoian <câu hỏi> — gửi câu hỏi ẩn danh",
    "/cauhoi — câu hỏi của tôi và tình trạng",
    "/faq <từ khóa> — tìm câu trả lời đã công bố",
    "/phien — các phiên đối thoại đang mở; /binhchon <số> — bình chọn câu hỏi",
    "/tinhnguyen — chiến dịch tình nguyện đang mở; /dangky <số>, /huydangky <số>",
    "/lienket — liên kết tài khoản Zalo và Telegram",
    "/huy — thoát thao tác đang làm",
  ],
  secretary: [
    "/huongdan — hướng dẫn sinh hoạt chi đoàn tháng này",
    "/dasinhhoat <số người> [ghi chú] — xác nhận đã sinh hoạt",
    "/nhacviec — các việc cần báo cáo của chi đoàn; /hoanthanh <số> — báo đã xong",
  ],
  cadre: [
    "/hangdoi — câu hỏi đang chờ tôi / đơn vị tôi trả lời",
    "/traloi <số> <nội dung> — trả lời câu hỏi",
    "/chuyen <số> <mã đơn vị hoặc chủ đề> [lý do] — chuyển câu hỏi",
    "/congbo <số> — công bố câu trả lời lên hỏi đáp chung",
    "/nhacviec — việc đã giao và đơn vị chưa hoàn thành",
    "/giaoviec — giao việc cho đơn vị cấp dưới",
    "/ghichu <YYYY-MM> <nội dung> — thêm lưu ý vào hướng dẫn sinh hoạt tháng",
    "/sinhhoat — tình hình sinh hoạt chi đoàn tháng này",
  ],
  admin: [
    "/moi <vai trò> <mã đơn vị> — tạo mã mời",
    "/phienmoi — tạo phiên đối thoại",
    "/chiendich — tạo chiến dịch tình nguyện",
    "/dinhtuyen <mã đơn vị> <chủ đề> [mã người] — đổi quy tắc phân công",
  ],
  footer: "Mọi lựa chọn có nút bấm đều có thể trả lời bằng số thứ tự hoặc gõ lệnh tương ứng.",
} as const;

/** Command menu descriptions (Telegram setMyCommands), per role. */
export const menuText: Record<string, string> = {
  start: "Đăng ký, chọn đơn vị",
  hoi: "Gửi câu hỏi",
  hoian: "Gửi câu hỏi ẩn danh",
  cauhoi: "Câu hỏi của tôi",
  faq: "Tìm câu trả lời đã công bố",
  phien: "Phiên đối thoại đang mở",
  tinhnguyen: "Chiến dịch tình nguyện",
  huongdan: "Hướng dẫn sinh hoạt tháng này",
  dasinhhoat: "Xác nhận đã sinh hoạt chi đoàn",
  nhacviec: "Việc cần làm, hạn báo cáo",
  hangdoi: "Câu hỏi chờ trả lời",
  traloi: "Trả lời câu hỏi",
  chuyen: "Chuyển câu hỏi",
  trogiup: "Trợ giúp",
  huy: "Thoát thao tác đang làm",
};
