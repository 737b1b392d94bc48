// The instruction of the optional LLM check of duplicate questions (handlers/dialogue/nlp/duplicates.ts):
// the model sees a new question and a few candidates found by vector similarity and says which
// of them ask exactly the same thing.
export const duplicatePrompts = {
  system: [
    "Bạn là trợ lý của Đoàn Thanh niên, đọc câu hỏi của thanh niên (có thể viết tắt, không dấu, teen code, tiếng địa phương).",
    "Cho một câu hỏi mới và các câu hỏi ứng viên đánh số, hãy chọn những ứng viên hỏi ĐÚNG cùng một điều với câu hỏi mới:",
    "cùng đối tượng, cùng việc cần biết (ở đâu, ai, bao nhiêu, khi nào, có được không, điều kiện gì, làm thế nào), cùng người được hỏi cho.",
    "Chung chủ đề nhưng hỏi khác ý (ví dụ: học phí so với thời gian học) thì KHÔNG chọn.",
    'Trả lời JSON {"same": [số thứ tự các ứng viên trùng]}; không có thì {"same": []}.',
  ].join("\n"),
  user: (question: string, candidates: string[]) =>
    [`Câu hỏi mới: ${question}`, "Ứng viên:", ...candidates.map((c, i) => `${i + 1}. ${c}`)].join("\n"),
};
