T = {}
T["viec_lam"] = """
có việc làm nào cho người chỉ học hết lớp 9 không
e muốn đi làm công nhân may ở Bình Dương, ai giới thiệu giúp
tuyển thợ điện lạnh ở thị trấn chỗ nào
lương công nhân nhà máy giày bao nhiêu 1 tháng
Học nghề ngắn hạn 3 tháng có cấp chứng chỉ không?
đi nhật làm kỹ sư cần bằng gì
mình bị chủ cho thôi việc khi đang mang thai có đúng không
đi xklđ hàn quốc bao nhiêu tuổi thì hết được đi
Tìm việc bán thời gian cho học sinh nghỉ hè
người lao động bị trả lương chậm nhiều tháng
Nhà tuyển dụng đòi đặt cọc tiền đồng phục có hợp pháp không
nghề nail, nghề tóc có dễ kiếm tiền không
công việc ổn định gần nhà cho nữ thanh niên
Ngành logistics ra trường làm gì, lương thế nào
Có chương trình tư vấn nghề nghiệp cho bộ đội xuất ngũ không
Tôi làm công nhân bị sa thải, có được trợ cấp thôi việc không
em ko muốn học đại học, học nghề gì để có thu nhập cao
đơn hàng đi Đài Loan nhà máy điện tử có phí bao nhiêu
tăng ca chủ nhật có được tính lương gấp đôi không
chỗ làm bắt ký hợp đồng cộng tác viên thay vì hợp đồng lao động
em vừa học xong cao đẳng du lịch, muốn làm lễ tân khách sạn
Lao động đi làm ở nước ngoài về có được hỗ trợ tìm việc không
tuyển dụng bảo vệ ca đêm ở khu công nghiệp
Hướng nghiệp cho học sinh THCS về các ngành kỹ thuật
phụ cấp độc hại cho công nhân làm hóa chất
Việc làm từ xa online cho người khuyết tật
Có nên đi làm thuê ở Campuchia với lương cao không
Giấy khám sức khỏe xin việc làm ở đâu
Nghỉ phép năm của người lao động được bao nhiêu ngày
Mức đóng phí công đoàn của công nhân
"""
T["khoi_nghiep"] = """
e muốn vay 100 triệu mở tiệm tạp hóa
ngân hàng chính sách cho thanh niên vay không cần thế chấp tới bao nhiêu
mô hình trồng sâm ngọc linh có được hỗ trợ không
Bán hàng trên Shopee có cần đăng ký kinh doanh không
Muốn làm đại lý phân phối sản phẩm thì vốn ít có được không
tổ vay vốn của đoàn ở thôn em ai làm tổ trưởng
hợp tác xã rau an toàn tuyển thành viên góp vốn
Mở quán ăn sáng cần giấy chứng nhận an toàn thực phẩm không
Làm sao để có tem truy xuất cho sản phẩm chè của nhà
Chương trình hỗ trợ thanh niên làm kinh tế từ cây mắc ca
em có 1 ha đất, nên trồng cây gì cho hiệu quả kinh tế
Lãi suất vay hộ sản xuất kinh doanh vùng khó khăn
nuôi heo rừng lai cần giấy phép không, bán ở đâu
gọi vốn cho startup ở giai đoạn ý tưởng như thế nào
Cuộc thi ý tưởng khởi nghiệp của học sinh sinh viên năm nay
kinh doanh trà sữa ở thị trấn có lời không
Tôi muốn đăng ký thương hiệu cho mắm tôm gia truyền
Kết nối tiêu thụ thanh long bị rớt giá
máy móc chế biến nông sản có được hỗ trợ một phần kinh phí không
Làm đầu mối thu mua nông sản cho bà con có cần giấy phép
Doanh nghiệp trẻ được miễn thuế thu nhập doanh nghiệp mấy năm
mô hình nuôi lươn không bùn vốn bao nhiêu
Đăng ký thành lập công ty TNHH một thành viên
gia hạn nợ vay vốn khi bị mất mùa
Xây dựng thương hiệu gạo sạch của thôn
"""
T["hoc_tap"] = """
học bổng cho sv nghèo nộp hồ sơ khi nào
em muốn học thêm tiếng Anh buổi tối ở huyện
cách xét tuyển vào trường quân đội
Điểm thi tốt nghiệp năm nay bao giờ có
ôn thi vào lớp 10 môn toán thế nào
học phí trường cao đẳng y bao nhiêu
học sinh vùng cao đi học phải lội suối, có xây trường gần hơn không
khóa học kỹ năng mềm cho sinh viên
Làm sao để đăng ký học đại học từ xa
em muốn đi du học Hàn Quốc bằng học bổng
sv năm nhất nên tham gia clb học thuật nào
Con em học lớp 1 chưa biết đọc, nhà trường có phụ đạo không
thi chứng chỉ tiếng Anh A2 cho học sinh
Trường cấp 3 ở xã thiếu phòng thí nghiệm
Em bị mất gốc tiếng anh thì bắt đầu học lại từ đâu
đi học bổ túc văn hóa buổi tối cho người lớn tuổi
Học sinh bỏ học giữa chừng vì nhà nghèo
Vay vốn học đại học ở ngân hàng chính sách lãi suất bao nhiêu
Giải thưởng sinh viên nghiên cứu khoa học
Khóa luận tốt nghiệp chọn đề tài gì
Xe đưa đón học sinh đi học ở xa
Trường mầm non thôn thiếu lớp học
Hướng dẫn ôn thi học kỳ hiệu quả
Em học trường nghề có được liên thông lên đại học không
Thủ tục xin bảng điểm và giấy xác nhận sinh viên
"""
T["can_bo_tre"] = """
thi công chức xã cần bằng đại học ngành gì
tuyển viên chức giáo viên năm nay tỉnh mình bao nhiêu chỉ tiêu
e tốt nghiệp loại xuất sắc có được xét tuyển vào biên chế không
Cán bộ trẻ bị trù dập khi góp ý với lãnh đạo thì làm sao
Tinh giản biên chế có ảnh hưởng đến cán bộ trẻ không
Lương cán bộ công chức trẻ mới vào nghề bao nhiêu
đề bạt cán bộ nữ trẻ vào vị trí lãnh đạo
Cán bộ đoàn xã có được xét tuyển vào công chức văn hóa xã hội không
Điều kiện được cử đi đào tạo sau đại học cho công chức
Chính sách thu hút tiến sĩ về làm việc tại tỉnh
Người có bằng đại học chính quy loại giỏi được ưu tiên tuyển dụng
Cán bộ trẻ làm việc ở vùng biên giới có phụ cấp thu hút không
bí thư đoàn xã sau nhiệm kỳ được bố trí làm gì
vị trí việc làm của công chức cấp xã sau sắp xếp
Thi tuyển công chức năm nay có phỏng vấn không
cán bộ trẻ có được tham gia ban chấp hành đảng bộ không
quy định về luân chuyển cán bộ lãnh đạo trẻ
thời gian nâng lương thường xuyên của viên chức
tiêu chuẩn chức danh chủ tịch ủy ban xã
viên chức y tế trẻ xin nghỉ việc có phải bồi hoàn chi phí đào tạo
Tỷ lệ cán bộ trẻ dưới 35 tuổi trong cấp ủy
Đánh giá cán bộ trẻ dựa trên kết quả công việc hay thâm niên
Cán bộ hợp đồng ở xã có được thi nâng lên công chức không
Tuyển dụng sĩ quan quân đội từ sinh viên tốt nghiệp
Bồi dưỡng kiến thức quốc phòng an ninh đối tượng 4 cho cán bộ
"""
T["dang_doan"] = """
e muốn vào đoàn thì nộp đơn cho ai
đoàn phí của công nhân đóng bao nhiêu
xin giấy chuyển sinh hoạt đoàn khi đi học đại học
Chi đoàn thôn em lâu rồi không sinh hoạt
cách viết đơn xin vào đoàn
Đoàn viên ưu tú cần học lớp gì trước khi vào đảng
Thời gian thử thách đảng viên dự bị là bao lâu
Tiêu chuẩn xét đoàn viên xuất sắc cuối năm
Cách tổ chức buổi sinh hoạt chi đoàn theo chủ điểm tháng
tài khoản phần mềm quản lý đoàn viên của chi đoàn bị sai thông tin
Đảng viên đi làm xa có phải về sinh hoạt chi bộ không
Chi đoàn có bao nhiêu đoàn viên thì bầu bí thư và phó bí thư
Đoàn viên bị xóa tên khỏi danh sách thì có được vào lại không
Quy trình bầu ban chấp hành đoàn cơ sở
Sổ đoàn viên bị rách có phải làm lại không
Trưởng thành đoàn là gì, có giấy chứng nhận không
Đoàn viên có được đề nghị khen thưởng khi có thành tích không
Biểu mẫu báo cáo công tác đoàn hằng tháng
Có bắt buộc đảng viên trẻ phải tham gia sinh hoạt đoàn không
lý lịch của người vào đảng có người thân bị án thì sao
kết nạp đảng trong học sinh thpt có được không
Mẫu nghị quyết chi đoàn đề nghị kết nạp đoàn viên
Đoàn viên được quyền chất vấn ban chấp hành không
Hội viên hội liên hiệp thanh niên được kết nạp từ mấy tuổi
Tham gia Hội Sinh viên có khác tham gia Đoàn không
"""
T["an_sinh"] = """
bhyt học sinh đóng bao nhiêu 1 năm
mẹ em 70 tuổi có được cấp bảo hiểm y tế miễn phí không
Làm thủ tục hưởng chế độ thai sản ở đâu
Đóng bảo hiểm xã hội tự nguyện có được nhà nước hỗ trợ không
gia đình em khó khăn có được hỗ trợ làm nhà không
Đi khám ở bệnh viện tư có được dùng thẻ bảo hiểm không
xét duyệt hộ nghèo năm nay có công khai không
Người bị tâm thần lang thang ngoài đường ai quản lý
trạm y tế xã có bác sĩ trực ban đêm không
Cấp phát thuốc methadone cho người cai nghiện
Tra cứu quá trình đóng bảo hiểm xã hội
Tiền trợ cấp một lần khi sinh con là bao nhiêu
Hỗ trợ chi phí mai táng cho người neo đơn
Trẻ em khuyết tật được hỗ trợ đi học và chữa bệnh
Phòng chống dịch tay chân miệng ở trường mầm non
Cấp cứu ban đêm ở vùng sâu phải đi rất xa
Người thu nhập thấp mua nhà ở xã hội trả góp
Quỹ vì người nghèo của xã chi cho những việc gì
Nghỉ dưỡng sức sau ốm đau được hưởng bao nhiêu
Bệnh nhân chạy thận có được hỗ trợ tiền đi lại không
Hiến tạng và chăm sóc người bệnh hiểm nghèo
Khám sàng lọc ung thư miễn phí cho phụ nữ
Chính sách hỗ trợ người dân bị ảnh hưởng bởi lũ lụt
tiêm phòng dại ở đâu, giá bao nhiêu
Khám sức khỏe sinh sản tiền hôn nhân cho thanh niên
"""
T["phap_luat"] = """
bị lừa đầu tư tiền ảo thì có lấy lại được tiền không
mất xe máy ở chợ thì trình báo ở đâu
đi xe máy chở 3 bị phạt bao nhiêu
có người rủ e đi làm việc nhẹ lương cao ở nước ngoài, có phải lừa đảo không
Tố cáo cán bộ nhận hối lộ như thế nào
thủ tục sang tên sổ đỏ khi mua đất
Trẻ em bị xâm hại thì gọi số điện thoại nào
bị hàng xóm xây nhà lấn sang đất
Tội tàng trữ ma túy bị phạt tù bao nhiêu năm
Lái xe ô tô không có bằng lái bị xử lý thế nào
Đánh nhau gây thương tích bao nhiêu phần trăm thì bị truy cứu hình sự
tin nhắn trúng thưởng yêu cầu nộp phí nhận quà
Đăng tin sai sự thật lên facebook bị phạt gì
Trộm cắp vặt ở khu trọ
Cờ bạc online, đánh lô đề trên mạng
Mua bán hàng giả hàng nhái trên mạng bị xử phạt
Làm giấy xác nhận tình trạng hôn nhân ở đâu
đổi giấy phép lái xe cũ sang mẫu mới
Bị công an giữ xe do không mang giấy tờ
Dạy kiến thức an toàn giao thông cho học sinh
Cấp giấy chứng nhận quyền sử dụng đất cho đất khai hoang
Giải quyết khiếu nại về đền bù giải phóng mặt bằng
Thanh niên hút cần sa có bị đưa đi cai nghiện bắt buộc không
Mạo danh nhân viên điện lực gọi điện đòi tiền
Đi xe đạp điện không đội mũ có bị phạt
"""
T["moi_truong"] = """
xóm e rác vứt bừa bãi ra đường
bao giờ đường vào thôn được trải nhựa
nước máy có mùi clo và cặn bẩn
Khi nào làm lại cống qua đường bị sập
Thôn em cả năm chưa có xe thu gom rác
ô nhiễm không khí ở thành phố ngày càng nặng
nhà máy chế biến mủ cao su gây mùi hôi
Trường em muốn trồng thêm cây xanh, xin cây ở đâu
Xây dựng mô hình thôn sáng xanh sạch đẹp
Đường ngập nước mỗi khi triều cường
Hạn chế sử dụng ống hút nhựa ở quán nước
Đổ rác không đúng giờ quy định có bị phạt không
Bê tông hóa kênh mương nội đồng
Khu phố thiếu thùng rác công cộng
Nhà vệ sinh công cộng ở chợ hôi thối
Xử lý chất thải chăn nuôi bằng hầm biogas
Khắc phục sạt lở đất sau mưa lớn ở vùng núi
Trồng rừng ngập mặn chống xói lở bờ biển
Khu công nghiệp xả khói đen ban đêm
Cấp nước sạch cho vùng hạn hán
Lắp đèn năng lượng mặt trời cho đường làng
Đường tỉnh lộ nhiều xe tải chở đất làm bụi mù
Chỉnh trang đô thị, kẻ vạch đường và vỉa hè
Xả rác xuống biển ở làng chài
Quy hoạch lại khu chợ tạm lấn chiếm đường
"""
T["tinh_nguyen_van_hoa"] = """
đăng kí hiến máu ở đâu
mùa hè xanh năm nay có đi vùng biên giới không
đoàn có tuyển tình nguyện viên cho lễ hội hoa không
xã e k có chỗ chơi thể thao
Giải bóng đá thanh niên cấp huyện khi nào khởi tranh
Câu lạc bộ nhiếp ảnh trẻ sinh hoạt ở đâu
Sinh viên tình nguyện về quê dạy học hè
Tổ chức văn nghệ chào mừng 26/3 cần chuẩn bị gì
Phong trào thể dục thể thao cho thanh niên nông thôn
Hoạt động tình nguyện vì cộng đồng được cộng điểm rèn luyện không
Ngày hội đọc sách cho thiếu nhi ở thư viện
Thanh niên dọn dẹp nghĩa trang liệt sĩ trước ngày 27/7
Tổ chức trò chơi dân gian trong lễ hội làng
Giải chạy marathon của tỉnh đăng ký online
Câu lạc bộ võ vovinam cho thanh thiếu niên
Nhà văn hóa bị dùng làm kho chứa đồ, thanh niên không có chỗ sinh hoạt
Đội tình nguyện sơ cấp cứu giao thông
Quỹ học bổng do tình nguyện viên quyên góp
Liên hoan tiếng hát thanh niên công nhân
Thi đấu thể thao điện tử esports cho sinh viên
Sân cỏ nhân tạo thuê giá bao nhiêu một giờ
Đi hiến máu có cần mang căn cước không
Tình nguyện hỗ trợ người già neo đơn dịp Tết
Chương trình Tết ấm cho trẻ em vùng cao
Câu lạc bộ kỹ năng sống cho thiếu niên
"""
T["chuyen_doi_so"] = """
làm căn cước online trên vneid được không
e quên mật khẩu vneid
cài app thanh niên việt nam ở đâu
Tổ công nghệ số cộng đồng hướng dẫn người dân làm gì
cách chuyển tiền bằng mã qr
Làm thủ tục hành chính online có phải lên xã nữa không
Học kỹ năng bán hàng online qua mạng xã hội
Tài khoản ngân hàng bị trừ tiền lạ sau khi bấm link
Nhận biết tin giả trên mạng xã hội
Phần mềm học trực tuyến cho học sinh
Đăng ký sim chính chủ bằng căn cước trên app
Xã có triển khai camera thông minh không
Thanh toán tiền điện qua app ngân hàng
Thông báo lịch tiêm chủng qua ứng dụng điện thoại
Internet cho trường học vùng cao quá chậm
Đào tạo kỹ năng số cho cán bộ đoàn cơ sở
Hồ sơ sức khỏe điện tử của người dân
Nền tảng bình dân học vụ số học online
Bảo vệ dữ liệu cá nhân khi dùng ứng dụng
Làm video ngắn quảng bá sản phẩm địa phương
Ứng dụng giao thông báo kẹt xe
Kết nối wifi miễn phí ở khu vực công cộng
Mua hàng qua sàn thương mại điện tử có an toàn không
Máy tính bảng cho học sinh nghèo học online
Học thiết kế đồ họa cơ bản trên máy tính
"""
T["khac"] = """
ad ơi
alo alo
bot ngu quá
cho em hỏi 1 câu
em cảm ơn nhiều ạ
Ủa sao không ai trả lời vậy
chúc các anh chị lãnh đạo sức khỏe
Mấy giờ rồi ạ
bot tên gì vậy
Em không biết hỏi gì
Hôm nay ăn gì ngon
Người yêu em không nhắn tin lại
Đội tuyển Việt Nam có vô địch không
Em muốn chia sẻ cảm nghĩ sau buổi đối thoại
Kết quả bóng đá tối qua
Trò chơi nào hay nhất hiện nay
Ai đó giúp em làm bài tập về nhà với
Tôi phản đối việc câu hỏi bị cắt ngắn
Bot có lưu tin nhắn của tôi không
Đổi ngôn ngữ bot sang tiếng Anh
Thử nghiệm 123
Anh chị lãnh đạo có mệt không ạ
Góp ý: nên có thêm nhiều phiên đối thoại hơn
Bài hát yêu thích của bí thư tỉnh đoàn là gì
Em đang buồn, có ai nghe em nói không
"""
