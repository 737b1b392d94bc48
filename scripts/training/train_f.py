T = {}
T["viec_lam"] = """
mình muốn đi làm phục vụ nhà hàng ở thành phố, chỗ nào tuyển
lao động nữ trên 35 tuổi bị công ty ép nghỉ việc
làm việc trong mỏ đá có phải khám sức khỏe định kỳ
em đi làm ở cty được 1 năm mà chưa được tăng lương
có lớp đào tạo nghề cho thanh niên khuyết tật không
Người lao động được nghỉ những ngày lễ nào trong năm
đi làm thuê ở trang trại bên Israel
Thu nhập nghề lái máy xúc có cao không, học ở đâu
Nhận làm gia công tại nhà có uy tín không
cty bắt đóng tiền đào tạo rồi mới cho đi làm
tôi muốn chuyển việc sang làm nhân viên kinh doanh
Nghề thợ mộc có còn cần người học không
Đăng ký hưởng bảo hiểm thất nghiệp trong bao lâu sau khi nghỉ việc
việc làm cho người dân tộc thiểu số ở huyện vùng cao
Điều kiện đi làm thuyền viên trên tàu viễn dương
lái xe tải đường dài lương bao nhiêu
cơ hội việc làm ngành du lịch sau dịch
Ký hợp đồng lao động khi chưa đủ 18 tuổi
"""
T["khoi_nghiep"] = """
vốn vay cho thanh niên lập nghiệp ở nông thôn
ai có kinh nghiệm trồng cà chua trong nhà kính chia sẻ
bán hàng rong có phải đăng ký kinh doanh không
làm sao để sản phẩm được dán nhãn OCOP
Hội chợ nông sản thanh niên đăng ký gian hàng ở đâu
nuôi thỏ thương phẩm đầu ra thế nào
vay không lãi suất cho thanh niên khởi nghiệp có không
Chi phí mở một xưởng in áo thun nhỏ
Đào tạo kỹ năng quản lý tài chính cho chủ cửa hàng nhỏ
Cách lập kế hoạch kinh doanh để xin vay vốn
làm mô hình vườn rau thủy canh bán cho trường học
Nông dân trẻ xuất khẩu chuối sang Trung Quốc bị ùn ứ ở cửa khẩu
Mô hình kinh tế tập thể của thanh niên có được miễn thuế
Thủ tục vay vốn hỗ trợ tạo việc làm từ quỹ của đoàn
gọi vốn cộng đồng cho dự án sản phẩm thủ công
Đầu tư nuôi chim yến có rủi ro không
dịch vụ tư vấn pháp lý cho doanh nghiệp khởi nghiệp
Câu lạc bộ thanh niên làm kinh tế giỏi của huyện
"""
T["hoc_tap"] = """
Điều kiện miễn giảm học phí cho sinh viên hộ nghèo
e muốn học lại lớp 12 ở trung tâm giáo dục thường xuyên
học ngành y mất mấy năm
trường đại học nào có ngành logistics điểm thấp
học trái tuyến cấp 3 ở huyện khác có được không
Chương trình học bổng của doanh nghiệp cho sinh viên ngành kỹ thuật
Phụ huynh bị thu tiền quỹ lớp quá nhiều
Trường học có dạy kỹ năng phòng chống xâm hại cho học sinh không
giáo trình ôn thi chứng chỉ tiếng Nhật N3
Sinh viên được giảm giá vé xe buýt không
Học online có được cấp bằng đại học không
điều kiện xét tuyển thẳng vào trường công an
Tiêu chuẩn thanh niên tiên tiến làm theo lời Bác trong học tập
Học bổng Nâng bước em tới trường của tỉnh đoàn
Thi THPT quốc gia năm nay có mấy môn bắt buộc
Học sinh bị thầy cô đánh phạt thì báo ai
lớp học kỹ năng thuyết trình cho học sinh
Học ngoại ngữ thứ hai ở trường phổ thông
"""
T["can_bo_tre"] = """
tuyển công chức thuế năm nay thi những môn gì
cán bộ đoàn được hưởng phụ cấp công vụ bao nhiêu
sinh viên giỏi về công tác ở xã được hỗ trợ những gì
Bổ nhiệm lại cán bộ khi hết thời hạn giữ chức vụ
Thi tuyển viên chức ngành văn hóa có ưu tiên người địa phương
Cán bộ dưới 30 tuổi trong ban thường vụ huyện ủy
Chế độ đãi ngộ để giữ chân cán bộ trẻ có trình độ cao
chuyển công tác từ viên chức trường học sang ủy ban
Thời gian công tác để được xét bổ nhiệm ngạch chuyên viên
Công chức trẻ xin nghỉ việc để ra ngoài làm có được không
Học bồi dưỡng ngạch chuyên viên chính mất bao lâu
Ứng viên thi công chức cần chứng chỉ tiếng dân tộc không
Cán bộ quản lý trẻ bị luân chuyển liên tục không ổn định
Tiêu chí chọn cán bộ trẻ đi đào tạo ở học viện chính trị
Tuyển dụng vào làm ở tỉnh đoàn cần tiêu chuẩn gì
Công chức tập sự có được hưởng đủ lương không
Cán bộ trẻ đề xuất cải cách thủ tục có được ghi nhận không
Chính sách đối với cán bộ nghỉ việc do sắp xếp tổ chức bộ máy
"""
T["dang_doan"] = """
đoàn viên có được kết nạp đảng khi đang học đại học
lớp đối tượng kết nạp đảng do ai mở
e chuyển trường thì hồ sơ đoàn xử lý sao
đoàn phí đóng theo tháng hay theo năm
cách đăng nhập phần mềm quản lý đoàn viên trên điện thoại
Chi đoàn sinh hoạt ít người tham gia, làm sao thu hút
Hồ sơ đoàn viên gồm những gì khi chuyển về địa phương
Tuổi kết nạp vào Đảng tối thiểu là bao nhiêu
Đoàn viên có nhiệm vụ giới thiệu thanh niên vào đoàn không
Bí thư chi bộ có dự sinh hoạt chi đoàn không
Đánh giá đảng viên trẻ hằng năm như thế nào
Đoàn cơ sở có được thu kinh phí hoạt động từ đoàn viên
Thủ tục trao thẻ đoàn cho đoàn viên mới kết nạp
Trình tự tổ chức lễ kết nạp đoàn viên
Xin ra khỏi Đoàn có phải viết đơn không
Đảng viên bị khai trừ có được kết nạp lại không
Chi đoàn được quyền đề nghị kết nạp đoàn viên ưu tú vào Đảng
Ngày thành lập Hội Liên hiệp Thanh niên Việt Nam là ngày nào
"""
T["an_sinh"] = """
mua bảo hiểm y tế cho bé mới sinh ở đâu
bhxh trả tiền dưỡng sức sau sinh bao nhiêu ngày
xin trợ cấp khó khăn đột xuất khi nhà bị cháy
Bệnh viện có được thu thêm tiền ngoài bảo hiểm không
người có thẻ bhyt 5 năm liên tục được miễn cùng chi trả
Chương trình sữa học đường cho trẻ mầm non
Trợ cấp cho thân nhân liệt sĩ hằng tháng
Hồ sơ đề nghị hưởng trợ cấp xã hội cho người khuyết tật
Tăng lương cơ sở thì trợ cấp xã hội có tăng không
Khám bệnh miễn phí cho người nghèo ở bệnh viện tỉnh
Cấp thẻ BHYT cho người dân tộc vùng đặc biệt khó khăn
Bảo hiểm y tế có chi trả khi đi cấp cứu ở bệnh viện tư không
Người bị bạo hành được nhà tạm lánh hỗ trợ
Phụ cấp cho nhân viên y tế thôn bản
Chăm sóc sức khỏe tâm thần cho thanh thiếu niên
Hỗ trợ người lao động mất việc do thiên tai
Tiêm chủng mở rộng có những loại vắc xin nào
Đóng bảo hiểm xã hội bao nhiêu năm thì được nghỉ hưu
"""
T["phap_luat"] = """
thủ tục xin cấp giấy phép xây dựng nhà ở nông thôn
bị người yêu cũ tung ảnh riêng tư lên mạng
Đỗ xe trên vỉa hè bị phạt bao nhiêu
Người dân bắt trộm rồi đánh trộm bị thương có phạm luật không
tiêm chích ma túy ở bãi đất trống cạnh trường
Thủ tục đăng ký biến động đất đai khi chia thừa kế
Luật an ninh mạng cấm những hành vi nào
Xử phạt hành vi buôn bán động vật hoang dã
Làm chứng minh nhân thân cho người không có giấy tờ
Cách phòng tránh bị lừa khi mua vé máy bay online
Chuộc xe bị tạm giữ do vi phạm giao thông
Tranh chấp hợp đồng thuê nhà trọ với chủ trọ
Nghĩa vụ quân sự có được hoãn khi đang học đại học không
Người say rượu gây rối ở đám cưới bị xử lý thế nào
Thủ tục nhận con nuôi
Công an xã có quyền kiểm tra điện thoại người dân không
Sử dụng pháo hoa trong đám cưới có vi phạm không
Phòng chống mua bán người ở vùng biên giới
"""
T["moi_truong"] = """
cống nước thải khu chợ chảy ra ruộng lúa
bao giờ thôn em có nước máy
nhà máy giấy xả thải ra sông đen ngòm
đường vào trường học không có đèn chiếu sáng
Khu dân cư bị ngập úng kéo dài sau mưa
Vận động người dân không xả rác xuống kênh
Trồng cây xanh dọc tuyến đường nông thôn mới
Xử lý rác thải rắn sinh hoạt ở xã chưa có lò đốt
Ô nhiễm khói bụi từ trạm trộn bê tông
Bờ kè sông bị sụt lún nguy hiểm
Hệ thống thoát nước ở thị trấn quá nhỏ
Làm sạch ao hồ đầy rác ở trung tâm xã
Cải tạo bãi rác cũ thành sân chơi
Bảo vệ nguồn nước đầu nguồn khỏi ô nhiễm
Thiếu nước sạch vào mùa khô ở vùng ven biển
Nâng cấp đường đất thành đường bê tông liên xã
Tắc đường ở cổng trường giờ tan học do không có bãi đỗ
Thu phí vệ sinh môi trường ở khu phố
"""
T["tinh_nguyen_van_hoa"] = """
tham gia chủ nhật xanh có được giấy chứng nhận tình nguyện
hiến máu bao nhiêu lần thì được vinh danh
đội bóng rổ thanh niên của phường
cuộc thi ảnh đẹp quê hương cho thanh niên
lớp học vẽ miễn phí cho trẻ em dịp hè
Hoạt động trải nghiệm về nguồn cho đoàn viên
Tuyển tình nguyện viên cho hội chạy từ thiện
Xây dựng sân chơi cho thiếu nhi từ vật liệu tái chế
Hội diễn văn nghệ quần chúng các thôn
Thanh niên tình nguyện giúp dân thu hoạch mùa màng
Tổ chức ngày hội thể thao cho người khuyết tật
Đội văn nghệ thanh niên đi biểu diễn phục vụ bộ đội biên phòng
Câu lạc bộ bơi lội của huyện
Tình nguyện viên hướng dẫn khách tham quan di tích lịch sử
Giải việt dã truyền thống của tỉnh đoàn
Lớp học đàn organ cho thiếu nhi ở nhà văn hóa
Gây quỹ mua xe đạp tặng học sinh nghèo
Tháng Thanh niên năm nay có công trình thanh niên nào
"""
T["chuyen_doi_so"] = """
cách đăng ký tài khoản dịch vụ công cho người mới
xem điểm thi của con trên app
cài đặt ứng dụng ngân hàng cho bố mẹ
Học tin học để làm việc trên máy tính cho người lớn tuổi
Thủ tục hành chính điện tử ở xã hay bị lỗi hệ thống
Chuyển tiền nhầm tài khoản ngân hàng thì làm sao lấy lại
Ứng dụng bản đồ số du lịch của tỉnh
Ký hợp đồng điện tử có giá trị pháp lý không
Dùng chatbot AI để học tập
Đăng ký thường trú online qua cổng dịch vụ công Bộ Công an
Lừa đảo qua mã QR dán giả ở quán ăn
Xây dựng trang fanpage cho chi đoàn
Hướng dẫn người dân dùng VNeID thay giấy tờ khi đi máy bay
Mạng 5G bao giờ phủ sóng ở tỉnh mình
Camera an ninh kết nối internet có bị hack không
Sổ tay điện tử đoàn viên trên ứng dụng thanh niên việt nam
Số hóa hồ sơ bệnh án ở bệnh viện huyện
Bán nông sản qua livestream trên Facebook
"""
T["khac"] = """
hi ad, chúc ngày mới vui vẻ
Bot trả lời chậm quá
em ko có câu hỏi gì đâu
Anh chị có người yêu chưa ạ
Vì sao ngày xưa các anh chị chọn làm cán bộ
Có ai muốn chơi game cùng em không
Xin chào, tôi là người mới
Test
Mọi người ăn cơm chưa
Tôi muốn hủy câu hỏi đã gửi
Bot có gửi được ảnh không
Câu hỏi của tôi đã được chuyển cho ai
Em muốn góp ý là chữ trên bot hơi nhỏ
Sao hôm nay không thấy thông báo gì
Cuộc sống thật vô nghĩa
Tôi có thể hỏi bao nhiêu câu một ngày
Buổi đối thoại hôm nay diễn ra ở hội trường nào
Xin cảm ơn vì đã lắng nghe
"""
