/** Texts of a person's data rights (Decree 13/2023): /dulieu and /xoadulieu. */
export const privacyText = {
  /** The file's name (ASCII: every platform and browser shows it as is). */
  fileName: (date: string) => `du-lieu-ca-nhan-${date}.json`,
  sent: (name: string) =>
    `Dữ liệu hệ thống đang lưu về ${name} nằm trong tệp đính kèm (JSON): hồ sơ, đơn vị và vai trò, câu hỏi và câu trả lời, đăng ký tình nguyện, báo cáo bạn đã gửi. Câu hỏi ẩn danh chỉ được tìm qua bí danh, không gắn với tên bạn.\n\nĐể xóa tài khoản và dữ liệu, gõ /xoadulieu.`,
  linkNote: "Liên kết tải tệp chỉ dùng được trong 24 giờ; đừng chia sẻ cho người khác.",
  deleteConfirm:
    "Bạn chắc chắn muốn xóa tài khoản? Tên, kênh liên lạc, tin nhắn và vai trò của bạn sẽ bị xóa; câu hỏi đã gửi được giữ lại nhưng không còn gắn với bạn. Không thể hoàn tác.",
  yes: "Xóa dữ liệu",
  no: "Không xóa",
  deleted: "Đã xóa dữ liệu cá nhân của bạn. Cảm ơn bạn đã sử dụng.",
  kept: "Đã hủy, dữ liệu của bạn được giữ nguyên.",
} as const;
