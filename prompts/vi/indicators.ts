/** Texts of indicators and yearly targets (/chitieu, `report indicators`) — Vietnamese. */

const num = (n: number) => n.toLocaleString("vi-VN");

export const indicatorsText = {
  num,
  usage:
    "Cách dùng:\n• /chitieu [năm] [mã đơn vị] — kết quả so với chỉ tiêu của đơn vị và các đơn vị trực thuộc\n• /chitieu <mã đơn vị> | <chỉ tiêu> | <số> [| năm] — giao chỉ tiêu năm cho đơn vị mình hoặc đơn vị trực thuộc (số “xoa” để bỏ)\nVí dụ: /chitieu HUYEN-1 | trees_planted | 25000",
  notCadre: "Lệnh này dành cho cán bộ Đoàn.",
  header: (unitName: string, year: number) => `CHỈ TIÊU NĂM ${year} — ${unitName} (kết quả / chỉ tiêu)`,
  row: (i: number, label: string, actual: string, target: string | null, measure: string, percent: number | null) =>
    `${i}. ${label}: ${actual}${target !== null ? ` / ${target}` : ""} ${measure}${percent !== null ? ` (đạt ${percent.toLocaleString("vi-VN")}%)` : ""}`,
  assigned: (n: string, measure: string) => `   đã giao cấp dưới: ${n} ${measure}`,
  assignedOver: (n: string, target: string) => `   ⚠ đã giao cấp dưới ${n}, vượt chỉ tiêu ${target}`,
  noFigure: "chưa có số liệu",
  childrenTitle: "Đơn vị trực thuộc:",
  childLine: (name: string, parts: string[]) => `• ${name}: ${parts.length ? parts.join("; ") : "chưa có số liệu"}`,
  childPart: (label: string, actual: string, target: string | null) => `${label} ${actual}${target !== null ? `/${target}` : ""}`,
  childrenMore: (n: number) => `… và ${n} đơn vị khác (xuất đầy đủ: npm run cli -- report indicators).`,
  keysHint: (keys: string) => `Mã chỉ tiêu: ${keys}`,
  notInArea: (code: string) => `Đơn vị ${code} không thuộc phạm vi của đồng chí.`,
  notAssignable: (code: string) => `Chỉ giao chỉ tiêu cho đơn vị của đồng chí hoặc đơn vị trực thuộc trực tiếp; ${code} không phải.`,
  unknownIndicator: (key: string, keys: string) => `Không có chỉ tiêu “${key}”. Các mã chỉ tiêu: ${keys}`,
  badValue: (max: number) => `Chỉ tiêu phải là số nguyên từ 0 đến ${num(max)}.`,
  badYear: "Năm phải là năm hiện tại hoặc năm sau (ví dụ 2026).",
  set: (unitName: string, year: number, label: string, value: number, measure: string) =>
    `Đã giao chỉ tiêu năm ${year} cho ${unitName}: ${label} — ${num(value)} ${measure}.`,
  cleared: (unitName: string, year: number, label: string) => `Đã bỏ chỉ tiêu năm ${year} “${label}” của ${unitName}.`,
  overParent: (sum: string, target: string) => `Lưu ý: tổng chỉ tiêu đã giao các đơn vị trực thuộc (${sum}) vượt chỉ tiêu của đơn vị (${target}).`,
  chooseUnit: "Đồng chí là cán bộ của nhiều đơn vị. Chọn đơn vị:",
  /** CSV headers of `report indicators` */
  csv: {
    unit_code: "Mã đơn vị",
    unit: "Đơn vị",
    scope: "Phạm vi",
    indicator: "Mã chỉ tiêu",
    label: "Chỉ tiêu",
    measure: "Đơn vị tính",
    actual: "Kết quả",
    target: "Chỉ tiêu giao",
    assigned: "Đã giao cấp dưới",
    percent: "Tỷ lệ đạt (%)",
    reported: "Số báo cáo",
  },
  scopeSelf: "Toàn đơn vị",
  scopeChild: "Đơn vị trực thuộc",
} as const;

/** Words typed in /chitieu. */
export const indicatorWords = {
  clear: ["xoa", "xóa", "xoá", "-"],
} as const;
