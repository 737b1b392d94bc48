/** Words about users' photos and documents carried between channels (bot/core/attachments.ts). */
export const attachmentText = {
  /** Zalo: a file Zalo cannot show, as a link. */
  attachmentLink: (url: string) => `📎 Tệp đính kèm (liên kết có hạn): ${url}`,
  /** Zalo: a file from another channel with no public server to serve it. */
  attachmentElsewhere: "📎 Có tệp đính kèm: xem trong /hangdoi trên Telegram hoặc trang web của bot.",
  /** Zalo: a file (a PDF) the bot cannot send here, with no public server for a link. */
  fileElsewhere: (name: string) => `📎 Tệp “${name}” không gửi được qua Zalo: hãy gõ lại lệnh này trên Telegram hoặc trang web của bot để nhận tệp.`,
};
