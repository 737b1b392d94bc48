T = {}
T["viec_lam"] = """
e cần tìm việc gấp, ở đâu đang tuyển
có chỗ nào nhận người làm part-time không ạ
mình muốn học nghề làm bánh để đi làm
chủ bắt làm chủ nhật mà không trả thêm tiền
hợp đồng lao động hết hạn mà công ty không ký tiếp
tư vấn giúp em nên học nghề gì
thanh niên thất nghiệp ở quê nhiều quá, có chương trình tạo việc làm không
đi làm công nhân có được đóng bảo hiểm không ạ
nghề nào lương cao mà không cần bằng đại học
em muốn đi Hàn làm việc nhưng sợ bị lừa phí môi giới
bị nợ lương thì gọi đường dây nóng nào
thông tin tuyển lao động đi Nhật năm nay
"""
T["khoi_nghiep"] = """
có vốn ít thì nên bắt đầu buôn bán gì
vay vốn của đoàn thì lãi bao nhiêu ạ
làm sao để bán được hàng nông sản nhà trồng
muốn mở trang trại nuôi gà cần chuẩn bị gì
e muốn làm kinh tế ở quê mà không biết bắt đầu từ đâu
Đoàn có hỗ trợ người trẻ kinh doanh online không
mô hình trồng rau sạch có cho vay ưu đãi không
thành lập tổ hợp tác cần thủ tục gì
đăng ký thương hiệu cho sản phẩm của hợp tác xã
giá cà phê năm nay có tăng không, bán lúc nào lời
có lớp dạy lập kế hoạch kinh doanh không ạ
tiền vay vốn trả góp hằng tháng được không
"""
T["hoc_tap"] = """
trường cấp 3 nào ở huyện điểm chuẩn thấp
e muốn thi lại đại học năm sau được không
hs nghèo có học bổng nào không
học tiếng anh ở đâu rẻ mà tốt
sinh viên được vay tiền đóng học phí không
lịch thi học kỳ của trường em bao giờ có
ôn thi tốt nghiệp thpt môn văn thế nào
em học dốt toán quá phải làm sao
đăng ký học lớp kỹ năng mềm ở đâu
có chương trình giao lưu học sinh với nước ngoài không
thi tuyển sinh lớp 10 năm nay mấy môn
bằng cao đẳng có học lên thạc sĩ được không
"""
T["can_bo_tre"] = """
làm sao để được vào biên chế nhà nước
thi công chức cần học những gì
e muốn làm cán bộ xã thì phải có bằng gì
viên chức trẻ lương thấp quá có được tăng không
khi nào tỉnh tuyển công chức đợt mới
cán bộ đoàn bao nhiêu tuổi thì phải chuyển công tác
có chính sách gì cho cán bộ trẻ về vùng khó khăn
được cử đi học lý luận chính trị cần điều kiện gì
tiêu chuẩn quy hoạch ban chấp hành cấp xã
công chức mới vào có được chọn nơi làm việc không
đánh giá cán bộ trẻ có công bằng không
bổ nhiệm lãnh đạo trẻ dưới 35 tuổi ở tỉnh mình
"""
T["dang_doan"] = """
muốn vào đảng thì phải làm gì
đóng đoàn phí ở đâu
e quên mang sổ đoàn khi chuyển trường
chi đoàn tháng này sinh hoạt gì
làm sao để được xét đoàn viên ưu tú
lớp cảm tình đảng học mấy ngày
đoàn viên có phải đi sinh hoạt hằng tháng không
điều kiện để thành lập chi đoàn mới
sổ đoàn viên có cần đóng dấu không
bầu bí thư chi đoàn thế nào
phần mềm quản lý đoàn viên nhập sai ngày sinh
vào hội liên hiệp thanh niên có lợi gì
"""
T["an_sinh"] = """
bhyt hộ gia đình mua ở đâu
ốm phải nằm viện có được bảo hiểm trả không
nhà em nghèo có được hỗ trợ gì không
bà em già yếu có được trợ cấp không
khám bệnh ở trạm y tế có mất tiền không
mất việc có được nhận tiền trợ cấp không
bhxh một lần rút ở đâu
nhà bị lũ cuốn trôi có được hỗ trợ làm nhà không
người khuyết tật được ưu đãi gì
em bị bệnh mà không có tiền chữa
tiêm vắc xin cho bé ở đâu
đóng bhxh tự nguyện mỗi tháng bao nhiêu
"""
T["phap_luat"] = """
bị công an phạt vì không mang bằng lái
em bị lừa tiền trên facebook
hàng xóm lấn đất nhà em phải làm sao
làm căn cước ở đâu
có nhóm thanh niên hay tụ tập hút chích
bị đòi nợ thuê đe dọa thì làm gì
xe máy bị trộm thì trình báo ở đâu
thủ tục cấp sổ đỏ mất bao lâu
đánh nhau bị bắt thì xử lý thế nào
chạy xe quá tốc độ bị phạt bao nhiêu
app vay tiền đòi lãi cắt cổ có phạm pháp không
đăng ký kết hôn với người nước ngoài
"""
T["moi_truong"] = """
rác ở xóm e không ai thu gom
đường làng bị lún sụt
nước giếng nhà em bị ô nhiễm
bao giờ xã có hệ thống thoát nước
có người đổ rác ra kênh
khói bụi nhà máy làm cả xóm khó thở
thôn e cần thêm đèn đường
đường vào trường học lầy lội mỗi khi mưa
cây xanh trong công viên bị chặt
nạo vét kênh mương khi nào làm
xã mình đạt nông thôn mới chưa
phân loại rác có bắt buộc không
"""
T["tinh_nguyen_van_hoa"] = """
e muốn đi tình nguyện hè này
hiến máu ở đâu gần nhất
xã có sân bóng chuyền không
đoàn có tổ chức trung thu cho thiếu nhi không
clb thể thao cho thanh niên ở đâu
tham gia đội văn nghệ của đoàn thế nào
có giải bóng đá nào cho thanh niên không
nhà văn hóa có mở cửa buổi tối không
tình nguyện viên mùa hè xanh được gì
em muốn học võ ở đâu
hoạt động tình nguyện cuối tuần cho sinh viên
lễ hội văn hóa của huyện khi nào diễn ra
"""
T["chuyen_doi_so"] = """
cách cài vneid
e không biết nộp hồ sơ online
app ngân hàng bị lỗi không chuyển tiền được
học kỹ năng số ở đâu
làm sao tránh bị lừa khi mua hàng online
đăng ký tài khoản dịch vụ công
xã có wifi công cộng không
dùng chữ ký số thế nào
thanh toán không tiền mặt có an toàn không
điện thoại bị hack thì làm sao
khóa học AI miễn phí cho thanh niên
tổ công nghệ số cộng đồng có ở thôn em không
"""
T["khac"] = """
bot ơi
xin chào
cảm ơn bot
em chán quá
ai đó nói chuyện với em
hôm nay trời đẹp quá
bot có biết hát không
chúc mọi người buổi tối vui vẻ
lãnh đạo có khỏe không ạ
em đang ở đâu vậy
gửi lời cảm ơn đến ban tổ chức
test test
"""
