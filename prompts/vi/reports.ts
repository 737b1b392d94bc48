/**
 * The words of every report as people read it (CSV and Excel): column headers, the values of
 * status-like columns, sheet names. Reports are built with English keys (the JSON output keeps
 * them, for programs); handlers/reports.ts translates at output with these tables. A key not
 * listed here is shown as it is.
 */

/** Column headers, by the key a report uses (CSV column or JSON field). */
export const reportHeaders: Record<string, string> = {
  // dialogue
  section: "Phần",
  key: "Mã",
  label: "Tên",
  topic: "Chủ đề",
  questions: "Số câu hỏi",
  answered: "Đã trả lời",
  answered_on_time: "Trả lời đúng hạn",
  answeredOnTime: "Trả lời đúng hạn",
  on_time_share: "Tỷ lệ đúng hạn",
  onTimeShare: "Tỷ lệ đúng hạn",
  median_hours_to_answer: "Số giờ trả lời (trung vị)",
  medianHoursToAnswer: "Số giờ trả lời (trung vị)",
  overdue: "Quá hạn",
  unitCode: "Mã đơn vị",
  unitName: "Đơn vị",
  // guides
  branch_code: "Mã chi đoàn",
  branch: "Chi đoàn",
  parent: "Đơn vị cấp trên",
  confirmed: "Đã sinh hoạt",
  attendees: "Số người dự",
  date: "Ngày báo cáo",
  note: "Ghi chú",
  branches: "Số chi đoàn",
  // deadlines
  task_id: "Số việc",
  title: "Nội dung",
  given_by: "Đơn vị giao",
  unit_code: "Mã đơn vị",
  unit_name: "Đơn vị",
  due: "Hạn",
  done_at: "Hoàn thành lúc",
  status: "Tình trạng",
  generated: "Ngày lập",
  on_time: "Đúng hạn",
  late: "Trễ hạn",
  open: "Chưa đến hạn",
  // sessions
  session: "Phiên đối thoại",
  kind: "Loại",
  id: "Số",
  text: "Nội dung",
  votes: "Lượt bình chọn",
  answer: "Trả lời",
  owner: "Phụ trách",
  done: "Hoàn thành",
  code: "Mã đơn vị",
  level: "Cấp",
  held: "Đã tổ chức",
  planned: "Đã lên lịch",
  required: "Bắt buộc (1: có)",
  asOf: "Tính đến ngày",
  requiredUnits: "Số đơn vị phải tổ chức",
  unitsMet: "Số đơn vị đạt",
  rule: "Quy định",
  // volunteers
  campaign_id: "Số chiến dịch",
  campaign: "Chiến dịch",
  starts_at: "Bắt đầu",
  person: "Họ tên",
  attended: "Có mặt",
  capacity: "Số chỗ",
  waitlist: "Danh sách chờ",
  person_times: "Lượt tham gia",
  // indicators
  indicator: "Chỉ tiêu",
  measure: "Đơn vị tính",
  actual: "Thực hiện",
  reported: "Số liệu đã ghi",
  target: "Chỉ tiêu giao",
  assigned: "Đã giao cho cấp dưới",
  percent: "Tỷ lệ (%)",
  year: "Năm",
  // every report
  unit: "Đơn vị",
  month: "Tháng",
};

/** Headers that differ by report (the same key means another thing there). */
export const reportHeadersByKind: Record<string, Record<string, string>> = {
  volunteers: { confirmed: "Đã xác nhận", status: "Trạng thái", id: "Số chiến dịch", title: "Chiến dịch" },
  dialogue: { key: "Mã", label: "Tên" },
  sessions: { id: "Số", topic: "Chủ đề", status: "Kết quả" },
  indicators: { kind: "Cách tính", label: "Chỉ tiêu", indicator: "Mã chỉ tiêu", key: "Mã chỉ tiêu", code: "Mã đơn vị", name: "Đơn vị" },
};

/** Values of status-like columns, by column key then value. */
export const reportValues: Record<string, Record<string, string>> = {
  status: {
    on_time: "Đúng hạn",
    late: "Trễ hạn",
    overdue: "Quá hạn",
    open: "Chưa đến hạn",
    confirmed: "Đã xác nhận",
    offered: "Được mời nhận chỗ",
    waitlist: "Danh sách chờ",
  },
  confirmed: { yes: "Có", no: "Không" },
  attended: { yes: "Có", no: "Vắng" },
  kind: { question: "Câu hỏi", commitment: "Cam kết", sum: "Cộng dồn", share: "Tỷ lệ đơn vị" },
  section: { total: "Tổng cộng", topic: "Chủ đề", overdue_by_unit: "Quá hạn theo đơn vị" },
};

/** Sheet names (at most 31 characters), by "kind.field" or field of the JSON report. */
export const reportSheets: Record<string, string> = {
  summary: "Tổng quan",
  byTopic: "Theo chủ đề",
  overdueByUnit: "Quá hạn theo đơn vị",
  "guides.rows": "Sinh hoạt chi đoàn",
  "deadlines.rows": "Việc được giao",
  "volunteers.rows": "Người tham gia",
  campaigns: "Chiến dịch",
  "sessions.rows": "Theo đơn vị",
  "sessions.question": "Câu hỏi",
  "sessions.commitment": "Cam kết",
  children: "Đơn vị trực thuộc",
  "indicators.indicators": "Chỉ tiêu",
  rows: "Chi tiết",
};

export const reportText = {
  total: "Tổng cộng",
  /** A total over cells that hide small counts cannot be added up. */
  hiddenTotal: "không cộng (có ô <5)",
  summaryKey: "Mục",
  summaryValue: "Giá trị",
  monthOf: (month: string) => {
    const [y, m] = month.split("-");
    return `${m}/${y}`;
  },
  unitOf: (name: string, code: string) => `${name} (${code})`,
} as const;
