/**
 * Every command's Vietnamese description and example, in one place. Who may run a command is
 * declared where it is registered (the feature's `commands` map); this catalogue only says
 * what it does. /trogiup, the Telegram menus and the README table are generated from both
 * (bot/core/commands.ts); a unit test fails when a registered command has no entry here or
 * an entry names no registered command.
 */
export interface CommandHelp {
  /** What the command does (also the Telegram menu text: 3–256 characters). */
  description: string;
  /** A complete command line a user could type. */
  example: string;
  /** The arguments after the command, as shown in /trogiup (e.g. "<câu hỏi>"). */
  args?: string;
  /** Another name of that command: not listed on its own. */
  aliasOf?: string;
  /** A command of every registered person listed among the general commands (not Q&A/volunteering). */
  general?: true;
  /** Shown in the Telegram command menu of those who may run it. */
  menu?: true;
}

export const commandHelp = {
  // ---------------------------------------------------------------- general
  start: {
    args: "[mã mời]",
    description: "Đăng ký, chọn đơn vị của bạn (hoặc tham gia đơn vị bằng mã mời)",
    example: "/start K7M2P9QX",
    menu: true,
  },
  trogiup: { description: "Xem các lệnh bạn dùng được", example: "/trogiup", menu: true },
  help: { aliasOf: "trogiup", description: "Xem các lệnh bạn dùng được (như /trogiup)", example: "/help" },
  huy: { description: "Thoát thao tác đang làm", example: "/huy", menu: true },
  faq: { args: "<từ khóa>", description: "Tìm câu trả lời đã công bố", example: "/faq vay vốn khởi nghiệp", menu: true },
  lienket: {
    args: "[mã]",
    description: "Liên kết tài khoản Zalo và Telegram (nhận mã ở kênh này, gõ mã ở kênh kia)",
    example: "/lienket",
  },
  web: { description: "Nhận mã đăng nhập trò chuyện trên web (dùng một lần, 10 phút)", example: "/web", general: true },
  kenh: { args: "telegram|zalo|web", description: "Chọn kênh nhận tin khi đã liên kết nhiều kênh", example: "/kenh zalo", general: true },
  dulieu: { description: "Xem dữ liệu hệ thống đang lưu về bạn", example: "/dulieu", general: true },
  xoadulieu: { description: "Xóa tài khoản và dữ liệu của bạn (có hỏi lại trước khi xóa)", example: "/xoadulieu", general: true },
  theodoi: { args: "[chủ đề]", description: "Theo dõi một chủ đề để nhận thông báo (việc làm, vay vốn, tình nguyện…)", example: "/theodoi viec_lam", general: true, menu: true },
  botheodoi: { args: "[chủ đề]", description: "Bỏ theo dõi một chủ đề", example: "/botheodoi viec_lam", general: true },
  tatthongbao: { description: "Tắt nhận thông báo chung của Đoàn", example: "/tatthongbao", general: true },
  batthongbao: { description: "Bật lại nhận thông báo chung của Đoàn", example: "/batthongbao", general: true },

  // ---------------------------------------------------------------- youth
  hoi: {
    args: "<câu hỏi>",
    description: "Gửi câu hỏi (chỉ cán bộ trả lời biết bạn là ai)",
    example: "/hoi Thanh niên muốn vay vốn khởi nghiệp thì cần thủ tục gì?",
    menu: true,
  },
  hoian: {
    args: "<câu hỏi>",
    description: "Gửi câu hỏi ẩn danh",
    example: "/hoian Đoàn phí hằng tháng của đoàn viên là bao nhiêu?",
    menu: true,
  },
  gui: { description: "Gửi câu hỏi đang chờ (sau khi xem các câu trả lời gợi ý)", example: "/gui" },
  guian: { description: "Gửi ẩn danh câu hỏi đang chờ (sau khi xem các câu trả lời gợi ý)", example: "/guian" },
  cunghoi: { args: "<số>", description: "Cùng hỏi một câu đang chờ trả lời để cùng nhận câu trả lời", example: "/cunghoi 12" },
  nhanthem: { args: "<số>", description: "Nhận cả các phần trả lời bổ sung của câu hỏi bạn cùng hỏi", example: "/nhanthem 12" },
  cauhoi: { description: "Câu hỏi của tôi và tình trạng", example: "/cauhoi", menu: true },
  danhgia: { args: "<số> huuich|chuaro", description: "Đánh giá câu trả lời: hữu ích hay chưa rõ", example: "/danhgia 12 huuich" },
  phien: { description: "Các phiên đối thoại đang mở hoặc sắp diễn ra", example: "/phien", menu: true },
  binhchon: { args: "<số>", description: "Bình chọn câu hỏi của phiên đối thoại", example: "/binhchon 12" },
  hoiphien: { args: "<số phiên> <câu hỏi>", description: "Gửi câu hỏi cho một phiên đối thoại", example: "/hoiphien 3 Tỉnh có chính sách gì hỗ trợ thanh niên khởi nghiệp?" },
  tinhnguyen: { description: "Chiến dịch tình nguyện đang mở", example: "/tinhnguyen", menu: true },
  dangky: { args: "<số>", description: "Đăng ký tham gia chiến dịch tình nguyện", example: "/dangky 3" },
  huydangky: { args: "<số>", description: "Hủy đăng ký chiến dịch tình nguyện", example: "/huydangky 3" },
  comat: { args: "<mã>", description: "Điểm danh tại buổi sinh hoạt chi đoàn hoặc ca tình nguyện bằng mã được đọc tại chỗ", example: "/comat 482913" },
  chungnhan: { args: "[số chiến dịch]", description: "Nhận giấy chứng nhận tham gia tình nguyện (PDF)", example: "/chungnhan" },

  // ---------------------------------------------------------------- secretary
  huongdan: { description: "Hướng dẫn sinh hoạt chi đoàn tháng này", example: "/huongdan", menu: true },
  dasinhhoat: {
    args: "[<số người> [ghi chú] | các mục cách nhau bởi | | sua]",
    description: "Báo cáo sinh hoạt chi đoàn theo các mục của hướng dẫn tháng: từng mục, một dòng, hoặc chỉ số người dự (có thể kèm ảnh); sua: sửa báo cáo",
    example: "/dasinhhoat 25 Sinh hoạt chuyên đề, kết nạp 2 đoàn viên mới.",
    menu: true,
  },
  lichsinhhoat: {
    args: "[<dd/mm hh:mm> | <địa điểm>]",
    description: "Đặt lịch sinh hoạt chi đoàn: đoàn viên được báo và nhắc trước 24 giờ, kèm mã điểm danh",
    example: "/lichsinhhoat 12/11 19:30 | Nhà văn hóa ấp 1",
    menu: true,
  },
  nhacviec: {
    args: "[số]",
    description: "Việc cần làm, hạn báo cáo; việc đã giao và đơn vị chưa hoàn thành",
    example: "/nhacviec",
    menu: true,
  },
  hoanthanh: {
    args: "<số> [ghi chú hoặc link]",
    description: "Báo đã hoàn thành một việc được giao",
    example: "/hoanthanh 4 Đã gửi báo cáo qua email văn phòng",
    menu: true,
  },

  // ---------------------------------------------------------------- cadre
  hangdoi: { description: "Câu hỏi đang chờ tôi hoặc đơn vị tôi trả lời", example: "/hangdoi", menu: true },
  traloi: {
    args: "<số> <nội dung>",
    description: "Trả lời câu hỏi",
    example: "/traloi 12 Bạn liên hệ Ngân hàng Chính sách xã hội huyện để được hướng dẫn hồ sơ.",
    menu: true,
  },
  chuyen: {
    args: "<số> <mã đơn vị hoặc chủ đề> [lý do]",
    description: "Chuyển câu hỏi cho đơn vị hoặc chủ đề khác",
    example: "/chuyen 12 viec_lam Thuộc lĩnh vực việc làm",
    menu: true,
  },
  congbo: {
    args: "<số> [hoi|traloi <nội dung sửa> | ok]",
    description: "Xem, sửa (bỏ thông tin cá nhân) rồi công bố câu hỏi và câu trả lời lên hỏi đáp chung",
    example: "/congbo 12",
  },
  gop: { args: "<số giữ lại> <số gộp vào>", description: "Gộp một câu hỏi trùng vào câu khác: mọi người hỏi nhận chung một câu trả lời", example: "/gop 12 15" },
  duyet: { args: "<số>", description: "Duyệt câu hỏi của phiên đối thoại lên màn hình", example: "/duyet 41" },
  an: { args: "<số> [lý do]", description: "Ẩn câu hỏi của phiên đối thoại (cả câu đã duyệt, khỏi màn hình)", example: "/an 41 Trùng với câu hỏi 38" },
  camket: {
    args: "<phiên> | <nội dung> | <mã đơn vị[: tên người]> | <hạn> [| <câu hỏi, …>]",
    description: "Ghi cam kết sau phiên đối thoại, giao đơn vị hoặc người phụ trách",
    example: "/camket 3 | Mở lớp tin học miễn phí cho thanh niên | XA-A | 30/06/2026 | 41",
  },
  tiendocamket: { args: "<số> <tiến độ>", description: "Báo tiến độ một cam kết bạn phụ trách", example: "/tiendocamket 5 Đã khảo sát nhu cầu" },
  xongcamket: { args: "<số>", description: "Ghi nhận một cam kết đã hoàn thành", example: "/xongcamket 5" },
  baocaodoithoai: { args: "<phiên>", description: "Báo cáo phiên đối thoại", example: "/baocaodoithoai 3" },
  bangdieukhien: {
    args: "[mã đơn vị]",
    description: "Nhận đường dẫn xem bảng điều khiển (biểu đồ, báo cáo Excel) của đơn vị; dùng một lần, 15 phút",
    example: "/bangdieukhien",
    menu: true,
  },
  giaoviec: {
    description: "Giao việc có hạn cho đơn vị cấp dưới (gõ /giaoviec ? để giao nhanh bằng một dòng)",
    example: "/giaoviec 15/12/2026 | Báo cáo tổng kết năm | Gửi file báo cáo qua email văn phòng | CD-A1,CD-A2",
    menu: true,
  },
  ghichu: {
    args: "<YYYY-MM|tháng này> <nội dung>",
    description: "Thêm lưu ý vào hướng dẫn sinh hoạt tháng cho các chi đoàn trực thuộc",
    example: "/ghichu 2026-12 Các chi đoàn đăng ký đội hình hiến máu trước ngày 15/12.",
    menu: true,
  },
  sinhhoat: {
    args: "[YYYY-MM] [mã chi đoàn]",
    description: "Tình hình sinh hoạt chi đoàn (đã/chưa báo cáo, số người dự); kèm mã chi đoàn: xem báo cáo và ảnh của chi đoàn đó",
    example: "/sinhhoat 2026-11",
    menu: true,
  },
  chitieu: {
    args: "[năm] [mã đơn vị] | <mã đơn vị> | <chỉ tiêu> | <số>",
    description: "Chỉ tiêu năm: kết quả so với chỉ tiêu của đơn vị và đơn vị trực thuộc; giao chỉ tiêu cho đơn vị mình hoặc trực thuộc",
    example: "/chitieu XA-A | trees_planted | 2500",
    menu: true,
  },
  taochiendich: {
    description: "Tạo chiến dịch tình nguyện (gõ /taochiendich ? để tạo nhanh bằng một dòng)",
    example: "/taochiendich Chủ nhật xanh | 06/12/2026 07:00 | 06/12/2026 11:00 | Bờ kè ấp 1 | 30 | 04/12/2026",
    menu: true,
  },
  chiendich: { args: "[số]", description: "Chiến dịch tình nguyện tôi phụ trách", example: "/chiendich 3", menu: true },
  chiendichlon: {
    args: "[<tên> | <từ ngày> | <đến ngày> | <mã đơn vị> | <chủ đề>]",
    description: "Chiến dịch lớn nhiều hoạt động (không kèm gì: xem các chiến dịch lớn và kết quả)",
    example: "/chiendichlon Chiến dịch Thanh niên tình nguyện hè 2027 | 01/06/2027 | 31/08/2027 | TINH",
  },
  hoatdong: {
    args: "<số chiến dịch lớn> | <tên> | <mã đơn vị> | <địa điểm> | <ca>; <ca>",
    description: "Thêm hoạt động của đơn vị vào chiến dịch lớn, với các ca (khung giờ, số chỗ)",
    example: "/hoatdong 1 | Trồng cây bờ kè | XA-A | Bờ kè ấp 1 | 07/06/2027 07:00-11:00 20; 07/06/2027 14:00-17:00 15",
  },
  ketqua: {
    args: "<số hoạt động> <số cây> <số đơn vị máu> <số người được giúp>",
    description: "Ghi kết quả hoạt động tình nguyện vào chỉ tiêu của đơn vị",
    example: "/ketqua 3 120 0 45",
  },
  lichchidoan: {
    args: "[mã đơn vị]",
    description: "Lịch sinh hoạt tháng này của các chi đoàn trực thuộc (để bố trí dự sinh hoạt)",
    example: "/lichchidoan XA-A",
    menu: true,
  },
  diemdanh: {
    args: "<số> [1,3,5|tatca|vang <số>]",
    description: "Điểm danh người tham gia chiến dịch tình nguyện",
    example: "/diemdanh 3 1,2,5",
    menu: true,
  },
  duyetthanhvien: {
    args: "[số yêu cầu]",
    description: "Duyệt yêu cầu tham gia đơn vị (không kèm số: xem các yêu cầu đang chờ)",
    example: "/duyetthanhvien 7",
    menu: true,
  },
  tuchoi: { args: "<số yêu cầu>", description: "Từ chối yêu cầu tham gia đơn vị", example: "/tuchoi 7" },
  thongbao: {
    args: "[nội dung]",
    description: "Gửi thông báo cho đoàn viên thuộc đơn vị mình phụ trách (chọn đơn vị, vai trò, chủ đề, giờ gửi)",
    example: "/thongbao Chủ nhật này 7h00 ra quân dọn vệ sinh bờ kè ấp 1, mỗi chi đoàn cử 10 đoàn viên.",
    menu: true,
  },
  ketquathongbao: { args: "[số]", description: "Kết quả gửi thông báo của tôi (đã gửi, bị chặn, lỗi)", example: "/ketquathongbao 3" },

  // ---------------------------------------------------------------- admin
  moi: {
    args: "[<vai trò> <mã đơn vị> [chủ đề] [số lượt]]",
    description: "Tạo mã mời vào đơn vị (vai trò: youth, secretary, cadre, admin); gõ /moi để xem các mã đã tạo",
    example: "/moi secretary CD-A1",
    menu: true,
  },
  huymoi: { args: "<mã mời>", description: "Hủy một mã mời chưa dùng", example: "/huymoi K7M2P9QX" },
  xoathanhvien: {
    args: "<mã đơn vị> [số người] [vai trò]",
    description: "Xem thành viên của đơn vị, xóa một người hoặc một vai trò khỏi đơn vị",
    example: "/xoathanhvien CD-A1 57 secretary",
  },
  phienmoi: {
    args: "<tiêu đề> | <lãnh đạo> | <mã đơn vị> | <mở nhận câu hỏi> | [<trực tiếp>] | <kết thúc>",
    description: "Tạo phiên đối thoại (thu thập câu hỏi trước, rồi đối thoại trực tiếp) và thông báo cho đoàn viên",
    example: "/phienmoi Đảng với thanh niên năm 2026 | Bí thư Tỉnh ủy | TINH | 01/03/2026 08:00 | 26/03/2026 08:00 | 26/03/2026 11:30",
    menu: true,
  },
  dinhtuyen: {
    args: "<mã đơn vị> <chủ đề|*> [mã người|xoa]",
    description: "Đổi quy tắc phân công câu hỏi",
    example: "/dinhtuyen XA-A viec_lam",
    menu: true,
  },
} satisfies Record<string, CommandHelp>;

/** The catalogue, looked up by a name read at run time. */
export const commandCatalogue: Readonly<Record<string, CommandHelp>> = commandHelp;


/**
 * Words users type inside commands (compared case-insensitively, in NFC), shared by the
 * features. Feature-specific lists live next to their texts (e.g. `guideKeywords` for months,
 * `dialogueKeywords` for ratings).
 */
export const typedWords = {
  /** "/ghichu <tháng> xóa", "/dinhtuyen … xoa": remove what was added. */
  remove: ["xóa", "xoá", "xoa"],
  /** "/diemdanh <số> tatca": everyone on the list. */
  all: ["tatca", "tất cả", "all"],
  /** "/diemdanh <số> vang 2,5": mark those absent. */
  absent: ["vang", "vắng"],
  /** "/giaoviec … | nhắc 7,3,1,0": the reminder days of a one-line task. */
  remind: ["nhắc"],
  /** "/giaoviec ?", "/taochiendich huongdan": show how to use the command. */
  usage: ["?", "help", "huongdan", "hướng dẫn"],
} as const;
