/** Texts of the form helper (bot/core/forms.ts) shared by every multi-field command — Vietnamese. */
export const formText = {
  /** A one-line form names its first bad field. */
  lineBad: (label: string, error: string) => `Ô “${label}”: ${error}`,
  /** A number typed at a step that offers choices, outside the list. */
  pickNumber: (max: number) => `Bạn trả lời bằng một số từ 1 đến ${max} (hoặc bấm nút).`,
} as const;
