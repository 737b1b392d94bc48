/** Texts of the channel-neutral core (Vietnamese, shown to users). */
export const coreText = {
  tooLong: (max: number) =>
    `Tin nhắn quá dài (tối đa ${max.toLocaleString("vi-VN")} ký tự). Bạn vui lòng rút gọn hoặc chia thành nhiều tin.`,
  empty: "Tin nhắn trống. Bạn gõ /trogiup để xem các lệnh.",
  unknownCommand: (cmd: string) => `Không có lệnh “/${cmd}”. Gõ /trogiup để xem các lệnh bạn dùng được.`,
  notRegistered: "Bạn chưa đăng ký. Gõ /start để bắt đầu (hoặc /start <mã mời> nếu đơn vị đã gửi mã cho bạn).",
  needMembership:
    "Bạn chưa là thành viên của đơn vị nào (yêu cầu tham gia đang chờ duyệt, hoặc chưa gửi). Gõ /start để chọn đơn vị, hoặc /start <mã mời> nếu đơn vị đã gửi mã cho bạn.",
  notAllowed: (roles: string) => `Lệnh này chỉ dành cho ${roles}. Gõ /trogiup để xem các lệnh của bạn.`,
  flood: "Bạn gửi tin nhắn hơi nhanh. Vui lòng chờ vài giây rồi gửi tiếp — các tin gửi dồn trong lúc này sẽ không được xử lý.",
  unsupported:
    "Xin lỗi, hệ thống chưa đọc được tin nhắn này (hình dán, tệp hoặc nội dung được bảo vệ). Bạn vui lòng gõ bằng chữ, hoặc liên hệ trực tiếp cán bộ Đoàn của đơn vị.",
  choiceExpired: "Lựa chọn này đã hết hạn hoặc không hợp lệ. Bạn gõ lại lệnh để nhận danh sách mới.",
  internalError: "Đã có lỗi khi xử lý yêu cầu của bạn. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút.",
  cancelled: "Đã hủy thao tác đang làm.",
  nothingToCancel: "Không có thao tác nào đang chờ để hủy.",
  numberedHint: "(Trả lời bằng số thứ tự để chọn)",
  /** A button of a broadcast that did not verify (altered, or from another installation): nothing was done. */
  buttonInvalid: "Nút bấm này không hợp lệ nên không có gì được thực hiện. Bạn gõ /trogiup để xem các lệnh.",
  /** On a channel without buttons, the line standing for a broadcast's button: exactly what to send. */
  typedButton: (label: string, typed: string) => `${label}: gửi ${typed}`,
  plainTextHint: "Bạn muốn đặt câu hỏi? Gõ /hoi <nội dung câu hỏi>. Gõ /trogiup để xem tất cả các lệnh.",
  /** A name for someone whose channel gives none. */
  anonymousName: "Bạn",
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

/** Words of the generated help (/trogiup); the commands themselves are in prompts/vi/commands.ts. */
export const helpText = {
  header: (name: string) => `Chào ${name}! Các lệnh bạn có thể dùng:`,
  /** Section titles, in the order they are shown. */
  sections: {
    general: "Chung",
    youth: "Hỏi đáp, đối thoại, tình nguyện",
    secretary: "Bí thư chi đoàn",
    cadre: "Cán bộ Đoàn",
    admin: "Quản trị viên",
  },
  line: (name: string, args: string | undefined, description: string) => `/${name}${args ? ` ${args}` : ""} — ${description}`,
  footer: "Mọi lựa chọn có nút bấm đều có thể trả lời bằng số thứ tự hoặc gõ lệnh tương ứng.",
} as const;
