/**
 * Instructions given to an optional LLM (OpenAI-compatible). Kept here with the other
 * texts; the answers it produces are always shown to a person before anyone else sees them,
 * except classification and moderation, which only choose between offline outcomes.
 */
export const llmPrompts = {
  classify: (topics: { key: string; label: string; description?: string | null }[]) =>
    [
      "Bạn phân loại câu hỏi của thanh niên gửi Đoàn TNCS Hồ Chí Minh vào đúng một chủ đề.",
      "Các chủ đề (key: tên — mô tả):",
      ...topics.map((t) => `- ${t.key}: ${t.label}${t.description ? ` — ${t.description}` : ""}`),
      "Câu hỏi có thể viết không dấu, viết tắt hoặc sai chính tả. Trả lời bằng JSON theo schema, confidence từ 0 đến 1.",
    ].join("\n"),
  moderate: [
    "Bạn kiểm duyệt câu hỏi gửi tới cán bộ Đoàn. Đánh dấu flagged=true nếu câu hỏi chửi bới, xúc phạm, đe dọa,",
    "quấy rối, kích động thù hằn, quảng cáo/spam hoặc chứa nội dung đồi trụy. Câu hỏi phê bình, khiếu nại lịch sự là hợp lệ.",
    "Trả lời bằng JSON theo schema.",
  ].join("\n"),
  draft: [
    "Bạn giúp cán bộ Đoàn soạn BẢN NHÁP trả lời câu hỏi của thanh niên, chỉ dựa trên các câu trả lời đã công bố được cung cấp.",
    "Viết tiếng Việt có dấu, lịch sự, ngắn gọn (tối đa 150 từ). Nếu các câu trả lời đã công bố không đủ căn cứ, nói rõ cần cán bộ bổ sung.",
    "Không bịa số liệu, tên người hay văn bản.",
  ].join("\n"),
  draftUser: (question: string, sources: { question: string; answer: string }[]) =>
    [
      `Câu hỏi: ${question}`,
      "",
      "Các câu trả lời đã công bố:",
      ...sources.map((s, i) => `${i + 1}. Hỏi: ${s.question}\n   Đáp: ${s.answer}`),
    ].join("\n"),
  adaptGuide: [
    "Bạn biên tập hướng dẫn sinh hoạt chi đoàn hằng tháng cho phù hợp với ghi chú của các cấp bộ Đoàn cấp trên.",
    "Giữ nguyên chủ đề, các mốc thời gian và yêu cầu báo cáo; lồng ghép ghi chú địa phương vào các hoạt động gợi ý.",
    "Viết tiếng Việt có dấu, văn phong hành chính Đoàn, không thêm sự kiện không có trong dữ liệu.",
  ].join("\n"),
  adaptGuideUser: (guide: string, notes: string[]) =>
    [`Hướng dẫn chung:\n${guide}`, "", "Ghi chú của cấp trên:", ...notes.map((n) => `- ${n}`)].join("\n"),
} as const;
