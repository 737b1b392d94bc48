/** Texts of linking one person's Telegram, Zalo and web identities. */
export const linkText = {
  code: (code: string, minutes: number) =>
    `Mã liên kết của bạn: ${code}\nTrong ${minutes} phút, mở kênh còn lại (Zalo hoặc Telegram) và gõ:\n/lienket ${code}\nSau khi liên kết, bạn chọn kênh nhận tin bằng /kenh telegram hoặc /kenh zalo.`,
  badCode: "Mã liên kết không đúng hoặc đã hết hạn. Gõ /lienket ở kênh đã đăng ký để nhận mã mới.",
  sameChannel: "Mã này phải được gõ ở một kênh khác với kênh đã tạo mã.",
  linked: (name: string, channels: string) => `Đã liên kết tài khoản của ${name}. Các kênh: ${channels}.\nChọn kênh nhận tin: /kenh telegram hoặc /kenh zalo.`,
  alreadyLinked: "Tài khoản trên kênh này đã thuộc về bạn.",
  preferUsage: "Cách dùng: /kenh telegram | zalo | web",
  preferNotLinked: (channel: string) => `Bạn chưa liên kết kênh ${channel}. Gõ /lienket để nhận mã.`,
  preferSet: (channel: string) => `Từ nay bạn nhận tin nhắn qua ${channel}.`,
  channelNames: { telegram: "Telegram", zalo: "Zalo", web: "trò chuyện trên web" } as Record<string, string>,
} as const;
